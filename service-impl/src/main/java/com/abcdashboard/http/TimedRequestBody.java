package com.abcdashboard.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A request body read in full, on its own virtual thread, before the first byte is handed on, so that a
 * body that does not arrive in time fails the request instead of blocking it for as long as the client
 * holds the connection (Helidon 4.5 has no read timeout on the server side). The size is bounded by
 * Helidon's {@code maxPayloadSize}, which refuses a body over it (413) while it is read.
 *
 * <p>When the time is up the reading thread stays blocked on the socket; {@link RequestFraming} then
 * answers and closes the connection, which ends that read.
 */
final class TimedRequestBody extends InputStream {
    private final InputStream raw;
    private final Duration timeout;
    private InputStream body;

    TimedRequestBody(InputStream raw, Duration timeout) {
        this.raw = raw;
        this.timeout = timeout;
    }

    @Override
    public int read() throws IOException {
        return body().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return body().read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        return body == null ? 0 : body.available();
    }

    private InputStream body() throws IOException {
        if (body == null) {
            body = new ByteArrayInputStream(readInTime());
        }
        return body;
    }

    private byte[] readInTime() throws IOException {
        CompletableFuture<byte[]> read = new CompletableFuture<>();
        Thread.ofVirtual().name("request-body").start(() -> {
            try {
                read.complete(raw.readAllBytes());
            } catch (Throwable e) {
                read.completeExceptionally(e);
            }
        });
        try {
            return read.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IncompleteBodyException(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading the request body", e);
        } catch (ExecutionException e) {
            // Wrapped, never rethrown as is: a transport RequestException escaping unwrapped would make
            // Helidon try to consume the rest of the body on this thread, with no time limit.
            throw new IOException("Request body unreadable", e.getCause());
        }
    }

    /** The body did not arrive in full within the request timeout. */
    static final class IncompleteBodyException extends IOException {
        IncompleteBodyException(Duration timeout) {
            super("Request body not received within " + timeout.toSeconds() + " s");
        }
    }
}
