package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.config.AppConfig;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsFilterTest {
    private static final URI DASHBOARD = URI.create("https://dashboard.example.com/");
    /**
     * Access-Control-Request-Headers as Chromium sends it for a call of the dashboard's client (lower
     * case, sorted): bearer token, JSON body and the client's tracing headers. x-parent-span-id only on
     * child spans.
     */
    private static final String DASHBOARD_REQUEST_HEADERS =
            "authorization,content-type,x-parent-span-id,x-sampled,x-span-id,x-trace-id";

    private static CorsFilter filter(boolean development) {
        return new CorsFilter(DASHBOARD, development, AppConfig.Server.DEFAULT_CORS_ALLOWED_HEADERS);
    }

    @Test
    void thePreflightAllowsEveryHeaderTheDashboardSends() {
        ServerResponseHeaders headers = ServerResponseHeaders.create();

        boolean answered = filter(false)
                .answerPreflight(
                        "https://dashboard.example.com", "PATCH", Optional.of(DASHBOARD_REQUEST_HEADERS), headers);

        assertThat(answered).isTrue();
        assertThat(Arrays.stream(headers.get(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS)
                                .get()
                                .split(","))
                        .map(name -> name.trim().toLowerCase(Locale.ROOT)))
                .contains(DASHBOARD_REQUEST_HEADERS.split(","))
                .contains("traceparent", "tracestate", "x-correlation-id", "x-request-id");
        assertThat(filter(false).notAllowed(DASHBOARD_REQUEST_HEADERS)).isEmpty();
        assertThat(headers.get(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS).get())
                .isEqualTo("true");
        assertThat(headers.get(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS).get()).contains("PATCH");
    }

    @Test
    void thePreflightAllowsExactlyTheConfiguredHeaders() {
        CorsFilter cutBack = new CorsFilter(DASHBOARD, false, List.of("Authorization", "Content-Type"));
        ServerResponseHeaders headers = ServerResponseHeaders.create();

        cutBack.answerPreflight(
                "https://dashboard.example.com", "GET", Optional.of(DASHBOARD_REQUEST_HEADERS), headers);

        assertThat(headers.get(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS).get())
                .isEqualTo("Authorization, Content-Type");
        assertThat(cutBack.notAllowed(DASHBOARD_REQUEST_HEADERS))
                .containsExactly("x-parent-span-id", "x-sampled", "x-span-id", "x-trace-id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null"})
    void aPreflightFromAnotherOriginGetsNoCorsHeaders(String origin) {
        ServerResponseHeaders headers = ServerResponseHeaders.create();

        boolean answered = filter(false).answerPreflight(origin, "POST", Optional.of("content-type"), headers);

        assertThat(answered).isFalse();
        assertThat(headers.contains(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isFalse();
        assertThat(headers.contains(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS)).isFalse();
    }

    @Test
    void aPreflightForAnUnknownMethodIsRefused() {
        assertThat(filter(false)
                        .answerPreflight(
                                "https://dashboard.example.com",
                                "TRACE",
                                Optional.empty(),
                                ServerResponseHeaders.create()))
                .isFalse();
    }

    @Test
    void theClientUrlsOriginIsAllowedWhateverItsPath() {
        assertThat(filter(false).isAllowed("https://dashboard.example.com")).isTrue();
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
        assertThat(filter(false).isAllowed(origin)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000", "http://localhost:5173", "http://127.0.0.1:8080"})
    void developmentAllowsEveryLocalPort(String origin) {
        assertThat(filter(true).isAllowed(origin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost:3000", "http://localhost.evil.example", "http://127.0.0.1.nip.io:80"})
    void developmentDoesNotAllowLookAlikes(String origin) {
        assertThat(filter(true).isAllowed(origin)).isFalse();
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

        filter(false).applyTo(headers, Optional.of("https://dashboard.example.com"));

        assertThat(headers.get(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN).get())
                .isEqualTo("https://dashboard.example.com");
        assertThat(headers.get(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS).get())
                .isEqualTo("true");
        assertThat(headers.get(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS).get())
                .isEqualTo(
                        "X-Correlation-ID, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset");
        assertThat(headers.get(HeaderNames.VARY).get()).isEqualTo("Origin");
    }

    @Test
    void aRefusedOriginGetsOnlyVary() {
        ServerResponseHeaders headers = ServerResponseHeaders.create();

        filter(false).applyTo(headers, Optional.of("https://evil.example"));

        assertThat(headers.contains(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isFalse();
        assertThat(headers.contains(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS))
                .isFalse();
        assertThat(headers.get(HeaderNames.VARY).get()).isEqualTo("Origin");
    }
}
