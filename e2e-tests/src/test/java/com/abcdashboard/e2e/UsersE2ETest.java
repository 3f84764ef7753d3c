package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** User management by admins and managers: create, list, search, stats, update, delete. */
@ExtendWith(RunningService.class)
class UsersE2ETest {
    private static Team.Member admin;
    private static Team.Member manager;

    @BeforeAll
    static void signIn() {
        admin = Team.signedIn("admin");
        manager = Team.signedIn("manager");
    }

    @Test
    void aUserCreatedWithoutPasswordGetsASetPasswordLinkAndMustChooseAPassword() {
        String email = Team.uniqueEmail("invited");
        Response created = as(admin)
                .contentType("application/json")
                .body(Map.of("email", email, "firstName", "Ivy", "lastName", "Invited", "role", "staff"))
                .post("/api/v1/users");

        created.then()
                .statusCode(201)
                .body("data.user.isFirstLogin", equalTo(true))
                .body("data.user.emailVerified", equalTo(true))
                .body("data.user.createdBy", equalTo(admin.id()))
                .body("data.user.displayName", equalTo("Ivy Invited"));
        assertThat(Accounts.login(email, Accounts.PASSWORD).statusCode()).isEqualTo(401);

        String token = Mailbox.awaitMail(email, 1).token();
        Api.given()
                .contentType("application/json")
                .body(Map.of("token", token, "password", "Ch0senPassword"))
                .post("/api/v1/auth/reset-password")
                .then()
                .statusCode(200);
        Accounts.login(email, "Ch0senPassword")
                .then()
                .statusCode(200)
                .body("data.requiresPasswordChange", equalTo(false));
    }

    @Test
    void aUserCreatedWithAPasswordMustChangeItAtFirstSignIn() {
        String email = Team.uniqueEmail("temp");
        Team.create("staff", email, "Temp0rary1");

        Accounts.login(email, "Temp0rary1")
                .then()
                .statusCode(200)
                .body("data.requiresPasswordChange", equalTo(true))
                .body("data.user.isFirstLogin", equalTo(true));
    }

    @Test
    void theBaselineDashboardsCreateFormIsEnoughNamesAreSplitFromTheDisplayName() {
        String username =
                "u_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        as(admin)
                .contentType("application/json")
                .body(Map.of(
                        "username",
                        username,
                        "email",
                        Team.uniqueEmail("form"),
                        "displayName",
                        "Mary Ann Form",
                        "role",
                        "staff"))
                .post("/api/v1/users")
                .then()
                .statusCode(201)
                .body("data.user.username", equalTo(username))
                .body("data.user.displayName", equalTo("Mary Ann Form"))
                .body("data.user.firstName", equalTo("Mary"))
                .body("data.user.lastName", equalTo("Ann Form"));
    }

    @Test
    void aUserCreatedWithoutAUsernameGetsAUniqueOneAndNationalPhoneNumbersBecomeE164() {
        Response first = create(Map.of(
                "email", Team.uniqueEmail("gen"), "firstName", "Gene", "lastName", "Rated", "phone", "(415) 555-0142"));
        Response second = create(Map.of("email", Team.uniqueEmail("gen"), "firstName", "Gene", "lastName", "Rated"));

        first.then()
                .statusCode(201)
                .body("data.user.username", org.hamcrest.Matchers.matchesPattern("^gene_rated(_\\d{4})?$"))
                .body("data.user.phone", equalTo("+14155550142"));
        second.then()
                .statusCode(201)
                .body("data.user.username", org.hamcrest.Matchers.matchesPattern("^gene_rated(_\\d{4})?$"));
        assertThat(second.<String>path("data.user.username")).isNotEqualTo(first.path("data.user.username"));
    }

    @Test
    void creatingWithoutNamesOrADisplayNameIsA400NamingTheNames() {
        create(Map.of("email", Team.uniqueEmail("noname")))
                .then()
                .statusCode(400)
                .body("error.details", hasKey("firstName"))
                .body("error.details", hasKey("lastName"));
    }

