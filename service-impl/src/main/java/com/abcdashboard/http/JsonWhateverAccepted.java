package com.abcdashboard.http;

import io.helidon.common.GenericType;
import io.helidon.http.Headers;
import io.helidon.http.WritableHeaders;
import io.helidon.http.media.EntityWriter;
import io.helidon.http.media.InstanceWriter;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.MediaSupport;
import java.io.OutputStream;

/**
 * The JSON media support, answering JSON whatever the request's {@code Accept} says. The API has one
 * representation; RFC 9110 (12.5.1) lets a server disregard {@code Accept} rather than answer 406. Left to
 * Helidon's Jackson support, a client accepting only {@code text/html} found no writer for a success
 * answer <em>after</em> the operation had run: a profile edit was stored and answered 400 "Unsupported
 * request body" — the client could only believe it failed.
 */
public final class JsonWhateverAccepted implements MediaSupport {
    /** Request headers without an {@code Accept}: every media type is acceptable. Never written to. */
    private static final Headers NO_PREFERENCE = WritableHeaders.create();

    private final MediaSupport json;

    public JsonWhateverAccepted(MediaSupport json) {
        this.json = json;
    }

    @Override
    public String name() {
        return json.name();
    }

    @Override
    public String type() {
        return json.type();
    }

    @Override
    public void init(MediaContext context) {
        json.init(context);
    }

    @Override
    public <T> ReaderResponse<T> reader(GenericType<T> type, Headers requestHeaders) {
        return json.reader(type, requestHeaders);
    }

    @Override
    public <T> ReaderResponse<T> reader(GenericType<T> type, Headers requestHeaders, Headers responseHeaders) {
        return json.reader(type, requestHeaders, responseHeaders);
    }

    @Override
    public <T> WriterResponse<T> writer(GenericType<T> type, WritableHeaders<?> requestHeaders) {
        return json.writer(type, requestHeaders);
    }

    @Override
    public <T> WriterResponse<T> writer(
            GenericType<T> type, Headers requestHeaders, WritableHeaders<?> responseHeaders) {
        WriterResponse<T> response = json.writer(type, NO_PREFERENCE, responseHeaders);
        if (response.support() == SupportLevel.NOT_SUPPORTED) {
            return response;
        }
        return new WriterResponse<>(
                response.support(),
                () -> new IgnoringAccept<>(response.supplier().get()));
    }

    private record IgnoringAccept<T>(EntityWriter<T> writer) implements EntityWriter<T> {
        @Override
        public boolean supportsInstanceWriter() {
            return writer.supportsInstanceWriter();
        }

        @Override
        public InstanceWriter instanceWriter(
                GenericType<T> type, T object, Headers requestHeaders, WritableHeaders<?> responseHeaders) {
            return writer.instanceWriter(type, object, NO_PREFERENCE, responseHeaders);
        }

        @Override
        public InstanceWriter instanceWriter(GenericType<T> type, T object, WritableHeaders<?> requestHeaders) {
            return writer.instanceWriter(type, object, requestHeaders);
        }

        @Override
        public void write(
                GenericType<T> type,
                T object,
                OutputStream out,
                Headers requestHeaders,
                WritableHeaders<?> responseHeaders) {
            writer.write(type, object, out, NO_PREFERENCE, responseHeaders);
        }

        @Override
        public void write(GenericType<T> type, T object, OutputStream out, WritableHeaders<?> headers) {
            writer.write(type, object, out, headers);
        }
    }
}
