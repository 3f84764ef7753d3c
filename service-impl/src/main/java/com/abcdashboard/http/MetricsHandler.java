package com.abcdashboard.http;

import com.abcdashboard.observability.ServiceMetrics;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Implements the generated {@link MetricsService}: every meter in the Prometheus text format. */
public final class MetricsHandler extends MetricsService {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ServiceMetrics metrics;

    public MetricsHandler(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void handleGetMetrics(ServerRequest request, ServerResponse response) {
        response.header(HeaderValues.create("Content-Type", PROMETHEUS_TEXT));
        GetMetricsOp.Response200.builder().response(metrics.prometheusText()).send(response);
    }

    @Override
    public void afterStop() {
        // The generated default prints to stdout; shutdown is logged by the application.
    }
}
