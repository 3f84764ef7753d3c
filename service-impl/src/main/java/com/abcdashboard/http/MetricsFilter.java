package com.abcdashboard.http;

import com.abcdashboard.observability.RouteTemplates;
import com.abcdashboard.observability.ServiceMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Times every routed request into {@code http_server_requests_seconds}, labelled with the method, the
 * spec's path template (see {@link RouteTemplates}) and the status sent.
 */
public final class MetricsFilter implements Filter {
    private final RouteTemplates routes;
    private final ServiceMetrics metrics;

    MetricsFilter(RouteTemplates routes, ServiceMetrics metrics) {
        this.routes = routes;
        this.metrics = metrics;
    }

    /** Routes taken from the packaged spec: the same document the service serves. */
    public static MetricsFilter forPackagedSpec(ServiceMetrics metrics) {
        return new MetricsFilter(
                new RouteTemplates(specPaths(ApiDocsService.resource(ApiDocsService.SPEC_RESOURCE))), metrics);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
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

    static List<String> specPaths(byte[] yaml) {
        try {
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("paths");
            List<String> names = new ArrayList<>();
            paths.fieldNames().forEachRemaining(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("The packaged OpenAPI document is not valid YAML", e);
        }
    }
}
