package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The detailed health report and the two orchestrator probes. */
@ExtendWith(RunningService.class)
class HealthE2ETest {

    @Test
    void healthReportsHealthyWithAConnectedDatabaseAndItsRoundTripTime() {
        Api.given()
                .get("/api/v1/health")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("healthy"))
                .body("database.status", equalTo("connected"))
                .body("database.responseTime", greaterThanOrEqualTo(0));
    }

    @Test
    void healthNamesTheVersionTheServiceWasBuiltAs() {
        Api.given()
                .get("/api/v1/health")
                .then()
                .statusCode(200)
                .body("version", equalTo(RunningService.serviceVersion()));
    }

    @Test
    void healthReportsHeapUseAsAConsistentPercentage() {
        JsonPath memory = Api.given()
                .get("/api/v1/health")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("memory");

        long used = memory.getLong("used");
        long total = memory.getLong("total");
        double percentage = memory.getDouble("percentage");

        assertThat(used).isPositive().isLessThanOrEqualTo(total);
        assertThat(percentage).isBetween(0.0, 100.0).isCloseTo(100.0 * used / total, within(0.01));
    }

    @Test
    void healthIsStampedWithTheServiceClockAndCountsUptime() {
        JsonPath report = Api.given()
                .get("/api/v1/health")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        Instant stamped = Instant.parse(report.getString("timestamp"));

        assertThat(Duration.between(stamped, RunningService.target().clock().instant())
                        .abs())
                .isLessThan(Duration.ofMinutes(1));
        assertThat(report.getDouble("uptime")).isPositive();
    }

    @Test
    void healthNamesTheMailAndCacheBackendsInUse() {
        Api.given()
                .get("/api/v1/health")
                .then()
                .statusCode(200)
                .body("services.email", org.hamcrest.Matchers.oneOf("smtp", "dev-capture"))
                .body("services.cache", org.hamcrest.Matchers.oneOf("redis", "memory"));
    }

    @Test
    void healthIsItsOwnDocumentNotTheSuccessEnvelope() {
        Api.given()
                .get("/api/v1/health")
                .then()
                .statusCode(200)
                .body("$", not(hasKey("success")))
                .body("$", not(hasKey("data")));
    }

    @Test
    void livenessIsUpAndChecksOnlyTheProcessNotItsDependencies() {
        Api.given()
                .get("/api/v1/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("deadlock"))
                .body("checks.name", not(hasItem("mongodb")))
                .body("checks.status", everyItem(equalTo("UP")));
    }

    @Test
    void readinessIsUpWhileRunningAndTheDatabaseAnswers() {
        Api.given()
                .get("/api/v1/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("lifecycle", "mongodb"))
                .body("checks.status", everyItem(equalTo("UP")))
                .body("checks.find { it.name == 'mongodb' }.data", not(aMapWithSize(0)))
                .body("checks.find { it.name == 'mongodb' }.data.responseTimeMs", greaterThanOrEqualTo(0));
    }
}
