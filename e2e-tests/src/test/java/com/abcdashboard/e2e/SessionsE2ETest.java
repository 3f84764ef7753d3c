package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions and devices over HTTP: a user lists their sessions (the current one marked, each named by its
 * device), ends one (its refresh and access tokens are refused at once) or all others, and an admin does
 * the same for a user; each is in the audit log.
 */
@ExtendWith(RunningService.class)
class SessionsE2ETest {
    private static final String LAPTOP =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String PHONE =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";

    /** One sign-in: its tokens and the id the session list gives it. */
    record SignedIn(String accessToken, String refreshToken, String sessionId) {}

    private static Team.Member admin;

    @BeforeAll
    static void signInAdmin() {
        admin = Team.signedIn("admin");
    }

    @Test
    void theListShowsEveryActiveSessionNewestFirstWithItsDeviceAndTheCurrentOneMarked() {
        Team.Member sam = Team.signedIn("staff");
        SignedIn laptop = signIn(sam, LAPTOP);
        SignedIn phone = signIn(sam, PHONE);

        Response listed = as(phone).get("/api/v1/auth/sessions");

        listed.then().statusCode(200).body("success", equalTo(true));
        List<Map<String, Object>> sessions = listed.path("data");
        // The member's own sign-in (Team.signedIn) is the oldest of the three.
        assertThat(sessions).hasSize(3);
        assertThat(sessions.subList(0, 2))
                .extracting(s -> s.get("id"), s -> s.get("current"), s -> s.get("device"), s -> s.get("userAgent"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                phone.sessionId(), true, "Mobile Safari 17 on iOS 17.1 (iPhone)", PHONE),
                        org.assertj.core.groups.Tuple.tuple(
                                laptop.sessionId(), false, "Chrome 131 on Mac OS X 10.15.7", LAPTOP));
        assertThat(sessions.get(0)).containsKeys("createdAt", "lastUsedAt", "ipAddress");
    }

    @Test
    void endingOneSessionRefusesItsRefreshAndAccessTokensAndKeepsTheOthers() {
        Team.Member sam = Team.signedIn("staff");
        SignedIn laptop = signIn(sam, LAPTOP);
        SignedIn phone = signIn(sam, PHONE);

        as(phone)
                .delete("/api/v1/auth/sessions/" + laptop.sessionId())
                .then()
                .statusCode(200)
                .body("data.message", equalTo("Session ended"));

        Accounts.refresh(laptop.refreshToken()).then().statusCode(401);
        as(laptop).get("/api/v1/auth/profile").then().statusCode(401);
        as(phone).get("/api/v1/auth/profile").then().statusCode(200);
        assertThat(ids(as(phone).get("/api/v1/auth/sessions"))).doesNotContain(laptop.sessionId());
        assertThat(audit(Map.of("actorId", sam.id(), "action", "session_revoked")))
                .singleElement()
                .satisfies(e -> assertThat(e.get("details")).isEqualTo(Map.of("sessionId", laptop.sessionId())));
    }

    @Test
    void anEndedUnknownOrOtherUsersSessionIsNotFoundInTheEnvelope() {
        Team.Member sam = Team.signedIn("staff");
        Team.Member kim = Team.signedIn("staff");
        SignedIn mine = signIn(sam, LAPTOP);
        SignedIn ended = signIn(sam, PHONE);
        SignedIn kims = signIn(kim, LAPTOP);
        as(mine).delete("/api/v1/auth/sessions/" + ended.sessionId()).then().statusCode(200);

        for (String id : List.of(ended.sessionId(), kims.sessionId(), "6745a1f0c2d7e5b1a4c8e9a7", "not-a-session")) {
            as(mine).delete("/api/v1/auth/sessions/" + id)
                    .then()
                    .statusCode(404)
                    .body("success", equalTo(false))
                    .body("error.category", equalTo("NOT_FOUND"))
                    .body("message", equalTo("Session not found"));
        }
        as(kims).get("/api/v1/auth/profile").then().statusCode(200);
    }

