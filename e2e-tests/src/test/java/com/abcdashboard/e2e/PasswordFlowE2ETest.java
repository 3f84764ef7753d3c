package com.abcdashboard.e2e;

import static com.abcdashboard.e2e.Accounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningService.class)
class PasswordFlowE2ETest {
    private static final String NEW_PASSWORD = "N3wSup3rSecret";

    private static Response forgot(String email) {
        return Api.documented()
                .contentType("application/json")
                .body(Map.of("email", email))
                .post("/api/v1/auth/forgot-password");
    }

    private static Response reset(String token, String password) {
        return Api.documented()
                .contentType("application/json")
                .body(Map.of("token", token, "password", password))
                .post("/api/v1/auth/reset-password");
    }

    @Test
    void aResetLinkExpiresAfterTenMinutes() {
        Accounts.Account account = Accounts.verified();
        forgot(account.email()).then().statusCode(200);
        String token = Mailbox.awaitMail(account.email(), 2).token();

        RunningService.target().clock().advance(Duration.ofMinutes(11));

        reset(token, NEW_PASSWORD).then().statusCode(400).body("error.details.token", notNullValue());
        Accounts.login(account.email(), PASSWORD).then().statusCode(200);
    }

    @Test
    void aResetLinkWorksOnceAndEndsEverySession() {
        Accounts.Account account = Accounts.verified();
        Accounts.Session before = Accounts.signIn(account);
        forgot(account.email()).then().statusCode(200);
        Mailbox.Mail mail = Mailbox.awaitMail(account.email(), 2);
        assertThat(mail.subject()).isEqualTo("Reset your password");
        assertThat(mail.text())
                .contains("http://localhost:3000/reset-password?token=")
                .contains("10 minutes");

        reset(mail.token(), NEW_PASSWORD).then().statusCode(200);
        reset(mail.token(), "An0therPassword").then().statusCode(400);

        Accounts.status(before.accessToken()).then().statusCode(401);
        Accounts.refresh(before.refreshToken()).then().statusCode(401);
        Accounts.login(account.email(), PASSWORD).then().statusCode(401);
        Accounts.login(account.email(), NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void aWeakNewPasswordIsRejectedWithoutSpendingTheToken() {
        Accounts.Account account = Accounts.verified();
        forgot(account.email()).then().statusCode(200);
        String token = Mailbox.awaitMail(account.email(), 2).token();

        reset(token, "weak").then().statusCode(400).body("error.details.password", notNullValue());
        reset(token, NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void changingThePasswordKeepsThisSessionAndEndsTheOthers() {
        Accounts.Account account = Accounts.verified();
        Accounts.Session here = Accounts.signIn(account);
        Accounts.Session elsewhere = Accounts.signIn(account);

        Api.documented()
                .header("Authorization", "Bearer " + here.accessToken())
                .contentType("application/json")
                .body(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
                .post("/api/v1/auth/change-password")
                .then()
                .statusCode(200);

        Accounts.status(here.accessToken()).then().statusCode(200);
        Accounts.status(elsewhere.accessToken()).then().statusCode(401);
        Accounts.refresh(elsewhere.refreshToken()).then().statusCode(401);
        Accounts.login(account.email(), NEW_PASSWORD).then().statusCode(200);
        assertThat(Mailbox.awaitMail(account.email(), 2).subject()).isEqualTo("Your password was changed");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        Accounts.Session session = Accounts.signIn(Accounts.verified());

        Api.documented()
                .header("Authorization", "Bearer " + session.accessToken())
                .contentType("application/json")
                .body(Map.of("currentPassword", "Wr0ngPassword", "newPassword", NEW_PASSWORD))
                .post("/api/v1/auth/change-password")
                .then()
                .statusCode(400)
                .body("error.details.currentPassword", equalTo("is incorrect"));
        Api.documented()
                .contentType("application/json")
                .body(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
                .post("/api/v1/auth/change-password")
                .then()
                .statusCode(401);
    }

    @Test
    void fiveFailuresLockTheAccountUntilTheLockExpires() {
        Accounts.Account account = Accounts.verified();
        for (int i = 0; i < 5; i++) {
            Accounts.login(account.email(), "Wr0ngPassword").then().statusCode(401);
        }

        Response locked = Accounts.login(account.email(), PASSWORD);
        locked.then().statusCode(429).body("error.category", equalTo("RATE_LIMIT"));
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 900);

        RunningService.target().clock().advance(Duration.ofMinutes(16));
        Accounts.login(account.email(), PASSWORD).then().statusCode(200);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        Accounts.Account account = Accounts.verified();
        for (int i = 0; i < 4; i++) {
            Accounts.login(account.email(), "Wr0ngPassword").then().statusCode(401);
        }
        Accounts.login(account.email(), PASSWORD).then().statusCode(200);

        for (int i = 0; i < 4; i++) {
            Accounts.login(account.email(), "Wr0ngPassword").then().statusCode(401);
        }
        Accounts.login(account.email(), PASSWORD).then().statusCode(200);
    }
}
