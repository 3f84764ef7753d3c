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
                .satisfies(e -> assertThat(e).doesNotContainKeys("actorId", "targetId"));
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
        // The set-password mail of the creation came first, the reset link second.
        String token = Mailbox.awaitMail(staff.email(), 2).token();
        Api.given()
                .contentType("application/json")
                .body(Map.of("token", token, "password", "Res3tPassword"))
                .post("/api/v1/auth/reset-password")
                .then()
                .statusCode(200);

        assertThat(entries(Map.of("targetId", staff.id())))
                .extracting(e -> e.get("action"))
                .containsSubsequence("password_reset", "password_changed", "login_success", "user_created");
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
    void onlyAdminsReadTheAuditLog() {
        Api.given().get("/api/v1/audit-logs").then().statusCode(401);
        as(Team.signedIn("staff")).get("/api/v1/audit-logs").then().statusCode(403);
        as(Team.signedIn("manager")).get("/api/v1/audit-logs").then().statusCode(403);
        as(admin).get("/api/v1/audit-logs").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"action=logged_in", "page=0", "limit=101", "from=yesterday", "to=2026-13-01T00:00:00Z"})
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

    private static List<Map<String, Object>> entries(Map<String, String> query) {
        Response r = as(admin).queryParams(new HashMap<>(query)).get("/api/v1/audit-logs");
        r.then().statusCode(200);
        return r.path("data");
    }

    private static io.restassured.specification.RequestSpecification as(Team.Member member) {
        return Api.given().header("Authorization", member.bearer());
    }
}