    @Test
    void endingAllOtherSessionsKeepsOnlyTheCurrentOne() {
        Team.Member sam = Team.signedIn("staff");
        SignedIn laptop = signIn(sam, LAPTOP);
        SignedIn phone = signIn(sam, PHONE);

        as(phone)
                .delete("/api/v1/auth/sessions")
                .then()
                .statusCode(200)
                .body("data.revoked", equalTo(2)) // the laptop and the member's first sign-in
                .body("data.message", equalTo("2 sessions ended"));

        assertThat(ids(as(phone).get("/api/v1/auth/sessions"))).containsExactly(phone.sessionId());
        Accounts.refresh(laptop.refreshToken()).then().statusCode(401);
        as(laptop).get("/api/v1/auth/profile").then().statusCode(401);
        Accounts.refresh(phone.refreshToken()).then().statusCode(200);
        assertThat(audit(Map.of("actorId", sam.id(), "action", "sessions_revoked")))
                .singleElement()
                .satisfies(e -> assertThat(e.get("details")).isEqualTo(Map.of("scope", "others", "count", "2")));
    }

    @Test
    void anAdminListsAndEndsEverySessionOfAUserAndBothAreAudited() {
        Team.Member sam = Team.signedIn("staff");
        SignedIn laptop = signIn(sam, LAPTOP);

        Response listed =
                Api.given().header("Authorization", admin.bearer()).get("/api/v1/users/" + sam.id() + "/sessions");
        listed.then().statusCode(200);
        assertThat(ids(listed)).hasSize(2).contains(laptop.sessionId());
        assertThat(listed.<List<Boolean>>path("data.current")).containsOnly(false);

        Api.given()
                .header("Authorization", admin.bearer())
                .delete("/api/v1/users/" + sam.id() + "/sessions")
                .then()
                .statusCode(200)
                .body("data.revoked", equalTo(2));

        Accounts.refresh(laptop.refreshToken()).then().statusCode(401);
        as(laptop).get("/api/v1/auth/profile").then().statusCode(401);
        Api.given()
                .header("Authorization", sam.bearer())
                .get("/api/v1/auth/profile")
                .then()
                .statusCode(401);
        assertThat(audit(Map.of("targetId", sam.id(), "action", "sessions_viewed")))
                .singleElement()
                .satisfies(e -> assertThat(e.get("actorId")).isEqualTo(admin.id()));
        assertThat(audit(Map.of("targetId", sam.id(), "action", "sessions_revoked")))
                .singleElement()
                .satisfies(e -> assertThat(e.get("details")).isEqualTo(Map.of("scope", "all", "count", "2")));
    }

    private static SignedIn signIn(Team.Member member, String userAgent) {
        Response login = Api.given()
                .header("User-Agent", userAgent)
                .contentType("application/json")
                .body(Map.of("email", member.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login");
        login.then().statusCode(200);
        String access = login.path("data.tokens.accessToken");
        Response listed =
                Api.given().header("Authorization", "Bearer " + access).get("/api/v1/auth/sessions");
        listed.then().statusCode(200);
        List<Map<String, Object>> sessions = listed.path("data");
        String id = sessions.stream()
                .filter(s -> Boolean.TRUE.equals(s.get("current")))
                .map(s -> (String) s.get("id"))
                .findFirst()
                .orElseThrow();
        return new SignedIn(access, login.path("data.tokens.refreshToken"), id);
    }

    private static RequestSpecification as(SignedIn session) {
        return Api.given().header("Authorization", "Bearer " + session.accessToken());
    }

    private static List<String> ids(Response listed) {
        listed.then().statusCode(200);
        return listed.path("data.id");
    }

    private static List<Map<String, Object>> audit(Map<String, String> query) {
        Response r = Api.given()
                .header("Authorization", Team.seededAdmin().bearer())
                .queryParams(new java.util.HashMap<>(query))
                .get("/api/v1/audit-logs");
        r.then().statusCode(200);
        return r.path("data");
    }
}