    private static Response create(Map<String, Object> body) {
        return as(admin).contentType("application/json").body(body).post("/api/v1/users");
    }

    @Test
    void creatingValidatesEveryFieldAndRefusesTakenAddresses() {
        Response invalid = as(admin)
                .contentType("application/json")
                .body(Map.of(
                        "email", "not-an-email",
                        "firstName", "J",
                        "lastName", "Doe",
                        "phone", "12345",
                        "langKey", "xx",
                        "password", "weak",
                        "username", "no spaces"))
                .post("/api/v1/users");
        invalid.then()
                .statusCode(400)
                .body("error.category", equalTo("VALIDATION"))
                .body("error.details", hasKey("email"))
                .body("error.details", hasKey("firstName"))
                .body("error.details", hasKey("phone"))
                .body("error.details", hasKey("langKey"))
                .body("error.details", hasKey("password"))
                .body("error.details", hasKey("username"));

        as(admin)
                .contentType("application/json")
                .body(Map.of("email", admin.email().toUpperCase(), "firstName", "Dup", "lastName", "Licate"))
                .post("/api/v1/users")
                .then()
                .statusCode(409);
        as(admin)
                .contentType("application/json")
                .body(Map.of("email", Team.uniqueEmail("x"), "firstName", "Bad", "lastName", "Role", "role", "root"))
                .post("/api/v1/users")
                .then()
                .statusCode(400);
    }

    @Test
    void aDeletedUserVanishesLosesItsSessionsAndFreesItsEmailAndUsername() {
        String email = Team.uniqueEmail("leaver");
        String username = "leaver_" + UUID.randomUUID().toString().substring(0, 8);
        String id = createWithUsername(email, username);
        String token = Accounts.login(email, Accounts.PASSWORD).path("data.tokens.accessToken");
        Accounts.status(token).then().statusCode(200);

        as(admin).delete("/api/v1/users/" + id).then().statusCode(200).body("data.message", equalTo("User deleted"));

        Accounts.status(token).then().statusCode(401);
        as(admin).get("/api/v1/users/" + id).then().statusCode(404);
        as(admin).delete("/api/v1/users/" + id).then().statusCode(404);
        assertThat(listEmails(Map.of("search", email))).isEmpty();
        assertThat(Accounts.login(email, Accounts.PASSWORD).statusCode()).isEqualTo(401);
        String again = createWithUsername(email, username);
        assertThat(again).isNotEqualTo(id);
    }

    @Test
    void aDeactivatedUserIsSignedOutAtOnceAndCannotSignIn() {
        Team.Member staff = Team.signedIn("staff");
        Accounts.status(staff.accessToken()).then().statusCode(200);

        as(manager)
                .contentType("application/json")
                .body(Map.of("isActive", false))
                .put("/api/v1/users/" + staff.id())
                .then()
                .statusCode(200)
                .body("data.user.isActive", equalTo(false))
                .body("data.user.lastModifiedBy", equalTo(manager.id()))
                .body("data.message", equalTo("User updated"));

        Accounts.status(staff.accessToken()).then().statusCode(401);
        assertThat(Accounts.login(staff.email(), Accounts.PASSWORD).statusCode())
                .isIn(401, 403);
        assertThat(listEmails(Map.of("search", staff.email(), "isActive", "false")))
                .containsExactly(staff.email());
    }

    @Test
    void anAdminChangesRolesAndTheNewRoleAppliesToTheNextRequest() {
        Team.Member staff = Team.signedIn("staff");
        // Staff read users but not the statistics; a manager reads both.
        as(staff).get("/api/v1/users/stats").then().statusCode(403);

        as(admin)
                .contentType("application/json")
                .body(Map.of("role", "manager"))
                .patch("/api/v1/users/" + staff.id())
                .then()
                .statusCode(200)
                .body("data.user.role", equalTo("manager"));

        as(staff).get("/api/v1/users/stats").then().statusCode(200);
    }

