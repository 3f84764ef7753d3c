package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a request body may carry (docs/security.md, "Input hygiene"): text without control, bidi or
 * unpaired surrogate characters (each refusal names the field), one JSON value and nothing after it,
 * strict JSON types, and {@code application/json} as its declared type. Bodies are written as JSON text,
 * so that escapes no JSON library would produce (a lone {@code \ud800}) go out as intended.
 */
@ExtendWith(RunningService.class)
class InputHygieneE2ETest {
    private static final String REFUSAL = ContractConformance.DESCRIBED_TEXT_RULE;

    @Test
    void controlCharactersInNamesDisplayNameAndBioAreRefusedNamingTheField() {
        Accounts.Session session = Accounts.signIn(Accounts.verified());

        for (String field : List.of("firstName", "lastName", "displayName", "bio")) {
            for (String value : List.of("Ja\\u0000ne", "Ja\\u0007ne", "Ja\\u001bne", "Ja\\rne", "Ja\\u007fne")) {
                profileUpdate(session, "{\"" + field + "\":\"" + value + "\"}")
                        .then()
                        .statusCode(400)
                        .body("error.details." + field, equalTo(REFUSAL));
            }
        }
        profile(session).then().body("data.user.firstName", equalTo("Jane")).body("data.user.bio", nullValue());
    }

    @Test
    void theBioKeepsLineBreaksAndTabsWhereOneLineFieldsRefuseThem() {
        Accounts.Session session = Accounts.signIn(Accounts.verified());

        profileUpdate(session, "{\"bio\":\"Ops lead\\n\\tnorth region\"}")
                .then()
                .statusCode(200)
                .body("data.user.bio", equalTo("Ops lead\n\tnorth region"));
        profileUpdate(session, "{\"displayName\":\"Ops\\nlead\"}")
                .then()
                .statusCode(400)
                .body("error.details.displayName", equalTo(REFUSAL));
    }

    @Test
    void loneSurrogatesAndBidiControlsAreRefusedAndPairedEmojiAccepted() {
        for (String value :
                List.of("Ja\\ud800ne", "\\udc00", "Jane\\ud83d", "\\u202egnp.exe", "a\\u2066b", "a\\u200fb")) {
            register("{\"email\":\"" + Team.uniqueEmail("hygiene") + "\",\"password\":\"" + Accounts.PASSWORD
                            + "\",\"firstName\":\"" + value + "\",\"lastName\":\"Doe\"}")
                    .then()
                    .statusCode(400)
                    .body("error.details.firstName", equalTo(REFUSAL));
        }
        register("{\"email\":\"" + Team.uniqueEmail("hygiene") + "\",\"password\":\"" + Accounts.PASSWORD
                        + "\",\"firstName\":\"Jane \\ud83d\\ude00\",\"lastName\":\"\\u0110o\"}")
                .then()
                .statusCode(201)
                .body("data.user.firstName", equalTo("Jane \uD83D\uDE00"));
    }

    @Test
    void contentAfterTheJsonValueIsRefusedAndNothingIsCreated() {
        String email = Team.uniqueEmail("trailing");
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD
                + "\",\"firstName\":\"Jane\",\"lastName\":\"Doe\"}";

        for (String sent : List.of(body + " xyz", body + body, body + "{}", body + "]", body + " null")) {
            register(sent).then().statusCode(400).body("error.category", equalTo("VALIDATION"));
        }
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
    }

    @Test
    void aStringWhereABooleanIsExpectedIsRefusedAndTheUserStaysActive() {
        Team.Member admin = Team.seededAdmin();
        Team.Member staff = Team.signedIn("staff");

        for (String isActive : List.of("\"false\"", "\"\"", "0", "0.0")) {
            Api.given()
                    .header("Authorization", admin.bearer())
                    .contentType("application/json")
                    .body("{\"isActive\":" + isActive + "}")
                    .patch("/api/v1/users/" + staff.id())
                    .then()
                    .statusCode(400)
                    .body("error.details.isActive", equalTo("has the wrong type"));
        }
        Accounts.status(staff.accessToken()).then().statusCode(200);
    }

    @Test
    void aNumberOrBooleanWhereTextIsExpectedIsRefused() {
        for (String firstName : List.of("12", "true", "1.5")) {
            register("{\"email\":\"" + Team.uniqueEmail("types") + "\",\"password\":\"" + Accounts.PASSWORD
                            + "\",\"firstName\":" + firstName + ",\"lastName\":\"Doe\"}")
                    .then()
                    .statusCode(400)
                    .body("error.details.firstName", equalTo("has the wrong type"));
        }
    }

    @Test
    void aBodyNotDeclaredAsJsonIsUnsupportedEvenWithoutContentType() throws Exception {
        String email = Team.uniqueEmail("mediatype");
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD
                + "\",\"firstName\":\"Jane\",\"lastName\":\"Doe\"}";

        for (String type :
                List.of("application/json-patch+json", "text/plain", "application/json; charset=utf-16", "text/json")) {
            Api.given()
                    .contentType(type)
                    .body(body)
                    .post("/api/v1/auth/register")
                    .then()
                    .statusCode(415)
                    .body("error.details.'Content-Type'", equalTo("must be application/json"));
        }
        HttpResponse<String> untyped = withoutContentType(body);
        assertThat(untyped.statusCode()).isEqualTo(415);
        assertThat(untyped.body()).contains("\"success\":false", "\"code\":415");
        assertThat(untyped.headers().firstValue("X-Correlation-ID")).isPresent();

        Api.given()
                .contentType("application/json; charset=UTF-8")
                .body(body)
                .post("/api/v1/auth/register")
                .then()
                .statusCode(201);
    }

    private static HttpResponse<String> withoutContentType(String body) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(RunningService.baseUri() + "/api/v1/auth/register"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static Response register(String json) {
        return Api.given().contentType("application/json").body(json).post("/api/v1/auth/register");
    }

    private static Response profileUpdate(Accounts.Session session, String json) {
        return Api.given()
                .header("Authorization", "Bearer " + session.accessToken())
                .contentType("application/json")
                .body(json)
                .patch("/api/v1/auth/profile");
    }

    private static Response profile(Accounts.Session session) {
        return Api.given()
                .header("Authorization", "Bearer " + session.accessToken())
                .get("/api/v1/auth/profile");
    }
}
