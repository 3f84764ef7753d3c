package com.abcdashboard.http;

import com.abcdashboard.api.model.ErrorResponseDto;
import com.abcdashboard.domain.RateLimitedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every error in the documented envelope. Registered as the routing's error handler for all
 * throwables, and used directly by the fallback route and the protocol-level handlers.
 */
public final class ErrorResponses implements ErrorHandler<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    /** How long a client should wait before retrying after a 503 (a database failover takes seconds). */
    static final String RETRY_UNAVAILABLE_AFTER_SECONDS = "5";

    private final ErrorMapper mapper;
    private final ObjectMapper json;

    /** @param json the service's body mapping (the one its media support writes with) */
    public ErrorResponses(ErrorMapper mapper, ObjectMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res, Throwable failure) {
        ApiError error = mapper.map(failure);
        if (error.status() == 503) {
            // Expected during an outage, and one per request: no stack trace.
            LOG.warn(
                    "Dependency unavailable on {} {}: {}",
                    req.prologue().method().text(),
                    req.prologue().uriPath().rawPath(),
                    failure.getClass().getSimpleName());
            res.header(HeaderNames.RETRY_AFTER, RETRY_UNAVAILABLE_AFTER_SECONDS);
        } else if (error.status() >= 500) {
            LOG.error(
                    "Unhandled failure on {} {}",
                    req.prologue().method().text(),
                    req.prologue().uriPath().rawPath(),
                    failure);
        } else {
            LOG.debug("Request rejected with {}: {}", error.status(), failure.toString());
        }
        if (failure instanceof RateLimitedException limited) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        send(req, res, error);
    }

    void send(ServerRequest req, ServerResponse res, ApiError error) {
        if (res.isSent()) {
            LOG.warn("Response already sent; cannot report error {} {}", error.status(), error.message());
            return;
        }
        res.status(Status.create(error.status()));
        if (req.prologue().method() == Method.HEAD) {
            // HTTP forbids a body on HEAD; the status and headers still tell the story.
            res.send();
            return;
        }
        // Written here, not by the media writers: they follow the client's Accept, and for a client that
        // accepts only text/html they had no writer for the envelope — a second error (415) then answered a
        // request whose operation had already run (a refused sign-in, audited, answered 415).
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(envelope(Envelopes.error(CorrelationId.of(req), error)));
    }

    private byte[] envelope(ErrorResponseDto envelope) {
        try {
            return json.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the error envelope", e);
        }
    }
}
