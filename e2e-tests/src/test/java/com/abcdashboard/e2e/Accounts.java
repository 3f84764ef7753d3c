package com.abcdashboard.e2e;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;

/** Arranges accounts through the public API, as a user would. */
final class Accounts {
    static final String PASSWORD = "Sup3rSecret";

    record Account(String email, String password) {}

    record Session(String accessToken, String refreshToken) {}

    private Accounts() {}

    static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    static Response register(String email, String password) {
        return Api.documented()
                .contentType("application/json")
                .body(Map.of("email", email, "password", password, "firstName", "Jane", "lastName", "Doe"))
                .post("/api/v1/auth/register");
    }

    /** Registered and verified through the emailed link. */
    static Account verified() {
        String email = uniqueEmail();
        register(email, PASSWORD).then().statusCode(201);
        String token = Mailbox.awaitMail(email, 1).token();
        Api.documented()
                .contentType("application/json")
                .body(Map.of("token", token))
                .post("/api/v1/auth/verify-email")
                .then()
                .statusCode(200);
        return new Account(email, PASSWORD);
    }

    static Response login(String email, String password) {
        return Api.documented()
                .contentType("application/json")
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login");
    }

    static Session signIn(Account account) {
        Response r = login(account.email(), account.password());
        r.then().statusCode(200).body("success", equalTo(true));
        return new Session(r.path("data.tokens.accessToken"), r.path("data.tokens.refreshToken"));
    }

    static Response status(String accessToken) {
        return Api.documented().header("Authorization", "Bearer " + accessToken).get("/api/v1/auth/status");
    }

    static Response refresh(String refreshToken) {
        return Api.documented()
                .contentType("application/json")
                .body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/refresh");
    }

    static Response logout(Session session) {
        return Api.documented()
                .header("Authorization", "Bearer " + session.accessToken())
                .contentType("application/json")
                .body(Map.of("refreshToken", session.refreshToken()))
                .post("/api/v1/auth/logout");
    }

    static Response forgotPassword(String email) {
        return Api.documented()
                .contentType("application/json")
                .body(Map.of("email", email))
                .post("/api/v1/auth/forgot-password");
    }
}
