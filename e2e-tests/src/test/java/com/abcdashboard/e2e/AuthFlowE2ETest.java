package com.abcdashboard.e2e;

import static com.abcdashboard.e2e.Accounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningService.class)
class AuthFlowE2ETest {

    private static Response verify(String token) {
        return Api.documented()
                .contentType("application/json")
                .body(Map.of("token", token))
                .post("/api/v1/auth/verify-email");
    }

    @Test
    void registerVerifyLoginRefreshAndLogout() {
        String email = Accounts.uniqueEmail();

        Accounts.register(email, PASSWORD)
                .then()
                .statusCode(201)
                .body("data.user.email", equalTo(email))
                .body("data.user.role", equalTo("staff"))
                .body("data.user.emailVerified", equalTo(false))
                .body("data.tokens", nullValue())
                .body("data.user.passwordHash", nullValue());

        Mailbox.Mail mail = Mailbox.awaitMail(email, 1);
        assertThat(mail.subject()).isEqualTo("Verify your email address");
        assertThat(mail.text()).contains("http://localhost:3000/verify-email?token=");
        assertThat(mail.html()).contains("/verify-email?token=");

        Accounts.login(email, PASSWORD)
                .then()
                .statusCode(403)
                .body("error.category", equalTo("AUTHENTICATION"))
                .body("message", org.hamcrest.Matchers.containsString("verify"));

        verify(mail.token())
                .then()
                .statusCode(200)
                .body("data.user.emailVerified", equalTo(true))
                .body("data.user.isActive", equalTo(true));
        verify(mail.token()).then().statusCode(400).body("error.details.token", notNullValue());

        Response login = Accounts.login(email.toUpperCase(), PASSWORD);
        login.then()
                .statusCode(200)
                .body("data.requiresPasswordChange", equalTo(false))
                .body("data.tokens.expiresIn", equalTo(900));
        String access = login.path("data.tokens.accessToken");
        String refresh = login.path("data.tokens.refreshToken");

        Accounts.status(access).then().statusCode(200).body("data.isAuthenticated", equalTo(true));

        Response rotated = Accounts.refresh(refresh);
        rotated.then().statusCode(200);
        String newRefresh = rotated.path("data.tokens.refreshToken");
        assertThat(newRefresh).isNotEqualTo(refresh);

        Api.documented()
                .header("Authorization", "Bearer " + rotated.path("data.tokens.accessToken"))
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(200);
        Accounts.refresh(newRefresh).then().statusCode(401);
        Accounts.status(access).then().statusCode(401);
    }

    @Test
    void replayingARotatedRefreshTokenRevokesTheWholeFamily() {
        Accounts.Session session = Accounts.signIn(Accounts.verified());
        String next = Accounts.refresh(session.refreshToken()).path("data.tokens.refreshToken");
        RunningService.target().clock().advance(Duration.ofSeconds(11)); // past REFRESH_REUSE_GRACE (10 s)

        Accounts.refresh(session.refreshToken())
                .then()
                .statusCode(401)
                .body("error.category", equalTo("AUTHENTICATION"));

        Accounts.refresh(next).then().statusCode(401);
        Accounts.status(session.accessToken()).then().statusCode(401);
    }

    @Test
    void theSameRefreshTokenAgainWithinTheGraceGetsTheSuccessorAlreadyIssued() {
        Accounts.Session session = Accounts.signIn(Accounts.verified());
        String next = Accounts.refresh(session.refreshToken()).path("data.tokens.refreshToken");

        String again = Accounts.refresh(session.refreshToken())
                .then()
                .statusCode(200)
                .extract()
                .path("data.tokens.refreshToken");

        assertThat(again).isEqualTo(next);
        Accounts.refresh(next).then().statusCode(200);
    }

