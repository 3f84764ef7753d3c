package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Security headers on every kind of answer, CORS for the dashboard's origin only, and the body limit. */
@ExtendWith(RunningService.class)
class SecurityHeadersE2ETest {
    private static final String DASHBOARD = "http://localhost:3000";

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/health/live", "/api/v1/auth/profile", "/api/v1/nowhere", "/api/v1/users?limit=0"})
    void everyApiAnswerCarriesTheHelmetSet(String path) {
        Response r = Api.given().get(path);
        assertThat(r.statusCode()).isIn(200, 400, 401, 404);
        assertHelmet(r);
        assertThat(r.header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.header("Server")).isNull();
    }

    @Test
    void theDocsPageMayRunItsOwnScriptsButNothingElse() {
        Response r = Api.given().get("/api-docs/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertHelmet(r);
        assertThat(r.header("Content-Security-Policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void protocolLevelErrorsCarryThemToo() throws Exception {
        // Announce 200 KB and send none of it: the service refuses on the length alone, before reading,
        // and closes the connection (a client still writing the body would see a broken pipe).
        String response = rawExchange("POST /api/v1/auth/login HTTP/1.1\r\nOrigin: " + DASHBOARD
                + "\r\nContent-Type: application/json\r\nContent-Length: 204800\r\n\r\n");
        String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(head).startsWith("http/1.1 413");
        assertThat(head)
                .contains("x-content-type-options: nosniff")
                .contains("x-frame-options: deny")
                .contains("content-security-policy: default-src 'none'")
                .contains("x-correlation-id: ")
                .contains("cache-control: no-store")
                // The dashboard's own request: it may read the answer.
                .contains("access-control-allow-origin: " + DASHBOARD);
        assertThat(body).contains("\"success\":false").contains("\"code\":413").contains("\"category\":\"VALIDATION\"");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        // No length announced: Helidon counts the chunks while the JSON is read and stops past 100 KB.
        String json = "{\"email\":\"a@example.com\",\"password\":\"" + "x".repeat(200 * 1024) + "\"}";
        String response = rawExchange("POST /api/v1/auth/login HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n" + RawHttp.chunked(json, 16 * 1024));
        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response.toLowerCase(Locale.ROOT))
                .contains("x-content-type-options: nosniff")
                // The rest of the body is never read, least of all as further requests.
                .contains("\r\nconnection: close\r\n");
        assertThat(response).contains("\"code\":413").contains("\"category\":\"VALIDATION\"");
    }

    /** Sends a request head (Host added) over a raw socket and reads everything until the service closes. */
    private static String rawExchange(String requestHead) throws Exception {
        URI base = RunningService.baseUri();
        String request = requestHead.replaceFirst("\r\n", "\r\nHost: " + base.getHost() + "\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            } catch (java.io.IOException closedWhileWriting) {
                // A refused body is not read to its end: the service answers and closes while the client
                // may still be writing. The answer is there to read all the same.
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDashboardsOriginMayCallWithCredentials() {
        Response r = Api.given().header("Origin", DASHBOARD).get("/api/v1/health/live");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
        assertThat(r.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(r.header("Access-Control-Expose-Headers")).contains("X-Correlation-ID", "Retry-After");
        assertThat(r.header("Vary")).contains("Origin");
    }

    @Test
    void aPreflightFromTheDashboardIsAnsweredAndCached() {
        Response r = Api.given()
                .header("Origin", DASHBOARD)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/users/6745a1f0c2d7e5b1a4c8e9d2");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
        assertThat(r.header("Access-Control-Allow-Methods")).contains("PATCH");
        assertThat(r.header("Access-Control-Allow-Headers")).contains("Authorization", "Content-Type");
        assertThat(r.header("Access-Control-Max-Age")).isEqualTo("600");
    }

    @Test
    void aPreflightAllowsEveryHeaderTheDashboardsClientSends() {
        // As Chromium asks for a call of the dashboard's axios client: its bearer token, JSON body and its
        // tracing headers (frontend/src/infrastructure/api/client.ts, shared/utils/tracing.ts).
        String dashboardHeaders = "authorization,content-type,x-parent-span-id,x-sampled,x-span-id,x-trace-id";
        Response r = Api.given()
                .header("Origin", DASHBOARD)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", dashboardHeaders)
                .options("/api/v1/auth/login");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(Arrays.stream(r.header("Access-Control-Allow-Headers").split(","))
                        .map(name -> name.trim().toLowerCase(Locale.ROOT)))
                .contains(dashboardHeaders.split(","))
                .contains("traceparent", "tracestate");
    }

    @Test
    void otherOriginsGetNoCorsHeadersAndTheirPreflightIsRefused() {
        String evil = "https://evil.example";
        assertThat(Api.given().header("Origin", evil).get("/api/v1/health/live").header("Access-Control-Allow-Origin"))
                .isNull();
        Response preflight = Api.given()
                .header("Origin", evil)
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/auth/login");
        preflight.then().statusCode(403).body("error.category", equalTo("AUTHORIZATION"));
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        // Outside development, other localhost ports are other origins.
        assertThat(Api.given()
                        .header("Origin", "http://localhost:4000")
                        .get("/api/v1/health/live")
                        .header("Access-Control-Allow-Origin"))
                .isNull();
    }

    @Test
    void aBodyJustUnderTheLimitIsReadNormally() {
        Api.given()
                .contentType("application/json")
                .body(Map.of("email", "a@example.com", "password", "x".repeat(90 * 1024)))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(400)
                .body("error.details.password", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anOversizedHeaderBlockIsRefusedWith431() {
        // Refused before routing, whatever the path: use an undocumented one (only the envelope is checked).
        Response r = Api.given().header("X-Padding", "a".repeat(20_000)).get("/api/v1/anything");
        r.then().statusCode(431).body("error.category", equalTo("VALIDATION"));
        assertHelmet(r);
    }

    @Test
    void aTooLongRequestLineIsRefusedWith414() {
        Response r = Api.given().get("/api/v1/anything?q=" + "a".repeat(10_000));
        r.then().statusCode(414).body("error.category", equalTo("VALIDATION"));
        assertHelmet(r);
    }

    @Test
    void aWholeOversizedJsonBodyIsRefusedWith413() {
        // The client announces the body and waits for "100 Continue": the service answers 413 on the
        // length instead, and the 200 KB are never sent (a client that sends them anyway may see the
        // connection closed under it, as in protocolLevelErrorsCarryThemToo).
        Response r = Api.given()
                .config(RestAssuredConfig.config()
                        .httpClient(
                                HttpClientConfig.httpClientConfig().setParam("http.protocol.expect-continue", true)))
                .contentType("application/json")
                .body(Map.of("email", "a@example.com", "password", "x".repeat(200 * 1024)))
                .post("/api/v1/auth/login");
        r.then()
                .statusCode(413)
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("error.code", equalTo(413))
                .body("error.category", equalTo("VALIDATION"))
                .body("correlationId", equalTo(r.header("X-Correlation-ID")));
        assertHelmet(r);
    }

    @Test
    void theDashboardCanReadTheErrorsItCauses() {
        Response unauthorized = Api.given().header("Origin", DASHBOARD).get("/api/v1/auth/profile");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
        assertThat(unauthorized.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    }

    private static void assertHelmet(Response r) {
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(r.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
        assertThat(r.header("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
        assertThat(r.header("X-Permitted-Cross-Domain-Policies")).isEqualTo("none");
        // The suite runs with APP_ENV=test: not development, so HSTS is on.
        assertThat(r.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }
}
