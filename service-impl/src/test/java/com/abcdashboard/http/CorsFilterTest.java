package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsFilterTest {
    private static final URI DASHBOARD = URI.create("https://dashboard.example.com/");

    @Test
    void theClientUrlsOriginIsAllowedWhateverItsPath() {
        assertThat(new CorsFilter(DASHBOARD, false).isAllowed("https://dashboard.example.com"))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://dashboard.example.com",
                "https://dashboard.example.com:8443",
                "https://dashboard.example.com.evil.example",
                "https://evil.example",
                "http://localhost:3000",
                "null"
            })
    void anyOtherOriginIsRefusedOutsideDevelopment(String origin) {
        assertThat(new CorsFilter(DASHBOARD, false).isAllowed(origin)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000", "http://localhost:5173", "http://127.0.0.1:8080"})
    void developmentAllowsEveryLocalPort(String origin) {
        assertThat(new CorsFilter(DASHBOARD, true).isAllowed(origin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost:3000", "http://localhost.evil.example", "http://127.0.0.1.nip.io:80"})
    void developmentDoesNotAllowLookAlikes(String origin) {
        assertThat(new CorsFilter(DASHBOARD, true).isAllowed(origin)).isFalse();
    }

    @Test
    void theOriginOfAUrlDropsPathAndDefaultPort() {
        assertThat(CorsFilter.origin(URI.create("HTTPS://Dashboard.Example.com:443/app")))
                .isEqualTo("https://dashboard.example.com");
        assertThat(CorsFilter.origin(URI.create("http://localhost:3000/"))).isEqualTo("http://localhost:3000");
    }

    @Test
    void anAllowedOriginGetsCredentialsAndTheExposedHeaders() {
        ServerResponseHeaders headers = ServerResponseHeaders.create();

        new CorsFilter(DASHBOARD, false).applyTo(headers, Optional.of("https://dashboard.example.com"));

        assertThat(headers.get(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN).get())
                .isEqualTo("https://dashboard.example.com");
        assertThat(headers.get(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS).get())
                .isEqualTo("true");
        assertThat(headers.get(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS).get())
                .contains("X-Correlation-ID", "Retry-After", "X-RateLimit-Reset");
        assertThat(headers.get(HeaderNames.VARY).get()).isEqualTo("Origin");
    }

    @Test
    void aRefusedOriginGetsOnlyVary() {
        ServerResponseHeaders headers = ServerResponseHeaders.create();

        new CorsFilter(DASHBOARD, false).applyTo(headers, Optional.of("https://evil.example"));

        assertThat(headers.contains(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isFalse();
        assertThat(headers.contains(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS))
                .isFalse();
        assertThat(headers.get(HeaderNames.VARY).get()).isEqualTo("Origin");
    }
}
