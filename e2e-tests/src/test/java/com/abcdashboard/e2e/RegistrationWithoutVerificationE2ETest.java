package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.abcdashboard.app.Application;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code REQUIRE_EMAIL_VERIFICATION=false}: registration signs the new user in (201 with {@code
 * data.tokens} and the auth cookies), as the baseline dashboard's sign-up expects. A second in-process
 * service runs with that setting; the suite's own keeps the default, under which registration issues no
 * tokens ({@link AuthFlowE2ETest}).
 */
@ExtendWith(RunningService.class)
class RegistrationWithoutVerificationE2ETest {
    private static Application service;

    @BeforeAll
    static void startAServiceWithoutEmailVerification() {
        Assumptions.assumeTrue(RunningService.target().inProcess().isPresent(), "needs the in-process service");
        service = RunningService.startAnother(Map.of("REQUIRE_EMAIL_VERIFICATION", "false"));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void registrationSignsTheNewUserInWithTokensAndCookies() {
        String email = Accounts.uniqueEmail();
        Response registered = given().contentType("application/json")
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "firstName", "Sue", "lastName", "Signup"))
                .post("/api/v1/auth/register");

        registered
                .then()
                .statusCode(201)
                .body("data.user.emailVerified", equalTo(true))
                .body("data.user.username", equalTo("sue_signup"))
                .body("data.tokens.accessToken", notNullValue())
                .body("data.tokens.refreshToken", notNullValue());
        assertThat(registered.getCookies()).containsKeys("accessToken", "refreshToken");

        given().header("Authorization", "Bearer " + registered.path("data.tokens.accessToken"))
                .get("/api/v1/auth/profile")
                .then()
                .statusCode(200)
                .body("data.user.email", equalTo(email));
        given().contentType("application/json")
                .body(Map.of("email", email, "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200);
    }

    private static RequestSpecification given() {
        return RestAssured.given().baseUri("http://127.0.0.1:" + service.port()).filter(Api.CONFORMANCE);
    }
}
