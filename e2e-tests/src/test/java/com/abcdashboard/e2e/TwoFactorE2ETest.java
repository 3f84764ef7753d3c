package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.abcdashboard.app.Application;
import com.abcdashboard.testsupport.AuthenticatorApp;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two-factor sign-in over HTTP: enrol → confirm → sign in with a code computed from the returned secret
 * (by the tests' own RFC 6238, {@link AuthenticatorApp}) → the same code again refused → a recovery code
 * once → disable; the lockout; the admins' reset; and a role that must enrol first. Time moves with the
 * service's clock, never by sleeping.
 */
@ExtendWith(RunningService.class)
class TwoFactorE2ETest {

    /** A verified account with two-factor sign-in on: its secret, recovery codes and a session's token. */
    record Enrolled(String email, String secret, List<String> recoveryCodes, String accessToken) {}

    static Enrolled enrolled() {
        Accounts.Account account = Accounts.verified();
        String access = Accounts.signIn(account).accessToken();
        Response enrolment =
                Api.given().header("Authorization", "Bearer " + access).post("/api/v1/auth/mfa/totp/enroll");
        enrolment
                .then()
                .statusCode(200)
                .body("data.otpauthUri", startsWith("otpauth://totp/"))
                .body("data.qrCodeSvg", startsWith("<svg"));
        String secret = enrolment.path("data.secret");
        Response confirmed = Api.given()
                .header("Authorization", "Bearer " + access)
                .contentType("application/json")
                .body(Map.of("code", code(secret)))
                .post("/api/v1/auth/mfa/totp/confirm");
        confirmed.then().statusCode(200).body("data.recoveryCodes", hasSize(10));
        return new Enrolled(account.email(), secret, confirmed.path("data.recoveryCodes"), access);
    }

    /** What the app shows now, by the service's clock. */
    static String code(String secret) {
        return AuthenticatorApp.code(secret, RunningService.target().clock().instant());
    }

    /** The next 30-second step: a code not used yet. */
    static void nextStep() {
        RunningService.target().clock().advance(Duration.ofSeconds(30));
    }

    static Response verify(String mfaToken, String code) {
        return Api.given()
                .contentType("application/json")
                .body(Map.of("mfaToken", mfaToken, "code", code))
                .post("/api/v1/auth/mfa/verify");
    }

    static String challenge(String email) {
        Response login = Accounts.login(email, Accounts.PASSWORD);
        login.then().statusCode(202).body("data.mfaRequired", equalTo(true));
        return login.path("data.mfaToken");
    }

    @Test
    void enrolConfirmSignInWithACodeRefuseItsReplayUseARecoveryCodeOnceThenDisable() {
        Enrolled sam = enrolled();
        Api.given()
                .header("Authorization", "Bearer " + sam.accessToken())
                .get("/api/v1/auth/profile")
                .then()
                .statusCode(200)
                .body("data.user.mfaEnabled", equalTo(true));
        nextStep();

        Response passwordStep = Accounts.login(sam.email(), Accounts.PASSWORD);
        passwordStep
                .then()
                .statusCode(202)
                .body("data.mfaRequired", equalTo(true))
                .body("data.expiresIn", equalTo(300))
                .body("data.tokens", nullValue());
        assertThat(passwordStep.getCookies()).doesNotContainKeys("accessToken", "refreshToken");
        String code = code(sam.secret());
        Response signedIn = verify(passwordStep.path("data.mfaToken"), code);
        signedIn.then().statusCode(200).body("data.tokens.accessToken", notNullValue());
        assertThat(signedIn.getCookies()).containsKeys("accessToken", "refreshToken");
        Accounts.status(signedIn.path("data.tokens.accessToken")).then().statusCode(200);

        verify(challenge(sam.email()), code).then().statusCode(401);

        String recovery = sam.recoveryCodes().getFirst();
        verify(challenge(sam.email()), recovery).then().statusCode(200);
        verify(challenge(sam.email()), recovery).then().statusCode(401);

        nextStep();
        Api.given()
                .header("Authorization", "Bearer " + sam.accessToken())
                .contentType("application/json")
                .body(Map.of("password", Accounts.PASSWORD, "code", code(sam.secret())))
                .delete("/api/v1/auth/mfa/totp")
                .then()
                .statusCode(200);
        Accounts.login(sam.email(), Accounts.PASSWORD)
                .then()
                .statusCode(200)
                .body("data.tokens.accessToken", notNullValue())
                .body("data.user.mfaEnabled", equalTo(false));
    }

    @Test
    void anMfaTokenIsRefusedAfterFiveMinutesAndAFinishedOneCannotBeUsedAgain() {
        Enrolled sam = enrolled();
        nextStep();
        String finished = challenge(sam.email());
        String late = challenge(sam.email());
        verify(finished, code(sam.secret())).then().statusCode(200);
        nextStep();

        verify(finished, code(sam.secret())).then().statusCode(401);
        RunningService.target().clock().advance(Duration.ofMinutes(5));
        verify(late, code(sam.secret())).then().statusCode(401);
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswords() {
        Enrolled sam = enrolled();
        nextStep();
        String mfaToken = challenge(sam.email()); // the password step is the first of LOGIN_MAX_ATTEMPTS (5)

        for (int i = 0; i < 4; i++) {
            verify(mfaToken, "000000").then().statusCode(401).body("error.category", equalTo("AUTHENTICATION"));
        }

        verify(mfaToken, code(sam.secret())).then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void anAdminResetsTheTwoFactorSignInOfAUserWhoLostTheirAppAndItIsAudited() {
        Enrolled sam = enrolled();
        Team.Member admin = Team.seededAdmin();
        String id = Api.given()
                .header("Authorization", "Bearer " + sam.accessToken())
                .get("/api/v1/auth/profile")
                .path("data.user.id");

        Api.given()
                .header("Authorization", admin.bearer())
                .delete("/api/v1/users/" + id + "/mfa")
                .then()
                .statusCode(200);

        Accounts.login(sam.email(), Accounts.PASSWORD).then().statusCode(200);
        Api.given()
                .header("Authorization", admin.bearer())
                .queryParam("targetId", id)
                .queryParam("action", "mfa_reset")
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200)
                .body("data[0].targetId", equalTo(id))
                .body("data[0].actorId", equalTo(admin.id()));
    }

    @Test
    void aRoleThatMustUseTwoFactorSignInReachesOnlyTheEnrolmentUntilItEnrols() {
        Assumptions.assumeTrue(RunningService.target().inProcess().isPresent(), "needs the in-process service");
        Application service = RunningService.startAnother(Map.of("MFA_REQUIRED_ROLES", "admin"));
        try {
            Supplier<RequestSpecification> other = () -> RestAssured.given()
                    .baseUri("http://127.0.0.1:" + service.port())
                    .filter(Api.CONFORMANCE);
            Response login = other.get()
                    .contentType("application/json")
                    .body(Map.of("email", Team.setting("ADMIN_EMAIL"), "password", Team.setting("ADMIN_PASSWORD")))
                    .post("/api/v1/auth/login");
            login.then().statusCode(200).body("data.mfaEnrollmentRequired", equalTo(true));
            String bearer = "Bearer " + login.path("data.tokens.accessToken");

            other.get()
                    .header("Authorization", bearer)
                    .get("/api/v1/users")
                    .then()
                    .statusCode(403);
            other.get()
                    .header("Authorization", bearer)
                    .contentType("application/json")
                    .body(Map.of("bio", "Not yet"))
                    .put("/api/v1/auth/profile")
                    .then()
                    .statusCode(403)
                    .body("error.category", equalTo("AUTHORIZATION"));
            other.get()
                    .header("Authorization", bearer)
                    .get("/api/v1/auth/profile")
                    .then()
                    .statusCode(200);
            other.get()
                    .header("Authorization", bearer)
                    .get("/api/v1/auth/status")
                    .then()
                    .statusCode(200);
            String secret = other.get()
                    .header("Authorization", bearer)
                    .post("/api/v1/auth/mfa/totp/enroll")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("data.secret");
            other.get()
                    .header("Authorization", bearer)
                    .contentType("application/json")
                    .body(Map.of("code", AuthenticatorApp.code(secret, Instant.now())))
                    .post("/api/v1/auth/mfa/totp/confirm")
                    .then()
                    .statusCode(200);

            // The same session, whole now that the enrolment is confirmed.
            other.get()
                    .header("Authorization", bearer)
                    .get("/api/v1/users")
                    .then()
                    .statusCode(200);
        } finally {
            service.close();
        }
    }
}
