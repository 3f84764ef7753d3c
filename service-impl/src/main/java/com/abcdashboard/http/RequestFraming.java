package com.abcdashboard.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
 *   <li>a header that only looks like Transfer-Encoding or Content-Length ({@code Transfer_Encoding}) is
 *       refused with 400 and a close, as a proxy in front might have framed the request by it;
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
        boolean hasBody = hasBody(headers);
        if (hasBody) {
            req.streamFilter(raw -> new TimedRequestBody(raw, bodyTimeout));
        }
        if (hasLookalikeFramingHeader(headers)) {
            res.header(HeaderValues.CONNECTION_CLOSE);
            errors.handle(req, res, new MalformedFramingException("Transfer-Encoding or Content-Length misspelt"));
            throw closeAfterAnswer(req, res, hasBody);
        }
        if (!hasBody) {
            chain.proceed();
            return;
        }
        AtomicBoolean answeredEarly = new AtomicBoolean();
        res.beforeSend(() -> {
            if (!req.content().consumed()) {
                res.header(HeaderValues.CONNECTION_CLOSE);
                answeredEarly.set(true);
            }
        });
        try {
            if (!hasPlainLength(headers)) {
                throw new MalformedFramingException("Content-Length must be a single number");
            }
            chain.proceed();
        } catch (CloseConnectionException e) {
            throw e;
        } catch (RuntimeException e) {
            // Answered here rather than by the routing's error handler outside this filter, so that the
            // connection can still be closed after the answer.
            errors.handle(req, res, e);
        }
        if (answeredEarly.get()) {
            throw closeAfterAnswer(req, res, true);
        }
    }

    /**
     * What ends the connection once the answer is out: Helidon closes the socket instead of reading
     * the rest as requests. A body nobody asked for is read and dropped first (within the request timeout):
     * a socket closed with unread bytes is reset, and a reset can destroy the answer before the client has
     * read it. A body whose reading failed is left as it is.
     */
    private static CloseConnectionException closeAfterAnswer(RoutingRequest req, RoutingResponse res, boolean hasBody) {
        // An answer sent through the media support stays buffered until committed; commit it before closing.
        res.commit();
        // Not after "Expect: 100-continue": reading would send the 100 after the final answer, and the
        // client that waited for it has not sent the body anyway.
        if (hasBody && !req.content().consumed() && !req.headers().containsToken(HeaderValues.EXPECT_100)) {
            try {
                req.content().inputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IllegalStateException alreadyRead) {
                // Read before, and failed (malformed, too large, too slow): nothing more comes from it.
            } catch (IOException | RuntimeException unreadable) {
                // Malformed, too large or too slow: the close resets what is left.
            }
        }
        return new CloseConnectionException("Answered before the request body was read to its end");
    }

    /** Helidon reads a body when either header is present (it refused the two together already). */
    static boolean hasBody(ServerRequestHeaders headers) {
        return headers.contains(HeaderNames.TRANSFER_ENCODING) || headers.contains(HeaderNames.CONTENT_LENGTH);
    }

    /**
     * {@code Transfer_Encoding}, {@code Content_Length} and the like: names Helidon rightly does not take
     * for framing, but that a proxy in front may (some map {@code _} to {@code -}), and then it delimits
     * the request otherwise than this service does.
     */
    private static boolean hasLookalikeFramingHeader(ServerRequestHeaders headers) {
        for (Header header : headers) {
            String name = header.name();
            String normal = name.toLowerCase(Locale.ROOT).replace('_', '-').strip();
            if ((normal.equals("transfer-encoding") || normal.equals("content-length"))
                    && !name.equalsIgnoreCase(normal)) {
                return true;
            }
        }
        return false;
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
