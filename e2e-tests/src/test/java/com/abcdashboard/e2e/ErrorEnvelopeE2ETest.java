package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.Method;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Routes the spec does not document still answer in the error envelope. The suite checks each such body
 * against the spec's {@code ErrorResponse}; these tests pin the status, the category and what the text may
 * not leak.
 */
@ExtendWith(RunningService.class)
class ErrorEnvelopeE2ETest {

    private static Response send(String method, String path) {
        return Api.given().request(Method.valueOf(method), path);
    }

    /** The envelope by hand: shape, status in the body, no internals. */
    private static void isErrorEnvelope(Response response, int status, String category) {
        response.then()
                .statusCode(status)
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("error.code", equalTo(status))
                .body("error.category", equalTo(category))
                .body("message", notNullValue())
                .body("message", equalTo(response.path("error.message")))
                .body("correlationId", equalTo(response.header("X-Correlation-ID")))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")))
                .body(not(containsString("com.abcdashboard")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET,    /api/v1/nope",
        "POST,   /api/v1/nope",
        "DELETE, /nope",
        "GET,    /api/v1/health/xyz",
        "POST,   /api/v1/health/xyz",
        "PUT,    /api/v1/health/live/xyz",
        "GET,    /api/v2/health",
        "GET,    /api-docs/swagger-ui/no-such-asset.js",
    })
    void unknownRouteAnswers404InTheErrorEnvelope(String method, String path) {
        Response response = send(method, path);

        isErrorEnvelope(response, 404, "NOT_FOUND");
        assertThat(response.path("message").toString()).contains(path);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST   | /api/v1/health                           | GET",
                "DELETE | /api/v1/health/live                      | GET",
                "PUT    | /api/v1/health/ready                     | GET",
                "GET    | /api/v1/auth/login                       | POST",
                "DELETE | /api/v1/auth/profile                     | GET, PATCH, PUT",
                "POST   | /api/v1/users/6745a1f0c2d7e5b1a4c8e9d2   | DELETE, GET, PATCH, PUT",
                "OPTIONS| /api/v1/users/stats                      | GET",
            })
    void aWrongMethodOnADocumentedPathAnswers405WithAllow(String method, String path, String allowed) {
        Response response = send(method, path);

        isErrorEnvelope(response, 405, "NOT_FOUND");
        assertThat(response.header("Allow")).isEqualTo(allowed);
    }

    @Test
    void aWrongMethodOnAnUndocumentedPathIs404() {
        isErrorEnvelope(send("POST", "/api-docs/openapi.yaml"), 404, "NOT_FOUND");
    }

    @Test
    void aPathClimbingOutOfTheSwaggerUiAssetsFindsNothing() {
        Response response = Api.given()
                .urlEncodingEnabled(false)
                .get("/api-docs/swagger-ui/%2e%2e/%2e%2e/%2e%2e/com/abcdashboard/build.properties");

        isErrorEnvelope(response, 404, "NOT_FOUND");
        response.then().body(not(containsString("swaggerUiVersion=")));
    }

    @Test
    void anUnparseableHeaderLineIsABadRequestEnvelope() throws IOException {
        URI base = RunningService.baseUri();
        String answer;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream()
                    .write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        Matcher header =
                Pattern.compile("(?im)^X-Correlation-ID: ([A-Za-z0-9._:-]+)").matcher(answer);
        assertThat(header.find())
                .as("an X-Correlation-ID header in:\n" + answer)
                .isTrue();
        assertThat(answer)
                .startsWith("HTTP/1.1 400")
                .contains("\"success\":false")
                .contains("\"category\":\"VALIDATION\"")
                .contains("\"correlationId\":\"" + header.group(1) + "\"");
    }

    @Test
    void aHeadRequestToAnUnknownRouteGets404WithoutABody() {
        io.restassured.response.Response response = Api.plain().head("/api/v1/nope");

        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(response.asByteArray()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(response.header("X-Correlation-ID"))
                .isNotBlank();
    }

    @Test
    void aClientAcceptingOnlyHtmlGetsTheOperationsOwnErrorInTheJsonEnvelope() {
        // Before, the envelope found no writer for text/html: the sign-in ran (and was audited) but the
        // answer was a second error, 415, under another correlation id.
        Response response = Api.given()
                .header("Accept", "text/html")
                .contentType("application/json")
                .body(java.util.Map.of("email", "nobody@accept.invalid", "password", "Sup3rSecret"))
                .post("/api/v1/auth/login");

        response.then()
                .statusCode(401)
                .contentType("application/json")
                .body("error.category", equalTo("AUTHENTICATION"))
                .body("correlationId", equalTo(response.header("X-Correlation-ID")));
    }

    @Test
    void aClientAcceptingOnlyHtmlGetsItsSuccessfulAnswerInJson() {
        // Before, a success answer found no writer for text/html: the edit was stored, and the client was
        // told 400 "Unsupported request body".
        Team.Member member = Team.signedIn("staff");
        String bio = "accepted as html " + System.nanoTime();

        Response edited = Api.given()
                .header("Accept", "text/html")
                .header("Authorization", member.bearer())
                .contentType("application/json")
                .body(java.util.Map.of("bio", bio))
                .patch("/api/v1/profile");

        edited.then().statusCode(200).contentType("application/json").body("data.user.bio", equalTo(bio));
        Api.given()
                .header("Accept", "application/xml")
                .get("/api/v1/health/live")
                .then()
                .statusCode(200)
                .contentType("application/json");
    }
}
