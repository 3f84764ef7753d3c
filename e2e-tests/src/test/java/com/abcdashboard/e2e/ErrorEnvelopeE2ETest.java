package com.abcdashboard.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningService.class)
class ErrorEnvelopeE2ETest {

    private static void isErrorEnvelope(ValidatableResponse response, int status, String category) {
        response.statusCode(status)
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("error.code", equalTo(status))
                .body("error.category", equalTo(category))
                .body("message", not(equalTo(null)))
                .body("correlationId", not(equalTo(null)))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    @Test
    void unknownRouteAnswers404InTheErrorEnvelope() {
        isErrorEnvelope(
                Api.plain()
                        .header("X-Correlation-ID", "c-404")
                        .get("/api/v1/nope")
                        .then(),
                404,
                "NOT_FOUND");
        Api.plain()
                .header("X-Correlation-ID", "c-404")
                .get("/api/v1/nope")
                .then()
                .body("correlationId", equalTo("c-404"));
    }

    @Test
    void unknownPathUnderAKnownPrefixAnswers404() {
        isErrorEnvelope(Api.plain().get("/api/v1/health/xyz").then(), 404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodOnAKnownPathAnswersAClientErrorEnvelope() {
        isErrorEnvelope(Api.plain().post("/api/v1/health").then(), 404, "NOT_FOUND");
    }

    @Test
    void anUnparseableHeaderLineIsABadRequestEnvelope() throws Exception {
        java.net.URI base = RunningService.baseUri();
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream()
                    .write(("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(answer)
                    .startsWith("HTTP/1.1 400")
                    .contains("\"category\":\"VALIDATION\"")
                    .contains("\"success\":false");
        }
    }
}
