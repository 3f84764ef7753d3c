package com.abcdashboard.http;

import io.helidon.common.context.Context;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The correlation id of a request: a valid incoming X-Correlation-ID / X-Request-ID, else a new UUID. */
public final class CorrelationId {
    public static final HeaderName HEADER = HeaderNames.create("X-Correlation-ID");
    public static final HeaderName REQUEST_ID_HEADER = HeaderNames.create("X-Request-ID");
    public static final String MDC_KEY = "correlationId";

    /** Conservative on purpose: the id goes into logs and headers, so no spaces, quotes or control characters. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final String CONTEXT_KEY = CorrelationId.class.getName();

    private CorrelationId() {}

    static String resolve(ServerRequest request) {
        return resolve(request.headers());
    }

    /** The one rule, also used before routing (protocol-level errors), where only headers exist. */
    static String resolve(Headers headers) {
        return valid(headers, HEADER)
                .or(() -> valid(headers, REQUEST_ID_HEADER))
                .orElseGet(CorrelationId::newId);
    }

    /**
     * A random (version 4) UUID from a per-thread generator. The id has to be unique, not secret — it is
     * sent back and logged — so it does not need {@code UUID.randomUUID()}'s SecureRandom, which reads
     * the kernel's generator under one lock shared by every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L; // IETF variant
        return new UUID(high, low).toString();
    }

    static boolean isValid(String candidate) {
        return VALID.matcher(candidate).matches();
    }

    private static Optional<String> valid(Headers headers, HeaderName header) {
        return headers.first(header).filter(CorrelationId::isValid);
    }

    static void store(Context context, String id) {
        context.register(CONTEXT_KEY, id);
    }

    /** The id assigned to this request by {@link RequestLoggingFilter}, or a fresh one if none was. */
    public static String of(ServerRequest request) {
        return request.context().get(CONTEXT_KEY, String.class).orElseGet(() -> resolve(request));
    }
}
