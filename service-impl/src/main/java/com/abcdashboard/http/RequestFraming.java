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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Keeps a connection from ever reading what is left of one request's body as the next request (request
 * smuggling, desync), and bounds how long a body may take to arrive. Helidon 4.5 refuses the gross
 * framing conflicts itself before routing (Content-Length with Transfer-Encoding, a coding other than
 * {@code chunked}, a Content-Length over the limit) and closes; what it leaves to the application is
 * done here:
 *
 * <ul>
 *   <li>the body is read in full before anything else looks at the request — on a virtual thread of its
 *       own, for at most {@link #bodyTimeout} (Helidon has no server-side read timeout) — so no handler or
 *       filter answers while part of it is still unread;
 *   <li>a body that cannot be read (a chunked body over the limit: 413; a malformed chunk, a body shorter
 *       than its Content-Length, a body that stalls: 400) is answered with {@code Connection: close} and
 *       the connection is closed after that one answer, so its unread bytes are never parsed as requests;
 *   <li>a header that only looks like Transfer-Encoding or Content-Length ({@code Transfer_Encoding}),
 *       which a proxy in front might have framed the request by, and a Content-Length that is not exactly
 *       one run of digits ({@code +5}, {@code 1, 1}) are refused with 400 and a close.
 * </ul>
 *
 * <p>Reading first also avoids a reset: a socket closed with unread bytes is reset, and a reset can
 * destroy an answer the client has not read yet. The body is at most {@code MAX_REQUEST_BODY_BYTES}
 * (Helidon refuses more while reading), which Jackson would have read whole anyway.
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
        boolean lookalike = hasLookalikeFramingHeader(headers);
        if (!hasBody(headers) && !lookalike) {
            chain.proceed();
            return;
        }
        try {
            if (lookalike) {
                throw new MalformedFramingException("Transfer-Encoding or Content-Length in disguise");
            }
            if (!hasPlainLength(headers)) {
                throw new MalformedFramingException("Content-Length must be a single number");
            }
            readInTime(req);
        } catch (RuntimeException unreadable) {
            // One answer, then the close: what is left of the body is never read as requests. An answer
            // sent through the media support stays buffered until committed, so it is committed first.
            res.header(HeaderValues.CONNECTION_CLOSE);
            errors.handle(req, res, unreadable);
            res.commit();
            throw new CloseConnectionException("Request body unreadable or ambiguously framed", unreadable);
        }
        // Read in full: whatever answers from here on, nothing of the body is left on the connection.
        chain.proceed();
    }

    /** Buffers the whole body (what the handler then reads), or fails within the request timeout. */
    private void readInTime(RoutingRequest req) {
        if (req.content().consumed()) {
            return; // "Content-Length: 0": no body at all
        }
        CompletableFuture<Void> read = new CompletableFuture<>();
        Thread.ofVirtual().name("request-body").start(() -> {
            try {
                req.content().buffer();
                read.complete(null);
            } catch (Throwable e) {
                read.completeExceptionally(e);
            }
        });
        try {
            read.get(bodyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The reading thread stays blocked on the socket until the close after the answer ends it.
            throw new IncompleteBodyException();
        } catch (ExecutionException e) {
            throw new UnreadableBodyException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableBodyException(e);
        }
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

    /** The body did not arrive in full within the request timeout; answered 400 and closed. */
    public static final class IncompleteBodyException extends RuntimeException {
        IncompleteBodyException() {
            super("Request body not received in full within the request timeout");
        }
    }

    /** The transport could not read the body (too large, malformed chunks, the client gave up). */
    public static final class UnreadableBodyException extends RuntimeException {
        UnreadableBodyException(Throwable cause) {
            super("Request body unreadable", cause);
        }
    }

    /** A request whose body cannot be delimited as HTTP/1.1 requires; answered 400 and closed. */
    public static final class MalformedFramingException extends RuntimeException {
        public MalformedFramingException(String message) {
            super(message);
        }
    }
}
