package com.abcdashboard.http;

import com.abcdashboard.observability.RouteTemplates;
import com.abcdashboard.observability.ServiceMetrics;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;

/**
 * Times every routed request into {@code http_server_requests_seconds}, labelled with the method, the
 * spec's path template (see {@link RouteTemplates}) and the status sent, and counts the requests in
 * flight ({@code http_server_requests_active}).
 */
public final class MetricsFilter implements Filter {
    private final RouteTemplates routes;
    private final ServiceMetrics metrics;

    public MetricsFilter(RouteTemplates routes, ServiceMetrics metrics) {
        this.routes = routes;
        this.metrics = metrics;
    }

    /** Routes taken from the packaged spec: the same document the service serves. */
    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        metrics.requestStarted();
        try {
            chain.proceed();
        } finally {
            metrics.request(
                    req.prologue().method().text(),
                    routes.of(req.prologue().uriPath().rawPath()),
                    res.status().code(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
