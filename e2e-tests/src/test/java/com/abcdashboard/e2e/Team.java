package com.abcdashboard.e2e;

import com.abcdashboard.config.EnvironmentLoader;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Arranges admins, managers and staff through the public API, starting from the first admin that the
 * service seeds from {@code ADMIN_EMAIL}/{@code ADMIN_PASSWORD} (read from {@code env/test.env}, or from
 * {@code E2E_ADMIN_EMAIL}/{@code E2E_ADMIN_PASSWORD} against an already running instance).
 */
final class Team {
    /** A signed-in user. */
    record Member(String id, String email, String role, String accessToken) {
        String bearer() {
            return "Bearer " + accessToken;
        }
    }

    private Team() {}

    /**
     * The seeded first admin, freshly signed in (other tests move the service's clock past token
     * lifetimes). Tests must not demote, deactivate or delete it.
     */
    static Member seededAdmin() {
        String email = setting("ADMIN_EMAIL");
        Response login = Accounts.login(email, setting("ADMIN_PASSWORD"));
        login.then().statusCode(200);
        return new Member(login.path("data.user.id"), email, "admin", login.path("data.tokens.accessToken"));
    }

    /** A new, signed-in user of this role, created by the seeded admin. */
    static Member signedIn(String role) {
        String email = uniqueEmail(role);
        String id = create(role, email, Accounts.PASSWORD);
        Response login = Accounts.login(email, Accounts.PASSWORD);
        login.then().statusCode(200);
        return new Member(id, email, role, login.path("data.tokens.accessToken"));
    }

    /** A new user of this role (no password: a set-password email goes out); returns its id. */
    static String target(String role) {
        return create(role, uniqueEmail(role), null);
    }

    static String create(String role, String email, String password) {
        Map<String, Object> body =
                new HashMap<>(Map.of("email", email, "firstName", "Test", "lastName", capitalised(role), "role", role));
        if (password != null) {
            body.put("password", password);
        }
        Response created = Api.given()
                .header("Authorization", seededAdmin().bearer())
                .contentType("application/json")
                .body(body)
                .post("/api/v1/users");
        created.then().statusCode(201);
        return created.path("data.user.id");
    }

    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    private static String capitalised(String role) {
        return Character.toUpperCase(role.charAt(0)) + role.substring(1);
    }

    /** A setting of the service under test: {@code E2E_<name>} from the environment, else env/test.env. */
    static String setting(String name) {
        return Optional.ofNullable(System.getenv("E2E_" + name))
                .or(() -> Optional.ofNullable(EnvironmentLoader.load(Map.of(
                                "APP_ENV",
                                "test",
                                "ENV_DIR",
                                RunningService.repoDir().resolve("env").toString()))
                        .variables()
                        .get(name)))
                .orElseThrow(() -> new IllegalStateException(name + " is not set in env/test.env nor as E2E_" + name));
    }
}
