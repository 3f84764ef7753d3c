package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API keys end to end: created by a signed-in admin or manager, sent as {@code X-API-Key} or as a bearer
 * token, held to their scopes and to their creator's current role, revoked, expired and rate-limited.
 */
@ExtendWith(RunningService.class)
class ApiKeysE2ETest {
    private static Team.Member admin;

    @BeforeAll
    static void signIn() {
        admin = Team.signedIn("admin");
    }

    /** A key just created: its id, prefix and the key itself. */
    record Key(String id, String prefix, String key) {}

    static Key create(Team.Member creator, List<String> scopes) {
        return create(creator, Map.of("name", "e2e " + String.join(" ", scopes), "scopes", scopes));
    }

    static Key create(Team.Member creator, Map<String, Object> body) {
        Response created =
                as(creator).contentType("application/json").body(body).post("/api/v1/api-keys");
        created.then().statusCode(201);
        return new Key(created.path("data.id"), created.path("data.prefix"), created.path("data.key"));
    }

    @Test
    void aNewKeyIsShownOnceAndListedWithoutIt() {
        Response created = as(admin)
                .contentType("application/json")
                .body(Map.of("name", "CRM sync", "scopes", List.of("users:read", "audit:read")))
                .post("/api/v1/api-keys");

        created.then().statusCode(201);
        String key = created.path("data.key");
        String prefix = created.path("data.prefix");
        assertThat(key).matches("abc_" + prefix + "_[A-Za-z0-9_-]{43}");
        assertThat((List<String>) created.path("data.scopes")).containsExactly("users:read", "audit:read");
        Response list = as(admin).get("/api/v1/api-keys?limit=100");
        list.then().statusCode(200);
        assertThat(list.asString()).doesNotContain(key.substring(13));
        Map<String, Object> listed = list.path("data.find { it.id == '" + created.path("data.id") + "' }");
        assertThat(listed)
                .containsEntry("name", "CRM sync")
                .containsEntry("prefix", prefix)
                .containsEntry("createdBy", admin.id())
                .doesNotContainKeys("key", "revokedAt", "lastUsedAt");
    }

    @Test
    void aKeyReadsTheUserListAsXApiKeyOrAsABearerToken() {
        Key key = create(admin, List.of("users:read"));

        Api.given().header("X-API-Key", key.key()).get("/api/v1/users").then().statusCode(200);
        Api.given()
                .header("Authorization", "Bearer " + key.key())
                .get("/api/v1/users/" + admin.id())
                .then()
                .statusCode(200);
        Api.given()
                .header("X-API-Key", key.key())
                .get("/api/v1/users/stats")
                .then()
                .statusCode(200);

        Map<String, Object> listed = listed(admin, key);
        assertThat(listed).containsKey("lastUsedAt");
    }

