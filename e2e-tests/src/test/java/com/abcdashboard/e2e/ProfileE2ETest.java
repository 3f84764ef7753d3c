package com.abcdashboard.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningService.class)
class ProfileE2ETest {

    private static Response update(String method, String token, Map<String, Object> body) {
        return Api.documented()
                .header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(body)
                .request(method, "/api/v1/auth/profile");
    }

    @Test
    void theProfileCarriesTheProfileFields() {
        Accounts.Session session = Accounts.signIn(Accounts.verified());

        Api.documented()
                .header("Authorization", "Bearer " + session.accessToken())
                .get("/api/v1/auth/profile")
                .then()
                .statusCode(200)
                .body("data.isAuthenticated", equalTo(true))
                .body("data.user.emailVerified", equalTo(true))
                .body("data.user.emailVerifiedAt", notNullValue())
                .body("data.user.lastLoginAt", notNullValue())
                .body("data.user.lastActivityAt", notNullValue());
    }

    @Test
    void putAndPatchChangeOnlyTheFieldsSent() {
        Accounts.Session session = Accounts.signIn(Accounts.verified());

        update(
                        "PUT",
                        session.accessToken(),
                        Map.of(
                                "displayName", "JD",
                                "bio", "Ops lead",
                                "phone", "+14155550123",
                                "langKey", "vi",
                                "avatarUrl", "https://cdn.example.com/a.png"))
                .then()
                .statusCode(200)
                .body("data.user.displayName", equalTo("JD"))
                .body("data.user.firstName", equalTo("Jane"))
                .body("data.user.langKey", equalTo("vi"));
        update("PATCH", session.accessToken(), Map.of("bio", "", "firstName", "Janet"))
                .then()
                .statusCode(200)
                .body("data.user.bio", nullValue())
                .body("data.user.firstName", equalTo("Janet"))
                .body("data.user.phone", equalTo("+14155550123"));
    }

    @Test
    void everyInvalidProfileFieldIsNamed() {
        Accounts.Session session = Accounts.signIn(Accounts.verified());

        update(
                        "PUT",
                        session.accessToken(),
                        Map.of(
                                "bio", "x".repeat(501),
                                "phone", "0123 456",
                                "langKey", "xx",
                                "avatarUrl", "http://insecure.example.com/a.png",
                                "firstName", "J"))
                .then()
                .statusCode(400)
                .body("error.details.bio", notNullValue())
                .body("error.details.phone", notNullValue())
                .body("error.details.langKey", notNullValue())
                .body("error.details.avatarUrl", notNullValue())
                .body("error.details.firstName", notNullValue());
    }

    @Test
    void roleVerificationAndActiveFlagCannotBeChangedHere() {
        Accounts.Session session = Accounts.signIn(Accounts.verified());

        update(
                        "PUT",
                        session.accessToken(),
                        Map.of(
                                "role",
                                "admin",
                                "emailVerified",
                                false,
                                "isActive",
                                false,
                                "displayName",
                                "Still Staff"))
                .then()
                .statusCode(200)
                .body("data.user.role", equalTo("staff"))
                .body("data.user.emailVerified", equalTo(true))
                .body("data.user.isActive", equalTo(true));
    }

    @Test
    void theProfileNeedsASignedInUser() {
        Api.documented().get("/api/v1/auth/profile").then().statusCode(401);
        Api.documented()
                .contentType("application/json")
                .body(Map.of("bio", "x"))
                .put("/api/v1/auth/profile")
                .then()
                .statusCode(401);
    }
}
