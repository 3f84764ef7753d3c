package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningService.class)
class HealthE2ETest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void healthReportsAConnectedDatabaseWithItsRoundTripTime() {
        Api.documented()
                .get("/api/v1/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("healthy"))
                .body("version", equalTo("1.0.0-SNAPSHOT"))
                .body("uptime", greaterThanOrEqualTo(0f))
                .body("memory.used", notNullValue())
                .body("memory.total", notNullValue())
                .body("database.status", equalTo("connected"))
                .body("database.responseTime", greaterThanOrEqualTo(0))
                .body("services.cache", equalTo("memory"))
                .body("services.email", notNullValue());
    }

    @Test
    void livenessIsUpWithoutCheckingDependencies() {
        Api.documented()
                .get("/api/v1/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("deadlock"));
    }

    @Test
    void readinessIsUpWhileRunningAndTheDatabaseAnswers() {
        Api.documented()
                .get("/api/v1/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("lifecycle", "mongodb"));
    }

    @Test
    void aValidCorrelationIdIsEchoed() {
        Api.documented()
                .header("X-Correlation-ID", "trace-42.a:b_c")
                .get("/api/v1/health/live")
                .then()
                .header("X-Correlation-ID", "trace-42.a:b_c");
    }

    @Test
    void aRequestIdIsAcceptedAsTheCorrelationId() {
        Api.documented()
                .header("X-Request-ID", "req-7")
                .get("/api/v1/health/live")
                .then()
                .header("X-Correlation-ID", "req-7");
    }

    @Test
    void withoutACorrelationIdTheServiceGeneratesOne() {
        Api.documented().get("/api/v1/health/live").then().header("X-Correlation-ID", matchesPattern(UUID));
    }

    @Test
    void anInvalidCorrelationIdIsReplacedNotEchoed() {
        String tooLong = "x".repeat(200);

        String withSpaces = Api.plain()
                .header("X-Correlation-ID", "has spaces; and <script>")
                .get("/api/v1/health/live")
                .header("X-Correlation-ID");
        String long200 = Api.plain()
                .header("X-Correlation-ID", tooLong)
                .get("/api/v1/health/live")
                .header("X-Correlation-ID");

        assertThat(withSpaces).matches(UUID);
        assertThat(long200).matches(UUID);
    }
}