    @Test
    void aKeyWithoutTheOperationsScopeIsRefused() {
        Key readOnly = create(admin, List.of("users:read"));

        Response write = Api.given()
                .header("X-API-Key", readOnly.key())
                .contentType("application/json")
                .body(Map.of("email", Team.uniqueEmail("by-key"), "firstName", "By", "lastName", "Key"))
                .post("/api/v1/users");
        write.then().statusCode(403);
        assertThat((String) write.path("message")).contains("users:write");
        Api.given()
                .header("X-API-Key", readOnly.key())
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(403);
        Key auditOnly = create(admin, List.of("audit:read"));
        Api.given()
                .header("X-API-Key", auditOnly.key())
                .get("/api/v1/users")
                .then()
                .statusCode(403);
        Api.given()
                .header("X-API-Key", auditOnly.key())
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200);
    }

    @Test
    void aRevokedKeyIsRefusedOnTheNextRequest() {
        Key key = create(admin, List.of("users:read"));
        Api.given().header("X-API-Key", key.key()).get("/api/v1/users").then().statusCode(200);

        as(admin).delete("/api/v1/api-keys/" + key.id()).then().statusCode(200);

        Api.given().header("X-API-Key", key.key()).get("/api/v1/users").then().statusCode(401);
        Api.given()
                .header("Authorization", "Bearer " + key.key())
                .get("/api/v1/users")
                .then()
                .statusCode(401);
        assertThat(listed(admin, key)).containsKey("revokedAt").containsEntry("revokedBy", admin.id());
        // Revoking again changes nothing and still answers 200.
        as(admin).delete("/api/v1/api-keys/" + key.id()).then().statusCode(200);
    }

    @Test
    void aKeyLosesWhatItsCreatorLoses() {
        Team.Member creator = Team.signedIn("admin");
        Key key = create(creator, List.of("users:read", "users:write", "audit:read"));
        Api.given()
                .header("X-API-Key", key.key())
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200);
        String admins = Team.target("admin");
        Api.given()
                .header("X-API-Key", key.key())
                .contentType("application/json")
                .body(Map.of("bio", "set by a key"))
                .put("/api/v1/users/" + admins)
                .then()
                .statusCode(200);

        changeUser(creator.id(), Map.of("role", "manager"));

        Api.given()
                .header("X-API-Key", key.key())
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(403);
        Api.given()
                .header("X-API-Key", key.key())
                .contentType("application/json")
                .body(Map.of("bio", "a manager cannot"))
                .put("/api/v1/users/" + admins)
                .then()
                .statusCode(403);
        Api.given().header("X-API-Key", key.key()).get("/api/v1/users").then().statusCode(200);

        changeUser(creator.id(), Map.of("isActive", false));

        Api.given().header("X-API-Key", key.key()).get("/api/v1/users").then().statusCode(401);
    }

    @Test
    void aDeletedCreatorsKeyIsRefused() {
        Team.Member creator = Team.signedIn("manager");
        Key key = create(creator, List.of("users:read"));
        Api.given().header("X-API-Key", key.key()).get("/api/v1/users").then().statusCode(200);

        as(Team.seededAdmin()).delete("/api/v1/users/" + creator.id()).then().statusCode(200);

        Api.given().header("X-API-Key", key.key()).get("/api/v1/users").then().statusCode(401);
    }

    @Test
    void anExpiredKeyIsRefused() {
        Instant expiresAt = RunningService.target().clock().instant().plus(Duration.ofMinutes(1));
        Key key = create(
                admin,
                Map.of("name", "short-lived", "scopes", List.of("users:read"), "expiresAt", expiresAt.toString()));
        Api.given().header("X-API-Key", key.key()).get("/api/v1/users").then().statusCode(200);

        RunningService.target().clock().advance(Duration.ofMinutes(2));

        Response refused = Api.given().header("X-API-Key", key.key()).get("/api/v1/users");
        refused.then().statusCode(401);
        assertThat((String) refused.path("message")).isEqualTo("API key expired");
    }

    @Test
    void requestsWithAKeyAreLimitedPerKeyWithTheUsualHeaders() {
        int max = Integer.parseInt(Team.setting("API_KEY_RATE_LIMIT_MAX"));
        Key key = create(admin, List.of("users:read"));
        for (int i = 1; i <= max; i++) {
            Response r = Api.given().header("X-API-Key", key.key()).get("/api/v1/users/stats");
            r.then().statusCode(200);
            assertThat(r.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(max));
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(max - i));
        }

        Response refused = Api.given().header("X-API-Key", key.key()).get("/api/v1/users/stats");

        refused.then().statusCode(429);
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        assertThat(Integer.parseInt(refused.header("X-RateLimit-Reset"))).isPositive();
        // The limit is the key's: another key, and the creator's own session, are not held back.
        Api.given()
                .header("X-API-Key", create(admin, List.of("users:read")).key())
                .get("/api/v1/users/stats")
                .then()
                .statusCode(200);
        as(admin).get("/api/v1/users/stats").then().statusCode(200);
    }

    @Test
    void auditEntriesNameTheKeyAndItsCreator() {
        Key key = create(admin, List.of("users:write"));

        Response created = Api.given()
                .header("X-API-Key", key.key())
                .contentType("application/json")
                .body(Map.of("email", Team.uniqueEmail("by-key"), "firstName", "By", "lastName", "Key"))
                .post("/api/v1/users");

        created.then().statusCode(201);
        Response audit = as(admin)
                .queryParams(new HashMap<>(Map.of("action", "user_created", "targetId", created.path("data.user.id"))))
                .get("/api/v1/audit-logs");
        List<Map<String, Object>> entries = audit.path("data");
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst())
                .containsEntry("actorId", admin.id())
                .containsEntry("apiKeyId", key.id())
                .containsEntry("apiKeyPrefix", key.prefix());
    }

    @Test
    void creatingAndRevokingAKeyAreAudited() {
        Key key = create(admin, List.of("users:read"));
        as(admin).delete("/api/v1/api-keys/" + key.id()).then().statusCode(200);

        for (String action : List.of("api_key_created", "api_key_revoked")) {
            List<Map<String, Object>> entries = as(admin)
                    .queryParams(new HashMap<>(Map.of("action", action, "actorId", admin.id(), "limit", 100)))
                    .get("/api/v1/audit-logs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("data");
            assertThat(entries)
                    .as(action)
                    .filteredOn(entry -> key.id().equals(((Map<?, ?>) entry.get("details")).get("apiKeyId")))
                    .singleElement()
                    .satisfies(entry -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> details = (Map<String, Object>) entry.get("details");
                        assertThat(details)
                                .containsEntry("apiKeyPrefix", key.prefix())
                                .doesNotContainValue(key.key());
                    });
        }
    }

    @Test
    void keysOpenNeitherThePersonsOwnEndpointsNorKeyManagement() {
        Key key = create(admin, List.of("users:read", "users:write", "audit:read"));

        for (String header : List.of("X-API-Key: ", "Authorization: Bearer ")) {
            String[] parts = header.split(": ", 2);
            RequestSpecification withKey = Api.given().header(parts[0], parts[1] + key.key());
            withKey.get("/api/v1/auth/profile").then().statusCode(401);
            Api.given()
                    .header(parts[0], parts[1] + key.key())
                    .get("/api/v1/profile")
                    .then()
                    .statusCode(401);
            Api.given()
                    .header(parts[0], parts[1] + key.key())
                    .get("/api/v1/api-keys")
                    .then()
                    .statusCode(401);
            Api.given()
                    .header(parts[0], parts[1] + key.key())
                    .contentType("application/json")
                    .body(Map.of("name", "minted by a key", "scopes", List.of("users:read")))
                    .post("/api/v1/api-keys")
                    .then()
                    .statusCode(401);
            Api.given()
                    .header(parts[0], parts[1] + key.key())
                    .delete("/api/v1/api-keys/" + key.id())
                    .then()
                    .statusCode(401);
        }
        Api.given().header("X-API-Key", key.key()).get("/api/v1/users").then().statusCode(200);
    }

    @Test
    void aKeyBesideABearerTokenIsAmbiguousAndRefused() {
        Key key = create(admin, List.of("users:read"));

        Api.given()
                .header("X-API-Key", key.key())
                .header("Authorization", admin.bearer())
                .get("/api/v1/users")
                .then()
                .statusCode(401);
    }

    @Test
    void unknownAndMalformedKeysAreRefused() {
        Key key = create(admin, List.of("users:read"));
        String tampered = key.key().substring(0, key.key().length() - 2) + "zz";

        for (String presented : List.of(tampered, "abc_aaaaaaaa_" + "A".repeat(43), "abc_short", "x".repeat(300))) {
            Api.given()
                    .header("X-API-Key", presented)
                    .get("/api/v1/users")
                    .then()
                    .statusCode(401);
        }
        Api.given()
                .header("Authorization", "Bearer abc_aaaaaaaa_" + "A".repeat(43))
                .get("/api/v1/users")
                .then()
                .statusCode(401);
    }

    @Test
    void managersGrantOnlyTheScopesTheirRoleHoldsAndSeeTheirOwnKeys() {
        Team.Member manager = Team.signedIn("manager");

        as(manager)
                .contentType("application/json")
                .body(Map.of("name", "too much", "scopes", List.of("audit:read")))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(403);
        Key own = create(manager, List.of("users:read", "users:write"));
        Key admins = create(admin, List.of("users:read"));

        List<String> ids = as(manager).get("/api/v1/api-keys?limit=100").path("data.id");
        assertThat(ids).contains(own.id()).doesNotContain(admins.id());
        as(manager).delete("/api/v1/api-keys/" + admins.id()).then().statusCode(404);
        as(manager).delete("/api/v1/api-keys/" + own.id()).then().statusCode(200);
        Team.Member staff = Team.signedIn("staff");
        as(staff)
                .contentType("application/json")
                .body(Map.of("name", "staff", "scopes", List.of("users:read")))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(403);
    }

    @Test
    void anInvalidRequestIsA400NamingTheField() {
        Response missing = as(admin)
                .contentType("application/json")
                .body(Map.of("scopes", List.of("users:read")))
                .post("/api/v1/api-keys");
        missing.then().statusCode(400);
        assertThat((Map<String, Object>) missing.path("error.details")).containsKey("name");
        as(admin)
                .contentType("application/json")
                .body(Map.of("name", "x", "scopes", List.of("users:delete")))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(400);
        Response noScopes = as(admin)
                .contentType("application/json")
                .body(Map.of("name", "x", "scopes", List.of()))
                .post("/api/v1/api-keys");
        noScopes.then().statusCode(400);
        assertThat((Map<String, Object>) noScopes.path("error.details")).containsKey("scopes");
        Response past = as(admin)
                .contentType("application/json")
                .body(Map.of("name", "x", "scopes", List.of("users:read"), "expiresAt", "2020-01-01T00:00:00Z"))
                .post("/api/v1/api-keys");
        past.then().statusCode(400);
        assertThat((Map<String, Object>) past.path("error.details")).containsKey("expiresAt");
        as(admin).get("/api/v1/api-keys?page=0").then().statusCode(400);
        as(admin).delete("/api/v1/api-keys/not-an-id").then().statusCode(404);
    }

    private static Map<String, Object> listed(Team.Member creator, Key key) {
        Response list = as(creator).get("/api/v1/api-keys?limit=100");
        list.then().statusCode(200);
        return list.path("data.find { it.id == '" + key.id() + "' }");
    }

    private static void changeUser(String id, Map<String, Object> change) {
        as(Team.seededAdmin())
                .contentType("application/json")
                .body(change)
                .put("/api/v1/users/" + id)
                .then()
                .statusCode(200);
    }

    private static RequestSpecification as(Team.Member member) {
        return Api.given().header("Authorization", member.bearer());
    }
}
