package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code /users}, {@code /users/{id}/sessions}, {@code /auth/sessions}, {@code /api-keys}, {@code /auth/profile}, {@code /profile} and two-factor operation, called as
 * anonymous, staff, manager and admin, against admin, manager and staff targets: the exact status of every
 * cell; and every operation API keys may call, with a key of each scope. Mutating
 * cells get a fresh target each, so no cell depends on another. Staff read the list and single users (the
 * dashboard's permission table grants them read_user); everything else on {@code /users} stays refused.
 * Webhooks are for admins only.
 */
@ExtendWith(RunningService.class)
class AuthorizationMatrixE2ETest {
    private static final List<String> CALLERS = List.of("anonymous", "staff", "manager", "admin");
    private static final Map<String, Team.Member> SIGNED_IN = new java.util.HashMap<>();

    /** One operation on one kind of target, and the status expected for each caller, in {@link #CALLERS} order. */
    record Cell(String operation, String target, Function<String, Call> call, int... expected) {
        @Override
        public String toString() {
            return operation + " on " + target;
        }
    }

    /** A request still to be sent, given the target's id. */
    interface Call {
        io.restassured.response.Response send(RequestSpecification request);
    }

    @BeforeAll
    static void signIn() {
        for (String role : List.of("staff", "manager", "admin")) {
            SIGNED_IN.put(role, Team.signedIn(role));
        }
    }

    static Stream<Arguments> matrix() {
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell("GET /users", "-", id -> r -> r.get("/api/v1/users"), 401, 200, 200, 200));
        cells.add(new Cell("GET /users/stats", "-", id -> r -> r.get("/api/v1/users/stats"), 401, 403, 200, 200));
        for (String role : List.of("staff", "manager", "admin")) {
            cells.add(new Cell(
                    "POST /users",
                    role,
                    id -> r -> r.contentType("application/json")
                            .body(Map.of(
                                    "email",
                                    Team.uniqueEmail("new"),
                                    "firstName",
                                    "New",
                                    "lastName",
                                    "User",
                                    "role",
                                    role))
                            .post("/api/v1/users"),
                    401,
                    403,
                    role.equals("staff") ? 201 : 403,
                    201));
        }
        for (String target : List.of("admin", "manager", "staff")) {
            boolean managerMay = target.equals("staff");
            cells.add(new Cell("GET /users/{id}", target, id -> r -> r.get("/api/v1/users/" + id), 401, 200, 200, 200));
            cells.add(new Cell(
                    "PUT /users/{id} profile",
                    target,
                    id -> r -> r.contentType("application/json")
                            .body(Map.of("bio", "Changed"))
                            .put("/api/v1/users/" + id),
                    401,
                    403,
                    managerMay ? 200 : 403,
                    200));
            cells.add(new Cell(
                    "PATCH /users/{id} profile",
                    target,
                    id -> r -> r.contentType("application/json")
                            .body(Map.of("displayName", "Changed"))
                            .patch("/api/v1/users/" + id),
                    401,
                    403,
                    managerMay ? 200 : 403,
                    200));
            cells.add(new Cell(
                    "PUT /users/{id} isActive=false",
                    target,
                    id -> r -> r.contentType("application/json")
                            .body(Map.of("isActive", false))
                            .put("/api/v1/users/" + id),
                    401,
                    403,
                    managerMay ? 200 : 403,
                    200));
            String otherRole = target.equals("staff") ? "manager" : "staff";
            cells.add(new Cell(
                    "PUT /users/{id} role=" + otherRole,
                    target,
                    id -> r -> r.contentType("application/json")
                            .body(Map.of("role", otherRole))
                            .put("/api/v1/users/" + id),
                    401,
                    403,
                    403,
                    200));
            cells.add(new Cell(
                    "DELETE /users/{id}", target, id -> r -> r.delete("/api/v1/users/" + id), 401, 403, 403, 200));
            // Without two-factor sign-in on, the reset answers 200 all the same (TwoFactorE2ETest resets a real one).
            cells.add(new Cell(
                    "DELETE /users/{id}/mfa",
                    target,
                    id -> r -> r.delete("/api/v1/users/" + id + "/mfa"),
                    401,
                    403,
                    403,
                    200));
        }
        cells.add(new Cell(
                "DELETE /users/{id}/mfa unknown",
                "-",
                id -> r -> r.delete("/api/v1/users/6745a1f0c2d7e5b1a4c8e9d2/mfa"),
                401,
                403,
                403,
                404));
        // Two-factor sign-in of one's own account: every signed-in role may enrol; the callers here have
        // nothing pending (an empty confirmation is a 400) and nothing on (disabling is a 422).
        cells.add(new Cell(
                "POST /auth/mfa/totp/enroll",
                "self",
                id -> r -> r.post("/api/v1/auth/mfa/totp/enroll"),
                401,
                200,
                200,
                200));
        cells.add(new Cell(
                "POST /auth/mfa/totp/confirm empty",
                "self",
                id -> r -> r.contentType("application/json").body(Map.of()).post("/api/v1/auth/mfa/totp/confirm"),
                401,
                400,
                400,
                400));
        cells.add(new Cell(
                "DELETE /auth/mfa/totp while off",
                "self",
                id -> r -> r.contentType("application/json")
                        .body(Map.of("password", Accounts.PASSWORD, "code", "123456"))
                        .delete("/api/v1/auth/mfa/totp"),
                401,
                422,
                422,
                422));
        // The second step of a sign-in is public: a token it did not issue is a 401 whoever asks.
        cells.add(new Cell(
                "POST /auth/mfa/verify unknown token",
                "-",
                id -> r -> r.contentType("application/json")
                        .body(Map.of("mfaToken", "not-an-issued-token", "code", "123456"))
                        .post("/api/v1/auth/mfa/verify"),
                401,
                401,
                401,
                401));
        cells.add(new Cell(
                "GET /users/{id} unknown",
                "-",
                id -> r -> r.get("/api/v1/users/6745a1f0c2d7e5b1a4c8e9d2"),
                401,
                404,
                404,
                404));
        cells.add(new Cell(
                "PUT /users/{id} malformed id",
                "-",
                id -> r -> r.contentType("application/json")
                        .body(Map.of("bio", "x"))
                        .put("/api/v1/users/not-an-id"),
                401,
                403,
                404,
                404));
        cells.add(new Cell(
                "DELETE /users/{id} unknown",
                "-",
                id -> r -> r.delete("/api/v1/users/6745a1f0c2d7e5b1a4c8e9d2"),
                401,
                403,
                403,
                404));
        cells.add(new Cell("GET /api-keys", "-", id -> r -> r.get("/api/v1/api-keys"), 401, 403, 200, 200));
        for (String scope : ApiKeyScopes.ALL) {
            cells.add(new Cell(
                    "POST /api-keys " + scope,
                    "-",
                    id -> r -> r.contentType("application/json")
                            .body(Map.of("name", "matrix", "scopes", List.of(scope)))
                            .post("/api/v1/api-keys"),
                    401,
                    403,
                    scope.equals("audit:read") ? 403 : 201,
                    201));
        }
        cells.add(new Cell(
                "DELETE /api-keys/{id} unknown",
                "-",
                id -> r -> r.delete("/api/v1/api-keys/6745a1f0c2d7e5b1a4c8e9f7"),
                401,
                403,
                404,
                404));
        for (String target : List.of("admin", "manager", "staff")) {
            boolean managerMay = target.equals("staff");
            cells.add(new Cell(
                    "GET /users/{id}/sessions",
                    target,
                    id -> r -> r.get("/api/v1/users/" + id + "/sessions"),
                    401,
                    403,
                    managerMay ? 200 : 403,
                    200));
            cells.add(new Cell(
                    "DELETE /users/{id}/sessions",
                    target,
                    id -> r -> r.delete("/api/v1/users/" + id + "/sessions"),
                    401,
                    403,
                    managerMay ? 200 : 403,
                    200));
        }
        cells.add(new Cell(
                "GET /users/{id}/sessions unknown",
                "-",
                id -> r -> r.get("/api/v1/users/6745a1f0c2d7e5b1a4c8e9d2/sessions"),
                401,
                403,
                404,
                404));
        cells.add(
                new Cell("GET /auth/sessions", "self", id -> r -> r.get("/api/v1/auth/sessions"), 401, 200, 200, 200));
        cells.add(new Cell(
                "DELETE /auth/sessions", "self", id -> r -> r.delete("/api/v1/auth/sessions"), 401, 200, 200, 200));
        cells.add(new Cell(
                "DELETE /auth/sessions/{id} unknown",
                "-",
                id -> r -> r.delete("/api/v1/auth/sessions/6745a1f0c2d7e5b1a4c8e9a7"),
                401,
                404,
                404,
                404));
        // Webhooks: admins only (the other operations are covered per role in WebhooksE2ETest).
        cells.add(new Cell("GET /webhooks", "-", id -> r -> r.get("/api/v1/webhooks"), 401, 403, 403, 200));
        cells.add(new Cell(
                "POST /webhooks",
                "-",
                id -> r -> r.contentType("application/json")
                        .body(Map.of("url", "http://127.0.0.1:9/matrix", "events", List.of("user.login_locked")))
                        .post("/api/v1/webhooks"),
                401,
                403,
                403,
                201));
        for (String base : List.of("/auth/profile", "/profile")) {
            cells.add(new Cell("GET " + base, "self", id -> r -> r.get("/api/v1" + base), 401, 200, 200, 200));
            cells.add(new Cell(
                    "PUT " + base,
                    "self",
                    id -> r -> r.contentType("application/json")
                            .body(Map.of("bio", "Mine"))
                            .put("/api/v1" + base),
                    401,
                    200,
                    200,
                    200));
            cells.add(new Cell(
                    "PATCH " + base,
                    "self",
                    id -> r -> r.contentType("application/json")
                            .body(Map.of("langKey", "fr"))
                            .patch("/api/v1" + base),
                    401,
                    200,
                    200,
                    200));
        }
        return cells.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyCallerGetsExactlyTheExpectedStatus(Cell cell) {
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < CALLERS.size(); i++) {
            String caller = CALLERS.get(i);
            String targetId = switch (cell.target()) {
                case "admin", "manager", "staff" -> Team.target(cell.target());
                default -> null;
            };
            RequestSpecification request = Api.given();
            if (!caller.equals("anonymous")) {
                request.header("Authorization", SIGNED_IN.get(caller).bearer());
            }
            int status = cell.call().apply(targetId).send(request).statusCode();
            if (status != cell.expected()[i]) {
                mismatches.add(caller + ": expected " + cell.expected()[i] + " but was " + status);
            }
        }
        assertThat(mismatches).as(cell.toString()).isEmpty();
    }

    /** An operation API keys may call, and the status for a key of each scope, in {@link ApiKeyScopes#ALL} order. */
    static Stream<Arguments> scopes() {
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell("GET /users", "-", id -> r -> r.get("/api/v1/users"), 200, 403, 403));
        cells.add(new Cell("GET /users/stats", "-", id -> r -> r.get("/api/v1/users/stats"), 200, 403, 403));
        cells.add(new Cell("GET /users/{id}", "staff", id -> r -> r.get("/api/v1/users/" + id), 200, 403, 403));
        cells.add(new Cell(
                "POST /users",
                "-",
                id -> r -> r.contentType("application/json")
                        .body(Map.of("email", Team.uniqueEmail("key"), "firstName", "By", "lastName", "Key"))
                        .post("/api/v1/users"),
                403,
                201,
                403));
        cells.add(new Cell(
                "PUT /users/{id}",
                "staff",
                id -> r -> r.contentType("application/json")
                        .body(Map.of("bio", "By key"))
                        .put("/api/v1/users/" + id),
                403,
                200,
                403));
        cells.add(new Cell(
                "PATCH /users/{id}",
                "staff",
                id -> r -> r.contentType("application/json")
                        .body(Map.of("bio", "By key"))
                        .patch("/api/v1/users/" + id),
                403,
                200,
                403));
        cells.add(new Cell("DELETE /users/{id}", "staff", id -> r -> r.delete("/api/v1/users/" + id), 403, 200, 403));
        cells.add(new Cell("GET /audit-logs", "-", id -> r -> r.get("/api/v1/audit-logs"), 403, 403, 200));
        return cells.stream().map(Arguments::of);
    }

    /**
     * Keys of an admin, one scope each: a scope opens exactly its operations (writing does not include
     * reading); within them the admin's role allows everything.
     */
    @ParameterizedTest(name = "API key: {0}")
    @MethodSource("scopes")
    void everyScopeOpensExactlyItsOperations(Cell cell) {
        Team.Member creator = SIGNED_IN.get("admin");
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < ApiKeyScopes.ALL.size(); i++) {
            String scope = ApiKeyScopes.ALL.get(i);
            String key = ApiKeysE2ETest.create(creator, List.of(scope)).key();
            String targetId = cell.target().equals("staff") ? Team.target("staff") : null;
            int status = cell.call()
                    .apply(targetId)
                    .send(Api.given().header("X-API-Key", key))
                    .statusCode();
            if (status != cell.expected()[i]) {
                mismatches.add(scope + ": expected " + cell.expected()[i] + " but was " + status);
            }
        }
        assertThat(mismatches).as(cell.toString()).isEmpty();
    }

    /** The scopes of API keys, as the spec names them. */
    static final class ApiKeyScopes {
        static final List<String> ALL = List.of("users:read", "users:write", "audit:read");

        private ApiKeyScopes() {}
    }

    @Test
    void nobodyChangesTheirOwnRoleOrActiveFlagOrDeletesThemselves() {
        Team.Member admin = Team.signedIn("admin");
        Team.Member manager = Team.signedIn("manager");

        assertThat(put(admin, admin.id(), Map.of("role", "staff"))).isEqualTo(422);
        assertThat(put(admin, admin.id(), Map.of("isActive", false))).isEqualTo(422);
        assertThat(Api.given()
                        .header("Authorization", admin.bearer())
                        .delete("/api/v1/users/" + admin.id())
                        .statusCode())
                .isEqualTo(422);
        assertThat(put(manager, manager.id(), Map.of("isActive", false))).isEqualTo(422);
        assertThat(put(manager, manager.id(), Map.of("role", "admin"))).isEqualTo(403);
        // Sending one's current role and flag is not a change; profile fields through /users are fine.
        assertThat(put(admin, admin.id(), Map.of("role", "admin", "isActive", true, "bio", "Still me")))
                .isEqualTo(200);
        assertThat(put(manager, manager.id(), Map.of("displayName", "Managing")))
                .isEqualTo(200);
    }

    private static int put(Team.Member caller, String id, Map<String, Object> body) {
        return Api.given()
                .header("Authorization", caller.bearer())
                .contentType("application/json")
                .body(body)
                .put("/api/v1/users/" + id)
                .statusCode();
    }
}
