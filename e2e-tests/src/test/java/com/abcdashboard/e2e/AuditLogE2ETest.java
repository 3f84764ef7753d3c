package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit log: what is recorded, with which facts, and who may read it. */
@ExtendWith(RunningService.class)
class AuditLogE2ETest {
    private static Team.Member admin;

    @BeforeAll
    static void signIn() {
        admin = Team.signedIn("admin");
    }

    @Test
    void signInsAreRecordedWithIpAndTheRequestsCorrelationId() {
        Team.Member staff = Team.signedIn("staff");
        String correlationId = "audit-" + UUID.randomUUID();
        Api.given()
                .header("X-Correlation-ID", correlationId)
                .contentType("application/json")
                .body(Map.of("email", staff.email(), "password", "Wr0ngPassword"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401);

        List<Map<String, Object>> failures = entries(Map.of("targetId", staff.id(), "action", "login_failure"));
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0))
                .containsEntry("actorId", staff.id())
                .containsEntry("correlationId", correlationId)
                .containsEntry("ipAddress", "127.0.0.1")
                .containsEntry("details", Map.of("reason", "bad_password"));
        assertThat(entries(Map.of("targetId", staff.id(), "action", "login_success")))
                .hasSize(1);
    }

    @Test
    void aFailedSignInWithAnUnknownAddressNamesTheAddressButNoActor() {
        String unknown = Team.uniqueEmail("ghost");
        Accounts.login(unknown, "Wh4tever1").then().statusCode(401);

        List<Map<String, Object>> failures = entries(Map.of("action", "login_failure", "limit", "100"));
        assertThat(failures)
                .filteredOn(
                        e -> Map.of("reason", "unknown_email", "email", unknown).equals(e.get("details")))
                .singleElement()
                .satisfies(e -> assertThat(e).doesNotContainKeys("actorId", "targetId"))
                .satisfies(e -> assertThat(e).containsEntry("ipAddress", "127.0.0.1"));
    }

    @Test
    void aSuccessfulSignInIsRecordedWithTheRequestsFacts() {
        Team.Member staff = Team.signedIn("staff");
        String correlationId = "audit-" + UUID.randomUUID();
        Api.given()
                .header("X-Correlation-ID", correlationId)
                .header("User-Agent", "audit-e2e/1.0")
                .contentType("application/json")
                .body(Map.of("email", staff.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200);

        List<Map<String, Object>> successes = entries(Map.of("actorId", staff.id(), "action", "login_success"));
        assertThat(successes).hasSize(2);
        assertThat(successes.get(0))
                .containsEntry("targetId", staff.id())
                .containsEntry("ipAddress", "127.0.0.1")
                .containsEntry("userAgent", "audit-e2e/1.0")
                .containsEntry("correlationId", correlationId);
    }

    @Test
    void theFailureThatReachesTheLimitLocksAndLaterAttemptsNameTheLock() {
        Team.Member staff = Team.signedIn("staff");
        for (int i = 0; i < 5; i++) {
            Accounts.login(staff.email(), "Wr0ngPassword").then().statusCode(401);
        }
        Accounts.login(staff.email(), Accounts.PASSWORD).then().statusCode(429);

        List<Map<String, Object>> locks = entries(Map.of("targetId", staff.id(), "action", "account_locked"));
        assertThat(locks)
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("actorId", staff.id())
                        .extractingByKey("details")
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsOnlyKeys("lockedUntil"));
        assertThat(entries(Map.of("targetId", staff.id(), "action", "login_failure")))
                .extracting(e -> e.get("details"))
                .containsExactly(
                        Map.of("reason", "locked"),
                        Map.of("reason", "bad_password"),
                        Map.of("reason", "bad_password"),
                        Map.of("reason", "bad_password"),
                        Map.of("reason", "bad_password"),
                        Map.of("reason", "bad_password"));
    }

    @Test
    void signInsToUnusableAccountsAreRecordedWithTheReason() {
        String unverified = Team.uniqueEmail("unverified");
        String unverifiedId = Accounts.register(unverified, Accounts.PASSWORD).path("data.user.id");
        Accounts.login(unverified, Accounts.PASSWORD).then().statusCode(403);
        Team.Member deactivated = Team.signedIn("staff");
        as(admin)
                .contentType("application/json")
                .body(Map.of("isActive", false))
                .put("/api/v1/users/" + deactivated.id())
                .then()
                .statusCode(200);
        Accounts.login(deactivated.email(), Accounts.PASSWORD).then().statusCode(403);

        assertThat(entries(Map.of("targetId", unverifiedId, "action", "login_failure")))
                .extracting(e -> e.get("details"))
                .containsExactly(Map.of("reason", "email_not_verified"));
        assertThat(entries(Map.of("targetId", deactivated.id(), "action", "login_failure")))
                .extracting(e -> e.get("details"))
                .containsExactly(Map.of("reason", "deactivated"));
    }

    @Test
    void administrativeChangesNameTheActorAndTheTarget() {
        String target = Team.target("staff");
        as(admin)
                .contentType("application/json")
                .body(Map.of("role", "manager", "isActive", false))
                .put("/api/v1/users/" + target)
                .then()
                .statusCode(200);
        as(admin).delete("/api/v1/users/" + target).then().statusCode(200);

        List<Map<String, Object>> aboutTarget = entries(Map.of("targetId", target, "actorId", admin.id()));
        assertThat(aboutTarget)
                .extracting(e -> e.get("action"))
                .containsExactly("user_deleted", "user_deactivated", "role_changed");
        assertThat(aboutTarget.get(2).get("details")).isEqualTo(Map.of("fromRole", "staff", "toRole", "manager"));
    }

    @Test
    void passwordChangesAndResetsAreRecorded() {
        Team.Member staff = Team.signedIn("staff");
        as(staff)
                .contentType("application/json")
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "N3wPassword"))
                .post("/api/v1/auth/change-password")
                .then()
                .statusCode(200);
        Api.given()
                .contentType("application/json")
                .body(Map.of("email", staff.email()))
                .post("/api/v1/auth/forgot-password")
                .then()
                .statusCode(200);
        // The password-changed notice and the reset link, in either order: the background worker and the
        // test's own delivery round may each send one.
        Mailbox.awaitMail(staff.email(), 2);
        String token = Mailbox.all(staff.email()).stream()
                .filter(mail -> mail.subject().equals("Reset your password"))
                .findFirst()
                .orElseThrow()
                .token();
        Api.given()
                .contentType("application/json")
                .body(Map.of("token", token, "password", "Res3tPassword"))
                .post("/api/v1/auth/reset-password")
                .then()
                .statusCode(200);

        List<Map<String, Object>> aboutStaff = entries(Map.of("targetId", staff.id()));
        assertThat(aboutStaff)
                .extracting(e -> e.get("action"))
                .containsSubsequence("password_reset", "password_changed", "login_success", "user_created");
        assertThat(entries(Map.of("targetId", staff.id(), "action", "password_reset")))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("actorId", staff.id())
                        .containsEntry("details", Map.of("via", "password_reset")));
        assertThat(entries(Map.of("targetId", staff.id(), "action", "password_changed")))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("actorId", staff.id()));
        assertThat(aboutStaff.toString()).doesNotContain("N3wPassword", "Res3tPassword", token);
    }

    @Test
    void theDateRangeAndPagesNarrowTheResult() {
        String before = OffsetDateTime.now(RunningService.target().clock())
                .withOffsetSameInstant(ZoneOffset.UTC)
                .toString();
        String target = Team.target("staff");
        assertThat(entries(Map.of("targetId", target, "to", before))).isEmpty();
        assertThat(entries(Map.of("targetId", target, "from", before))).hasSize(1);

        Response page = as(admin).queryParams(Map.of("limit", "1", "page", "2")).get("/api/v1/audit-logs");
        page.then()
                .statusCode(200)
                .body("meta.pagination.page", equalTo(2))
                .body("meta.pagination.hasPrev", equalTo(true));
        assertThat(page.<List<?>>path("data")).hasSize(1);
    }

    @Test
    void thePaginationMetaDescribesTheWholeResult() {
        // user_created, login_success and three failures: five entries about this user.
        Team.Member staff = Team.signedIn("staff");
        for (int i = 0; i < 3; i++) {
            Accounts.login(staff.email(), "Wr0ngPassword").then().statusCode(401);
        }
        Map<String, String> about = Map.of("targetId", staff.id(), "limit", "2");

        page(about, 2)
                .then()
                .statusCode(200)
                .body("data.size()", equalTo(2))
                .body("meta.pagination.page", equalTo(2))
                .body("meta.pagination.limit", equalTo(2))
                .body("meta.pagination.total", equalTo(5))
                .body("meta.pagination.totalPages", equalTo(3))
                .body("meta.pagination.hasNext", equalTo(true))
                .body("meta.pagination.hasPrev", equalTo(true));
        page(about, 3)
                .then()
                .body("data.size()", equalTo(1))
                .body("data[0].action", equalTo("user_created"))
                .body("meta.pagination.hasNext", equalTo(false));
        page(about, 4).then().body("data.size()", equalTo(0)).body("meta.pagination.total", equalTo(5));
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        Api.given().get("/api/v1/audit-logs").then().statusCode(401);
        as(Team.signedIn("staff")).get("/api/v1/audit-logs").then().statusCode(403);
        as(Team.signedIn("manager")).get("/api/v1/audit-logs").then().statusCode(403);
        as(admin).get("/api/v1/audit-logs").then().statusCode(200);
    }

    @Test
    void anAnonymousListRequestIsUnauthorizedWhateverItsParameters() {
        // Authentication comes before parameter checks: a stranger learns nothing about valid parameters.
        Api.given().queryParam("page", "0").get("/api/v1/audit-logs").then().statusCode(401);
        Api.given().queryParam("limit", "500").get("/api/v1/users").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "action=logged_in",
                "action=LOGIN_SUCCESS",
                "page=0",
                "page=x",
                "limit=0",
                "limit=101",
                "from=yesterday",
                "from=2026-11-25",
                "to=2026-13-01T00:00:00Z",
                "actorId=01234567890123456789012345678901234567890123456789012345678901234"
            })
    void badFiltersAreA400(String parameter) {
        String[] pair = parameter.split("=", 2);
        as(admin)
                .queryParam(pair[0], pair[1])
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(400)
                .body("error.category", equalTo("VALIDATION"))
                .body("error.details." + pair[0], org.hamcrest.Matchers.notNullValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "page=1",
                "limit=1",
                "limit=100",
                "action=login_success",
                "actorId=0123456789012345678901234567890123456789012345678901234567890123",
                "from=2026-11-25T10:00:00%2B01:00",
                "page="
            })
    void boundaryValuesAreAccepted(String parameter) {
        String[] pair = parameter.split("=", 2);
        // Sent raw (pre-encoded offsets, an empty page): the validator sees the undecoded text.
        Api.tolerated("raw boundary values the service accepts")
                .header("Authorization", admin.bearer())
                .urlEncodingEnabled(false)
                .queryParam(pair[0], pair[1])
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200);
    }

    private static Response page(Map<String, String> query, int page) {
        Map<String, String> withPage = new HashMap<>(query);
        withPage.put("page", String.valueOf(page));
        return as(admin).queryParams(withPage).get("/api/v1/audit-logs");
    }

    private static List<Map<String, Object>> entries(Map<String, String> query) {
        Response r = as(admin).queryParams(new HashMap<>(query)).get("/api/v1/audit-logs");
        r.then().statusCode(200);
        return r.path("data");
    }

    private static io.restassured.specification.RequestSpecification as(Team.Member member) {
        return Api.given().header("Authorization", member.bearer());
    }
}
