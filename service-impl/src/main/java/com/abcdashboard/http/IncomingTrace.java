package com.abcdashboard.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The caller's trace, so that a request traced in the browser can be followed into the service's logs:
 * a valid W3C {@code traceparent} (Trace Context level 1), else the dashboard's own {@code X-Trace-ID}
 * (with its {@code X-Span-ID}). The result becomes logging fields — {@code traceId}, and
 * {@code parentSpanId} for the caller's span — on every line of the request. The service starts no
 * spans of its own. Invalid values are ignored, never echoed: they would go into the logs.
 */
public final class IncomingTrace {
    public static final String TRACE_ID_KEY = "traceId";
    public static final String PARENT_SPAN_ID_KEY = "parentSpanId";
    public static final List<String> MDC_KEYS = List.of(TRACE_ID_KEY, PARENT_SPAN_ID_KEY);

    static final HeaderName TRACEPARENT = HeaderNames.create("traceparent");
    static final HeaderName DASHBOARD_TRACE_ID = HeaderNames.create("X-Trace-ID");
    static final HeaderName DASHBOARD_SPAN_ID = HeaderNames.create("X-Span-ID");

    /**
     * version-traceid-parentid-flags in lower-case hex; a later version may append fields after a dash,
     * version 00 may not, and version ff is invalid.
     */
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");

    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_SPAN_ID = "0".repeat(16);

    private IncomingTrace() {}

    /** The logging fields of a request's trace headers, in {@link #MDC_KEYS} order; empty when it sent none valid. */
    static Map<String, String> fieldsOf(Headers headers) {
        Map<String, String> fields = new LinkedHashMap<>();
        Optional<Matcher> w3c = traceparent(headers);
        if (w3c.isPresent()) {
            fields.put(TRACE_ID_KEY, w3c.get().group(2));
            fields.put(PARENT_SPAN_ID_KEY, w3c.get().group(3));
            return fields;
        }
        single(headers, DASHBOARD_TRACE_ID).filter(CorrelationId::isValid).ifPresent(traceId -> {
            fields.put(TRACE_ID_KEY, traceId);
            single(headers, DASHBOARD_SPAN_ID)
                    .filter(CorrelationId::isValid)
                    .ifPresent(spanId -> fields.put(PARENT_SPAN_ID_KEY, spanId));
        });
        return fields;
    }

    private static Optional<Matcher> traceparent(Headers headers) {
        return single(headers, TRACEPARENT)
                .map(String::strip)
                .map(TRACEPARENT_FORMAT::matcher)
                .filter(Matcher::matches)
                .filter(m -> !m.group(1).equals("ff"))
                .filter(m -> m.group(5) == null || !m.group(1).equals("00"))
                .filter(m -> !m.group(2).equals(ZERO_TRACE_ID))
                .filter(m -> !m.group(3).equals(ZERO_SPAN_ID));
    }

    /** A header sent exactly once: two traceparent headers make both invalid (Trace Context, 3.2). */
    private static Optional<String> single(Headers headers, HeaderName name) {
        if (!headers.contains(name)) {
            return Optional.empty();
        }
        List<String> values = headers.get(name).allValues();
        return values.size() == 1 ? Optional.of(values.getFirst()) : Optional.empty();
    }
}
