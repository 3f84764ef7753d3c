package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncomingTraceTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

    private static WritableHeaders<?> headers(String... pairs) {
        WritableHeaders<?> headers = WritableHeaders.create();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(HeaderValues.create(pairs[i], pairs[i + 1]));
        }
        return headers;
    }

    @Test
    void aW3cTraceparentGivesTheTraceIdAndTheCallersSpan() {
        assertThat(IncomingTrace.fieldsOf(headers("traceparent", TRACEPARENT)))
                .containsExactly(Map.entry("traceId", TRACE_ID), Map.entry("parentSpanId", SPAN_ID));
    }

    @Test
    void theDashboardsOwnTraceHeadersAreTakenWhenThereIsNoTraceparent() {
        // The form the dashboard's client generates: fe_<epoch millis>_<random base 36>.
        assertThat(IncomingTrace.fieldsOf(headers(
                        "X-Trace-ID", "fe_1733356800000_k3j9x2m1a",
                        "X-Span-ID", "p0q9r8s7t",
                        "X-Sampled", "true")))
                .containsExactly(
                        Map.entry("traceId", "fe_1733356800000_k3j9x2m1a"), Map.entry("parentSpanId", "p0q9r8s7t"));
    }

    @Test
    void aValidTraceparentWinsOverTheDashboardsHeaders() {
        assertThat(IncomingTrace.fieldsOf(headers("traceparent", TRACEPARENT, "X-Trace-ID", "fe_1_a")))
                .containsEntry("traceId", TRACE_ID);
    }

    @Test
    void aLaterTraceparentVersionMayCarryMoreFields() {
        assertThat(IncomingTrace.fieldsOf(headers("traceparent", "cc-" + TRACE_ID + "-" + SPAN_ID + "-01-what-comes")))
                .containsEntry("traceId", TRACE_ID);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper-case hex
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // all-zero trace id
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // all-zero parent id
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // forbidden version
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", // version 00 has four fields
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", // short trace id
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
                "not a traceparent"
            })
    void anInvalidTraceparentIsIgnored(String traceparent) {
        assertThat(IncomingTrace.fieldsOf(headers("traceparent", traceparent))).isEmpty();
    }

    @Test
    void twoTraceparentHeadersAreBothIgnored() {
        assertThat(IncomingTrace.fieldsOf(headers("traceparent", TRACEPARENT, "traceparent", TRACEPARENT)))
                .isEmpty();
    }

    @Test
    void anInvalidTraceparentFallsBackToTheDashboardsTraceId() {
        assertThat(IncomingTrace.fieldsOf(headers("traceparent", "garbage", "X-Trace-ID", "fe_1_a")))
                .containsExactly(Map.entry("traceId", "fe_1_a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fe 1 a", "fe_1_a\"}", "<script>"})
    void aDashboardTraceIdThatCouldForgeALogLineIsIgnored(String traceId) {
        assertThat(IncomingTrace.fieldsOf(headers("X-Trace-ID", traceId, "X-Span-ID", "abc")))
                .isEmpty();
    }

    @Test
    void noTraceHeadersNoFields() {
        assertThat(IncomingTrace.fieldsOf(headers("X-Correlation-ID", "abc"))).isEmpty();
    }
}
