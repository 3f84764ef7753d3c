package com.abcdashboard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors Helidon answers before routing (unparseable request line or headers, entity too large, ...)
 * in the same envelope, with the same security and CORS headers, as every other error. Only the reason
 * phrase is shown: the transport's own message can quote the request.
 *
 * <p>Helidon answers a header block over the listener's limit with a plain 400; it is turned into the
 * 431 that HTTP defines for it (RFC 6585), recognised by Helidon's message, the only sign it gives. See
 * {@link #statusFor} for the refusals Helidon answers with a 5xx.
 */
public final class ProtocolErrorHandler implements DirectHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolErrorHandler.class);

    static final Status HEADERS_TOO_LARGE = Status.create(431, "Request Header Fields Too Large");
    /** What Helidon 4.5's {@code Http1HeadersParser} says when the headers exceed {@code maxHeadersSize}. */
    static final String HEADER_SIZE_EXCEEDED = "Header size exceeded";

    private final ObjectMapper mapper;
    private final boolean strictTransport;
    private final CorsFilter cors;

    public ProtocolErrorHandler(ObjectMapper mapper, boolean strictTransport, CorsFilter cors) {
        this.mapper = mapper;
        this.strictTransport = strictTransport;
        this.cors = cors;
    }

    /** This handler for every event type Helidon handles directly. */
    public DirectHandlers asDirectHandlers() {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, this);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(
            TransportRequest request,
            EventType eventType,
            Status helidonStatus,
            ServerResponseHeaders headers,
            String message) {
        Status status =
                statusFor(helidonStatus, message, eventType, !request.method().isEmpty());
        String correlationId = CorrelationId.resolve(request.headers());
        LOG.debug("Protocol-level {} ({}): {}", status.code(), eventType, message);
        ApiError error = ApiError.of(status.code(), ErrorMapper.categoryOf(status), status.reasonPhrase());
        headers.set(HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/json"));
        headers.set(HeaderValues.create(CorrelationId.HEADER, correlationId));
        SecurityHeaders.apply(headers, SecurityHeaders.API_POLICY, strictTransport);
        headers.set(HeaderValues.create(HeaderNames.CACHE_CONTROL, "no-store"));
        cors.applyTo(headers, request.headers().first(HeaderNames.ORIGIN));
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .keepAlive(eventType.keepAlive())
                .entity(serialize(correlationId, error))
                .build();
    }

    /**
     * The status to answer with. Besides the 431, two refusals Helidon answers with a 5xx are the
     * request's fault, and a client could produce them at will (and with them server-error alerts): a
     * request line it cannot parse (a method with characters HTTP does not allow) fails before any
     * request exists, as an internal error; a transfer coding it does not support is a bad request it
     * answers with 501. Both become 400.
     */
    static Status statusFor(Status helidonStatus, String message, EventType eventType, boolean requestLineRead) {
        if (helidonStatus.code() == 400 && HEADER_SIZE_EXCEEDED.equals(message)) {
            return HEADERS_TOO_LARGE;
        }
        if (helidonStatus.code() >= 500 && (!requestLineRead || eventType == EventType.BAD_REQUEST)) {
            return Status.BAD_REQUEST_400;
        }
        return helidonStatus;
    }

    private byte[] serialize(String correlationId, ApiError error) {
        try {
            return mapper.writeValueAsBytes(Envelopes.error(correlationId, error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The error envelope cannot be serialized", e);
        }
    }
}
