package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /metrics}: Prometheus text with the documented names, and values that move with traffic. */
@ExtendWith(RunningService.class)
class MetricsE2ETest {

    @Test
    void theDocumentedMetersAreExposedInPrometheusText() {
        Api.given().get("/api/v1/health/live").then().statusCode(200);
        String text = scrape();

        assertThat(text)
                .contains("# TYPE http_server_requests_seconds histogram")
                .contains("audit_events_total")
                .contains("mail_queued")
                // Present only: in this JVM the gauge may read an instance another test stopped. The value
                // is checked against a single service by docker/monitoring/check.sh (a live Prometheus).
                .contains("health_ready{")
                .contains("shared_store_degraded{")
                .contains("mongodb_pool_connections")
                .contains("mongodb_pool_checked_out")
                .contains("memory_usedHeap_bytes")
                .contains("thread_count")
                .contains("gc_total");
    }

    @Test
    void requestsAreCountedByRouteTemplateAndStatus() {
        String unknownUser = "/api/v1/users/6745a1f0c2d7e5b1a4c8e9d2";
        double before = value(scrape(), "GET", "/api/v1/users/{id}", 401);

        Api.given().get(unknownUser).then().statusCode(401);
        Api.given().get(unknownUser).then().statusCode(401);

        String after = scrape();
        assertThat(value(after, "GET", "/api/v1/users/{id}", 401)).isEqualTo(before + 2);
        assertThat(after).doesNotContain("route=\"" + unknownUser + "\"");
    }

    @Test
    void signInEventsAreCounted() {
        double before = counter(scrape(), "audit_events_total", "action=\"login_failure\"");
        Accounts.login(Accounts.uniqueEmail(), "N0tThePassword").then().statusCode(401);
        assertThat(counter(scrape(), "audit_events_total", "action=\"login_failure\""))
                .isEqualTo(before + 1);
    }

    @Test
    void scannersDoNotCreateALabelPerPath() {
        Api.given().get("/wp-admin/" + System.nanoTime()).then().statusCode(404);
        assertThat(scrape()).contains("route=\"other\"").doesNotContain("wp-admin");
    }

    private static String scrape() {
        return Api.given().get("/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String text, String method, String route, int status) {
        Pattern count = Pattern.compile("http_server_requests_seconds_count\\{method=\"" + method + "\",route=\""
                + Pattern.quote(route) + "\",scope=\"application\",status=\"" + status + "\",} ([0-9.E]+)");
        Matcher m = count.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double counter(String text, String name, String label) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "\\{" + Pattern.quote(label) + "[^}]*} ([0-9.E]+)")
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