    @Test
    void updatesValidateProfileFields() {
        String id = Team.target("staff");
        as(admin)
                .contentType("application/json")
                .body(Map.of(
                        "phone", "555-1234", "avatarUrl", "http://insecure.example.com/a.png", "langKey", "klingon"))
                .put("/api/v1/users/" + id)
                .then()
                .statusCode(400)
                .body("error.details", hasKey("phone"))
                .body("error.details", hasKey("avatarUrl"))
                .body("error.details", hasKey("langKey"));
        as(admin)
                .contentType("application/json")
                .body(Map.of("phone", "+14155550123", "avatarUrl", "https://cdn.example.com/a.png", "langKey", "VI"))
                .put("/api/v1/users/" + id)
                .then()
                .statusCode(200)
                .body("data.user.phone", equalTo("+14155550123"))
                .body("data.user.langKey", equalTo("vi"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".*", "(", ")", "[", "\\", "^", "$", "|", "+", "?", "{1}", "a|b"})
    void searchTreatsRegularExpressionCharactersLiterally(String search) {
        Response r = as(manager).queryParam("search", search).get("/api/v1/users");
        r.then().statusCode(200);
        List<Map<String, Object>> users = r.path("data");
        for (Map<String, Object> user : users) {
            String haystack =
                    (user.get("displayName") + " " + user.get("username") + " " + user.get("email")).toLowerCase();
            assertThat(haystack).contains(search.toLowerCase());
        }
    }

    @Test
    void searchFindsTextWithRegularExpressionCharacters() {
        String tag = "q" + UUID.randomUUID().toString().substring(0, 8);
        String id = Team.target("staff");
        as(admin)
                .contentType("application/json")
                .body(Map.of("displayName", "Team (" + tag + ") .*"))
                .put("/api/v1/users/" + id)
                .then()
                .statusCode(200);

        assertThat(listIds(Map.of("search", "(" + tag + ") .*"))).containsExactly(id);
        assertThat(listIds(Map.of("search", tag.toUpperCase()))).containsExactly(id);
        assertThat(listIds(Map.of("displayName", "(" + tag))).containsExactly(id);
    }

    @Test
    void pagesCoverTheWholeResultInAStableOrder() {
        String tag = "p" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Team.create("staff", tag + "-" + i + "@example.com", null));
        }
        // Every one of them has the same role: the order among them comes from the id tie-break.
        for (String order : List.of("asc", "desc")) {
            List<String> seen = new ArrayList<>();
            for (int page = 1; page <= 3; page++) {
                Response r = page(
                        Map.of("search", tag, "sortBy", "role", "sortOrder", order, "limit", "2", "page", "" + page));
                r.then()
                        .body("meta.pagination.total", equalTo(5))
                        .body("meta.pagination.totalPages", equalTo(3))
                        .body("meta.pagination.hasPrev", equalTo(page > 1))
                        .body("meta.pagination.hasNext", equalTo(page < 3));
                seen.addAll(r.path("data.id"));
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
            List<String> sortedIds = new ArrayList<>(created);
            sortedIds.sort(
                    order.equals("asc") ? java.util.Comparator.naturalOrder() : java.util.Comparator.reverseOrder());
            assertThat(seen).containsExactlyElementsOf(sortedIds);
        }
        assertThat(page(Map.of("search", tag, "limit", "1")).<List<?>>path("data"))
                .hasSize(1);
        assertThat(page(Map.of("search", tag, "limit", "100")).<List<?>>path("data"))
                .hasSize(5);
        page(Map.of("search", tag, "limit", "2", "page", "4"))
                .then()
                .body("data.size()", equalTo(0))
                .body("meta.pagination.hasNext", equalTo(false))
                .body("meta.pagination.total", equalTo(5));
        page(Map.of("search", "nobody-" + tag))
                .then()
                .body("data.size()", equalTo(0))
                .body("meta.pagination.total", equalTo(0))
                .body("meta.pagination.totalPages", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "limit=101",
                "limit=0",
                "page=0",
                "page=-1",
                "page=abc",
                "limit=1.5",
                "isActive=yes",
                "role=root",
                "sortBy=password",
                "sortOrder=up",
                "hasAvatar=1",
                "search=" + "x"
            })
    void badListParametersAreA400NamingTheParameter(String parameter) {
        String[] pair = parameter.split("=", 2);
        if (pair[0].equals("search")) {
            // 101 characters: over the documented limit.
            pair[1] = "x".repeat(101);
        }
        as(manager)
                .queryParam(pair[0], pair[1])
                .get("/api/v1/users")
                .then()
                .statusCode(400)
                .body("error.category", equalTo("VALIDATION"))
                .body("message", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void statsCountKnownChangesExactly() {
        Map<String, Object> before = stats();
        String staffA = Team.target("staff");
        Team.target("staff");
        Team.target("manager");
        String toDelete = Team.target("staff");
        as(admin)
                .contentType("application/json")
                .body(Map.of("isActive", false))
                .put("/api/v1/users/" + staffA);
        as(admin).delete("/api/v1/users/" + toDelete).then().statusCode(200);
        Map<String, Object> after = stats();

        assertThat(delta(before, after, "totalUsers")).isEqualTo(3);
        assertThat(delta(before, after, "activeUsers")).isEqualTo(2);
        assertThat(delta(before, after, "inactiveUsers")).isEqualTo(1);
        assertThat(delta(before, after, "recentUsers")).isEqualTo(3);
        assertThat(delta(before, after, "verifiedUsers")).isEqualTo(3);
        assertThat(delta(before, after, "unverifiedUsers")).isEqualTo(0);
        assertThat(delta(before, after, "usersByRole.staff")).isEqualTo(2);
        assertThat(delta(before, after, "usersByRole.manager")).isEqualTo(1);
        assertThat(delta(before, after, "usersByRole.admin")).isEqualTo(0);
    }

    @Test
    void aRegisteredButUnverifiedUserCountsAsUnverified() {
        Map<String, Object> before = stats();
        Accounts.register(Accounts.uniqueEmail(), Accounts.PASSWORD).then().statusCode(201);
        Map<String, Object> after = stats();
        assertThat(delta(before, after, "unverifiedUsers")).isEqualTo(1);
        assertThat(delta(before, after, "verifiedUsers")).isEqualTo(0);
    }

    private static Map<String, Object> stats() {
        Response r = as(manager).get("/api/v1/users/stats");
        r.then().statusCode(200);
        return r.path("data");
    }

    @SuppressWarnings("unchecked")
    private static long delta(Map<String, Object> before, Map<String, Object> after, String path) {
        Object b = before;
        Object a = after;
        for (String key : path.split("\\.")) {
            b = ((Map<String, Object>) b).get(key);
            a = ((Map<String, Object>) a).get(key);
        }
        return ((Number) a).longValue() - ((Number) b).longValue();
    }

    private static String createWithUsername(String email, String username) {
        Response r = as(admin)
                .contentType("application/json")
                .body(Map.of(
                        "email",
                        email,
                        "username",
                        username,
                        "firstName",
                        "Lee",
                        "lastName",
                        "Leaver",
                        "password",
                        Accounts.PASSWORD))
                .post("/api/v1/users");
        r.then().statusCode(201);
        return r.path("data.user.id");
    }

    private static Response page(Map<String, String> query) {
        Response r = as(manager).queryParams(new HashMap<>(query)).get("/api/v1/users");
        r.then().statusCode(200);
        return r;
    }

    private static List<String> listEmails(Map<String, String> query) {
        return page(query).path("data.email");
    }

    private static List<String> listIds(Map<String, String> query) {
        return page(query).path("data.id");
    }

    private static io.restassured.specification.RequestSpecification as(Team.Member member) {
        return Api.given().header("Authorization", member.bearer());
    }
}
