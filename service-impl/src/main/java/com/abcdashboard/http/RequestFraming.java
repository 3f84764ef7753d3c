package com.abcdashboard.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Keeps a connection from ever reading what is left of one request's body as the next request (request
 * smuggling, desync), and bounds how long a body may take to arrive. Helidon 4.5 refuses the gross
 * framing conflicts itself before routing (Content-Length with Transfer-Encoding, a coding other than
 * {@code chunked}) and closes; what it leaves to the application is done here:
 *
 * <ul>
 *   <li>an answer given before the request body was read to its end (a 413 of a chunked body, a malformed
 *       chunk, a 404, 415 or 429 answered without reading) carries {@code Connection: close} and the
 *       connection is closed after it, so the unread bytes are never parsed as requests;
 *   <li>a body has {@link #bodyTimeout} to arrive in full ({@link TimedRequestBody}); a shorter body than
 *       its Content-Length, or a chunked body that stalls, is answered 400 and closed then, where Helidon
 *       would wait as long as the client keeps the connection open;
 *   <li>a Content-Length that is not exactly one run of digits (two of them, {@code +5}, {@code 1, 1}) is
 *       refused with 400 and a close, whatever Helidon made of it.
 * </ul>
 */
public final class RequestFraming implements Filter {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final Duration bodyTimeout;
    private final ErrorResponses errors;

    /**
     * @param bodyTimeout how long a request body may take to arrive in full ({@code REQUEST_TIMEOUT})
     * @param errors answers what fails inside this filter (the routing's error handler)
     */
    public RequestFraming(Duration bodyTimeout, ErrorResponses errors) {
        this.bodyTimeout = bodyTimeout;
        this.errors = errors;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        ServerRequestHeaders headers = req.headers();
        if (!hasBody(headers)) {
            chain.proceed();
            return;
        }
        AtomicBoolean closeAfterAnswer = new AtomicBoolean();
        res.beforeSend(() -> {
            if (!req.content().consumed()) {
                res.header(HeaderValues.CONNECTION_CLOSE);
                closeAfterAnswer.set(true);
            }
        });
        try {
            if (!hasPlainLength(headers)) {
                throw new MalformedFramingException("Content-Length must be a single number");
            }
            req.streamFilter(raw -> new TimedRequestBody(raw, bodyTimeout));
            chain.proceed();
        } catch (CloseConnectionException e) {
            throw e;
        } catch (RuntimeException e) {
            // Answered here rather than by the routing's error handler outside this filter, so that the
            // connection can still be closed after the answer.
            errors.handle(req, res, e);
        }
        if (closeAfterAnswer.get()) {
            // The answer is written; Helidon closes the socket instead of reading the rest as requests.
            throw new CloseConnectionException("Answered before the request body was read to its end");
        }
    }

    /** Helidon reads a body when either header is present (it refused the two together already). */
    static boolean hasBody(ServerRequestHeaders headers) {
        return headers.contains(HeaderNames.TRANSFER_ENCODING) || headers.contains(HeaderNames.CONTENT_LENGTH);
    }

    private static boolean hasPlainLength(ServerRequestHeaders headers) {
        if (!headers.contains(HeaderNames.CONTENT_LENGTH)) {
            return true;
        }
        List<String> values = headers.all(HeaderNames.CONTENT_LENGTH, List::of);
        return values.size() == 1 && DIGITS.matcher(values.getFirst()).matches();
    }

    /** A request whose body cannot be delimited as HTTP/1.1 requires; answered 400 and closed. */
    public static final class MalformedFramingException extends RuntimeException {
        public MalformedFramingException(String message) {
            super(message);
        }
    }
}
