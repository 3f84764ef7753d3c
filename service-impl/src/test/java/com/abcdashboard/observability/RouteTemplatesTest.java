package com.abcdashboard.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTemplatesTest {
    private final RouteTemplates routes = new RouteTemplates(
            List.of("/api/v1/users", "/api/v1/users/{id}", "/api/v1/users/stats", "/api/v1/health", "/metrics"));

    @ParameterizedTest
    @CsvSource({
        "/api/v1/users, /api/v1/users",
        "/api/v1/users/, /api/v1/users",
        "/api/v1/users/6745a1f0c2d7e5b1a4c8e9d2, /api/v1/users/{id}",
        "/api/v1/users/stats, /api/v1/users/stats",
        "/api/v1/users/a/b, other",
        "/api-docs, /api-docs/**",
        "/api-docs/swagger-ui.css, /api-docs/**",
        "/api-docsX, other",
        "/, other",
        "/metrics, /metrics",
    })
    void pathsMapToTheirSpecTemplate(String path, String template) {
        assertThat(routes.of(path)).isEqualTo(template);
    }
}
