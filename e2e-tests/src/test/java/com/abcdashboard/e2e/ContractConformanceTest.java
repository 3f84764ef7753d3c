package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import org.junit.jupiter.api.Test;

/**
 * The referee itself: a check that lets everything through would leave the whole suite green for nothing, so
 * these answers (written by hand, no service involved) must be told apart.
 */
class ContractConformanceTest {
    private static final ContractConformance CONFORMANCE = new ContractConformance(RunningService.specFile());

    private static final String HEALTHY_REPORT = """
            {"status":"healthy","timestamp":"2026-11-25T10:15:30.123Z","version":"1.0.0","uptime":1.5,
             "memory":{"used":1,"total":2,"percentage":50.0},"database":{"status":"connected","responseTime":2},
             "services":{"email":"smtp","cache":"memory"}}""";

    private static final String NOT_FOUND_ENVELOPE = """
            {"success":false,"message":"Route GET /nope not found",
             "error":{"code":404,"message":"Route GET /nope not found","category":"NOT_FOUND"},"correlationId":"c-1"}""";

    private static SimpleResponse.Builder json(int status, String body) {
        return SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withHeader("X-Correlation-ID", "c-1")
                .withBody(body);
    }

    @Test
    void aHealthReportAsDocumentedConforms() {
        assertThat(CONFORMANCE.problems(
                        SimpleRequest.Builder.get("/api/v1/health").build(),
                        json(200, HEALTHY_REPORT).build()))
                .isEmpty();
    }

    @Test
    void aHealthReportWithoutItsStatusIsAViolation() {
        String withoutStatus = HEALTHY_REPORT.replace("\"status\":\"healthy\",", "");

        assertThat(CONFORMANCE.problems(
                        SimpleRequest.Builder.get("/api/v1/health").build(),
                        json(200, withoutStatus).build()))
                .anySatisfy(problem -> assertThat(problem).contains("status"));
    }

    @Test
    void aValueOutsideADocumentedEnumIsAViolation() {
        String fine = HEALTHY_REPORT.replace("\"healthy\"", "\"fine\"");

        assertThat(CONFORMANCE.problems(
                        SimpleRequest.Builder.get("/api/v1/health").build(),
                        json(200, fine).build()))
                .isNotEmpty();
    }

    @Test
    void aStatusTheOperationDoesNotDocumentIsAViolation() {
        assertThat(CONFORMANCE.problems(
                        SimpleRequest.Builder.get("/api/v1/health").build(),
                        json(418, NOT_FOUND_ENVELOPE).build()))
                .isNotEmpty();
    }

    @Test
    void aResponseWithoutACorrelationIdIsAViolation() {
        SimpleResponse withoutHeader = SimpleResponse.Builder.ok()
                .withContentType("application/json")
                .withBody(HEALTHY_REPORT)
                .build();

        assertThat(CONFORMANCE.problems(
                        SimpleRequest.Builder.get("/api/v1/health").build(), withoutHeader))
                .containsExactly("no X-Correlation-ID header");
    }

    @Test
    void anUndocumentedRouteConformsWhenItAnswersTheErrorEnvelope() {
        assertThat(CONFORMANCE.problems(
                        SimpleRequest.Builder.get("/nope").build(),
                        json(404, NOT_FOUND_ENVELOPE).build()))
                .isEmpty();
    }

    @Test
    void anUndocumentedRouteAnsweringAnythingButTheErrorEnvelopeIsAViolation() {
        assertThat(CONFORMANCE.problems(
                        SimpleRequest.Builder.get("/nope").build(),
                        json(404, "{\"error\":\"Not Found\"}").build()))
                .anySatisfy(problem -> assertThat(problem).startsWith("not an ErrorResponse"));
        assertThat(CONFORMANCE.problems(
                        SimpleRequest.Builder.post("/api/v1/health").build(),
                        json(405, "Method Not Allowed").build()))
                .anySatisfy(problem -> assertThat(problem).startsWith("not an ErrorResponse"));
    }

    @Test
    void anErrorWhoseBodyNamesAnotherCorrelationIdIsAViolation() {
        String otherId = NOT_FOUND_ENVELOPE.replace("\"c-1\"", "\"c-2\"");

        assertThat(CONFORMANCE.problems(
                        SimpleRequest.Builder.get("/nope").build(),
                        json(404, otherId).build()))
                .containsExactly("the body's correlationId 'c-2' is not the X-Correlation-ID header c-1");
    }
}
