package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response carries {@code X-Correlation-ID}: a valid incoming id is echoed, anything else is replaced by a
 * generated one. (That every response has the header at all is checked on every request by the suite.)
 */
@ExtendWith(RunningService.class)
class CorrelationIdE2ETest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aValidCorrelationIdIsEchoed() {
        Api.given()
                .header("X-Correlation-ID", "trace-42.a:b_c")
                .get("/api/v1/health/live")
                .then()
                .header("X-Correlation-ID", "trace-42.a:b_c");
    }

    @Test
    void aCorrelationIdOfTheMaximumLengthIsEchoed() {
        String longest = "a".repeat(128);

        Api.given()
                .header("X-Correlation-ID", longest)
                .get("/api/v1/health/live")
                .then()
                .header("X-Correlation-ID", longest);
    }

    @Test
    void aRequestIdIsAcceptedAsTheCorrelationId() {
        Api.given()
                .header("X-Request-ID", "req-7")
                .get("/api/v1/health/live")
                .then()
                .header("X-Correlation-ID", "req-7");
    }

    @Test
    void theCorrelationIdWinsOverTheRequestId() {
        Api.given()
                .header("X-Correlation-ID", "corr-1")
                .header("X-Request-ID", "req-1")
                .get("/api/v1/health/live")
                .then()
                .header("X-Correlation-ID", "corr-1");
    }

    @Test
    void anInvalidCorrelationIdFallsBackToAValidRequestId() {
        Api.given()
                .header("X-Correlation-ID", "not valid")
                .header("X-Request-ID", "req-2")
                .get("/api/v1/health/live")
                .then()
                .header("X-Correlation-ID", "req-2");
    }

    @Test
    void withoutACorrelationIdEachRequestGetsAFreshOne() {
        String first = Api.given().get("/api/v1/health/live").then().extract().header("X-Correlation-ID");
        String second = Api.given().get("/api/v1/health/live").then().extract().header("X-Correlation-ID");

        assertThat(first).matches(UUID);
        assertThat(second).matches(UUID).isNotEqualTo(first);
    }

    static Stream<String> invalidCorrelationIds() {
        return Stream.of(
                "has spaces",
                "semi;colon",
                "<script>alert(1)</script>",
                "quote\"d",
                "slash/ed",
                "a".repeat(129), // one over the limit
                "a".repeat(200));
    }

    @ParameterizedTest
    @MethodSource("invalidCorrelationIds")
    void anInvalidCorrelationIdIsReplacedNotEchoed(String invalid) {
        Api.given()
                .header("X-Correlation-ID", invalid)
                .get("/api/v1/health/live")
                .then()
                .statusCode(200)
                .header("X-Correlation-ID", matchesPattern(UUID));
    }

    @Test
    void anErrorNamesTheRequestsCorrelationIdInItsBody() {
        Api.given()
                .header("X-Correlation-ID", "c-404")
                .get("/api/v1/nope")
                .then()
                .statusCode(404)
                .header("X-Correlation-ID", "c-404")
                .body("correlationId", equalTo("c-404"));
    }
}