    @Test
    void aDuplicateEmailInAnyCaseIsAConflict() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, PASSWORD).then().statusCode(201);

        Accounts.register(email.toUpperCase(), PASSWORD)
                .then()
                .statusCode(409)
                .body("error.category", equalTo("CONFLICT"))
                .body("error.details.email", notNullValue());
    }

    @Test
    void unknownFieldsAreIgnoredAndNeverStored() {
        String email = Accounts.uniqueEmail();

        Api.documented()
                .contentType("application/json")
                .body(Map.of(
                        "email",
                        email,
                        "password",
                        PASSWORD,
                        "confirmPassword",
                        PASSWORD,
                        "firstName",
                        "Jane",
                        "lastName",
                        "Doe",
                        "emailVerified",
                        true,
                        "isActive",
                        false))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(201)
                .body("data.user.emailVerified", equalTo(false))
                .body("data.user.isActive", equalTo(true));
    }

    @Test
    void registeringWithAnyRoleButStaffIsForbidden() {
        Api.documented()
                .contentType("application/json")
                .body(Map.of(
                        "email", Accounts.uniqueEmail(),
                        "password", PASSWORD,
                        "firstName", "Eve",
                        "lastName", "Admin",
                        "role", "admin"))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(403)
                .body("error.category", equalTo("AUTHORIZATION"));
    }

    @Test
    void everyInvalidFieldIsNamedInTheDetails() {
        Api.documented()
                .contentType("application/json")
                .body(Map.of("email", "nope", "password", "short", "firstName", "J", "lastName", "", "username", "a!"))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .body("error.category", equalTo("VALIDATION"))
                .body("error.details.email", notNullValue())
                .body("error.details.password", org.hamcrest.Matchers.containsString("upper-case"))
                .body("error.details.firstName", notNullValue())
                .body("error.details.lastName", notNullValue())
                .body("error.details.username", notNullValue());
    }

    @Test
    void malformedJsonIsABadRequestEnvelope() {
        Api.plain()
                .contentType("application/json")
                .body("{\"email\": ")
                .post("/api/v1/auth/login")
                .then()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error.category", equalTo("VALIDATION"))
                .body("correlationId", notNullValue());
    }

    @Test
    void aMissingBodyIsABadRequestAndANonJsonOneUnsupported() {
        Api.documented()
                .post("/api/v1/auth/login")
                .then()
                .statusCode(400)
                .body("error.details.body", notNullValue())
                .body(not(org.hamcrest.Matchers.containsString("com.abcdashboard")));
        Api.documented()
                .contentType("text/plain")
                .body("hello")
                .post("/api/v1/auth/login")
                .then()
                .statusCode(415)
                .body("error.details.'Content-Type'", equalTo("must be application/json"));
    }

    @Test
    void anOperatorObjectInAFieldIsRejectedNotQueried() {
        Api.plain()
                .contentType("application/json")
                .body("{\"email\": {\"$ne\": null}, \"password\": {\"$gt\": \"\"}}")
                .post("/api/v1/auth/login")
                .then()
                .statusCode(400)
                .body("error.category", equalTo("VALIDATION"));
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        Accounts.Account account = Accounts.verified();

        Response unknown = Accounts.login(Accounts.uniqueEmail(), PASSWORD);
        Response wrong = Accounts.login(account.email(), "Wr0ngPassword");

        unknown.then().statusCode(401);
        wrong.then().statusCode(401);
        assertThat(wrong.jsonPath().getMap("error"))
                .isEqualTo(unknown.jsonPath().getMap("error"));
        assertThat(wrong.jsonPath().getString("message"))
                .isEqualTo(unknown.jsonPath().getString("message"));
    }

    @Test
    void forgotPasswordAndResendAnswerTheSameForUnknownAddresses() {
        Accounts.Account account = Accounts.verified();
        for (String path : new String[] {"/api/v1/auth/forgot-password", "/api/v1/auth/resend-verification"}) {
            Response known = Api.documented()
                    .contentType("application/json")
                    .body(Map.of("email", account.email()))
                    .post(path);
            Response unknown = Api.documented()
                    .contentType("application/json")
                    .body(Map.of("email", Accounts.uniqueEmail()))
                    .post(path);

            known.then().statusCode(200);
            unknown.then().statusCode(200);
            assertThat(known.jsonPath().getString("data.message"))
                    .isEqualTo(unknown.jsonPath().getString("data.message"));
        }
    }

    @Test
    void resendingVerificationSendsAFreshLinkAndKillsTheOldOne() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, PASSWORD).then().statusCode(201);
        String first = Mailbox.awaitMail(email, 1).token();

        Api.documented()
                .contentType("application/json")
                .body(Map.of("email", email))
                .post("/api/v1/auth/resend-verification")
                .then()
                .statusCode(200);
        String second = Mailbox.awaitMail(email, 2).token();

        verify(first).then().statusCode(400);
        verify(second).then().statusCode(200);
    }

    @Test
    void cookiesCarryTheSessionForBrowsers() {
        Accounts.Account account = Accounts.verified();
        Response login = Accounts.login(account.email(), account.password());
        Cookie access = login.getDetailedCookie("accessToken");
        Cookie refresh = login.getDetailedCookie("refreshToken");

        assertThat(access.isHttpOnly()).isTrue();
        assertThat(access.getSameSite()).isEqualToIgnoringCase("Strict");
        assertThat(access.getPath()).isEqualTo("/api");
        assertThat(refresh.isHttpOnly()).isTrue();
        assertThat(refresh.getPath()).isEqualTo("/api/v1/auth");

        Api.documented()
                .cookie("accessToken", access.getValue())
                .get("/api/v1/auth/status")
                .then()
                .statusCode(200);
        Response rotated =
                Api.documented().cookie("refreshToken", refresh.getValue()).post("/api/v1/auth/refresh");
        rotated.then().statusCode(200);
        assertThat(rotated.getCookie("refreshToken")).isNotEqualTo(refresh.getValue());

        Response logout = Api.documented()
                .cookie("accessToken", rotated.getCookie("accessToken"))
                .cookie("refreshToken", rotated.getCookie("refreshToken"))
                .post("/api/v1/auth/logout");
        logout.then().statusCode(200);
        Cookie cleared = logout.getDetailedCookie("accessToken");
        assertThat(cleared.getValue()).isEmpty();
        assertThat(cleared.getExpiryDate()).isBefore(new java.util.Date());
        assertThat(logout.getHeaders().getValues("Set-Cookie"))
                .anySatisfy(h -> assertThat(h).startsWith("refreshToken=;").contains("Expires=Thu, 1 Jan 1970"));
        Api.documented()
                .cookie("refreshToken", rotated.getCookie("refreshToken"))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401);
    }

    @Test
    void statusWithoutCredentialsIs401() {
        Api.documented()
                .get("/api/v1/auth/status")
                .then()
                .statusCode(401)
                .body("error.category", equalTo("AUTHENTICATION"));
        Api.documented()
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .get("/api/v1/auth/status")
                .then()
                .statusCode(401);
    }

    @Test
    void aJsonNullBodyCountsAsNoBody() {
        Accounts.Session session = Accounts.signIn(Accounts.verified());

        Api.documented()
                .contentType("application/json")
                .body("null")
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401);
        Api.tolerated("a JSON null body counts as no body")
                .header("Authorization", "Bearer " + session.accessToken())
                .contentType("application/json")
                .body("null")
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(200);
        Api.documented()
                .contentType("application/json")
                .body("null")
                .post("/api/v1/auth/login")
                .then()
                .statusCode(400);
    }

    @Test
    void logoutWithoutAnyCredentialIs401() {
        Api.documented().post("/api/v1/auth/logout").then().statusCode(401);
    }

    @Test
    void loginNeverReturnsSecrets() {
        Accounts.Account account = Accounts.verified();

        String body = Accounts.login(account.email(), account.password()).asString();

        assertThat(body).doesNotContain("passwordHash").doesNotContain("$2").doesNotContain("failedLogin");
        assertThat(body).isNotEmpty();
        Accounts.login(account.email(), account.password()).then().body("data.user.id", not(equalTo(null)));
    }
}
