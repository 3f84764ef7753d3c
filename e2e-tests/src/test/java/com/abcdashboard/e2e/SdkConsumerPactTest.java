package com.abcdashboard.e2e;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.abcdashboard.client.ApiClient;
import com.abcdashboard.client.ApiException;
import com.abcdashboard.client.api.AuthApi;
import com.abcdashboard.client.api.HealthApi;
import com.abcdashboard.client.api.UsersApi;
import com.abcdashboard.client.model.CreateUserRequestDto;
import com.abcdashboard.client.model.ErrorCategoryDto;
import com.abcdashboard.client.model.ErrorResponseDto;
import com.abcdashboard.client.model.LoginRequestDto;
import com.abcdashboard.client.model.LoginResponseDto;
import com.abcdashboard.client.model.RefreshRequestDto;
import com.abcdashboard.client.model.RoleDto;
import com.abcdashboard.client.model.UpdateProfileRequestDto;
import com.abcdashboard.client.model.UpdateUserRequestDto;
import com.abcdashboard.client.model.UserDto;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated Java SDK as a Pact consumer: each test drives the SDK against Pact's mock server, which
 * answers only the interactions declared here and records them in {@code target/pacts}. {@link
 * SdkPactVerificationTest} then replays that pact against the real service, so what the SDK sends and
 * decodes is verified against what the service does, not only against the spec.
 */
@Order(1)
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PactVerification.PROVIDER, pactVersion = PactSpecVersion.V3)
class SdkConsumerPactTest {
    private static final String CONSUMER = "abc-dashboard-java-sdk";
    private static final String ISO_INSTANT =
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";
    private static final String A_TIMESTAMP = "2026-11-25T10:00:00.000Z";
    private static final String AN_ID = "6745a1f0c2d7e5b1a4c8e9d2";
    private static final String A_TOKEN = "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl";
    private static final String JSON = "application/json";
    private static final Map<String, String> JSON_ANSWER = Map.of("Content-Type", JSON);

    // ---- sign-in, session and profile

    @Pact(consumer = CONSUMER)
    RequestResponsePact session(PactDslWithProvider builder) {
        return builder.given("a verified account")
                .uponReceiving("the SDK signs in")
                .method("POST")
                .path("/api/v1/auth/login")
                .headers("Content-Type", JSON)
                .body(newJsonBody(o -> {
                            o.valueFromProviderState("email", "${email}", "jane.doe@example.com");
                            // The state's account has this password; a fixed value keeps this apart from the wrong one.
                            o.stringValue("password", Accounts.PASSWORD);
                        })
                        .build())
                .willRespondWith()
                .status(200)
                .headers(JSON_ANSWER)
                .body(envelope(data -> {
                    data.object("user", SdkConsumerPactTest::user);
                    data.object("tokens", SdkConsumerPactTest::tokens);
                    data.booleanType("requiresPasswordChange", false);
                }))
                .given("a verified account")
                .uponReceiving("the SDK signs in with a wrong password")
                .method("POST")
                .path("/api/v1/auth/login")
                .headers("Content-Type", JSON)
                .body(newJsonBody(o -> {
                            o.valueFromProviderState("email", "${email}", "jane.doe@example.com");
                            o.stringValue("password", "Wr0ngPassword");
                        })
                        .build())
                .willRespondWith()
                .status(401)
                .headers(JSON_ANSWER)
                .body(error(401, "AUTHENTICATION"))
                .given("a signed-in user")
                .uponReceiving("the SDK reads the profile")
                .method("GET")
                .path("/api/v1/auth/profile")
                .headerFromProviderState("Authorization", "Bearer ${accessToken}", "Bearer " + A_TOKEN)
                .willRespondWith()
                .status(200)
                .headers(JSON_ANSWER)
                .body(envelope(data -> {
                    data.booleanValue("isAuthenticated", true);
                    data.object("user", SdkConsumerPactTest::user);
                }))
                .given("a signed-in user")
                .uponReceiving("the SDK updates the profile")
                .method("PUT")
                .path("/api/v1/auth/profile")
                .headerFromProviderState("Authorization", "Bearer ${accessToken}", "Bearer " + A_TOKEN)
                .headers("Content-Type", JSON)
                .body(newJsonBody(o -> o.stringValue("bio", "Ops lead for the north region."))
                        .build())
                .willRespondWith()
                .status(200)
                .headers(JSON_ANSWER)
                .body(envelope(data -> data.object("user", u -> {
                    user(u);
                    u.stringValue("bio", "Ops lead for the north region.");
                })))
                .given("a signed-in user")
                .uponReceiving("the SDK refreshes the tokens")
                .method("POST")
                .path("/api/v1/auth/refresh")
                .headers("Content-Type", JSON)
                .body(newJsonBody(o -> o.valueFromProviderState("refreshToken", "${refreshToken}", "opaque-refresh"))
                        .build())
                .willRespondWith()
                .status(200)
                .headers(JSON_ANSWER)
                .body(envelope(data -> data.object("tokens", SdkConsumerPactTest::tokens)))
                .given("a signed-in user")
                .uponReceiving("the SDK signs out")
                .method("POST")
                .path("/api/v1/auth/logout")
                .headerFromProviderState("Authorization", "Bearer ${accessToken}", "Bearer " + A_TOKEN)
                .headers("Content-Type", JSON)
                .body(newJsonBody(o -> o.valueFromProviderState("refreshToken", "${refreshToken}", "opaque-refresh"))
                        .build())
                .willRespondWith()
                .status(200)
                .headers(JSON_ANSWER)
                .body(envelope(data -> data.stringType("message", "Logged out")))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "session")
    void signsInUsesTheSessionAndSignsOut(MockServer server) throws Exception {
        AuthApi anonymous = new AuthApi(client(server, null));
        LoginResponseDto login = anonymous.login(
                new LoginRequestDto().email("jane.doe@example.com").password(Accounts.PASSWORD), null);
        UserDto user = login.getData().getUser();
        assertThat(user.getRole()).isEqualTo(RoleDto.STAFF);
        assertThat(login.getData().getTokens().getExpiresIn()).isPositive();

        assertThatThrownBy(() -> anonymous.login(
                        new LoginRequestDto().email("jane.doe@example.com").password("Wr0ngPassword"), null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(401);
                    assertThat(errorOf(e).getError().getCategory()).isEqualTo(ErrorCategoryDto.AUTHENTICATION);
                });

        AuthApi signedIn =
                new AuthApi(client(server, login.getData().getTokens().getAccessToken()));
        assertThat(signedIn.getProfile(null).getData().getUser().getEmail()).isEqualTo(user.getEmail());
        assertThat(signedIn.updateProfile(new UpdateProfileRequestDto().bio("Ops lead for the north region."), null)
                        .getData()
                        .getUser()
                        .getBio())
                .isEqualTo("Ops lead for the north region.");
        String refreshToken = login.getData().getTokens().getRefreshToken();
        assertThat(anonymous
                        .refreshTokens(null, new RefreshRequestDto().refreshToken(refreshToken))
                        .getData()
                        .getTokens()
                        .getAccessToken())
                .isNotBlank();
        assertThat(signedIn.logout(null, new RefreshRequestDto().refreshToken(refreshToken))
                        .getSuccess())
                .isTrue();
    }

    // ---- user management

    @Pact(consumer = CONSUMER)
    RequestResponsePact userManagement(PactDslWithProvider builder) {
        return builder.given("an admin is signed in")
                .uponReceiving("the SDK lists users")
                .method("GET")
                .path("/api/v1/users")
                .query("page=1&limit=20")
                .headerFromProviderState("Authorization", "Bearer ${accessToken}", "Bearer " + A_TOKEN)
                .willRespondWith()
                .status(200)
                .headers(JSON_ANSWER)
                .body(newJsonBody(o -> {
                            envelopeFields(o);
                            o.minArrayLike("data", 1, SdkConsumerPactTest::user);
                            o.object(
                                    "meta",
                                    meta -> meta.object("pagination", p -> {
                                        p.numberValue("page", 1);
                                        p.numberValue("limit", 20);
                                        p.integerType("total", 1);
                                        p.integerType("totalPages", 1);
                                        p.booleanType("hasNext", false);
                                        p.booleanValue("hasPrev", false);
                                    }));
                        })
                        .build())
                .given("an admin is signed in")
                .uponReceiving("the SDK reads the user statistics")
                .method("GET")
                .path("/api/v1/users/stats")
                .headerFromProviderState("Authorization", "Bearer ${accessToken}", "Bearer " + A_TOKEN)
                .willRespondWith()
                .status(200)
                .headers(JSON_ANSWER)
                .body(envelope(data -> {
                    data.integerType("totalUsers", 3);
                    data.integerType("activeUsers", 3);
                    data.object("usersByRole", r -> {
                        r.integerType("admin", 1);
                        r.integerType("manager", 1);
                        r.integerType("staff", 1);
                    });
                }))
                .given("an admin is signed in and no account exists for the email")
                .uponReceiving("the SDK creates a user")
                .method("POST")
                .path("/api/v1/users")
                .headerFromProviderState("Authorization", "Bearer ${accessToken}", "Bearer " + A_TOKEN)
                .headers("Content-Type", JSON)
                .body(newJsonBody(o -> {
                            o.valueFromProviderState("email", "${email}", "max.doe@example.com");
                            o.stringValue("firstName", "Max");
                            o.stringValue("lastName", "Doe");
                            o.stringValue("role", "manager");
                        })
                        .build())
                .willRespondWith()
                .status(201)
                .headers(JSON_ANSWER)
                .body(envelope(data -> data.object("user", u -> {
                    user(u);
                    u.stringValue("role", "manager");
                    u.booleanValue("isFirstLogin", true);
                })))
                .given("an admin is signed in and a staff member exists")
                .uponReceiving("the SDK reads a user")
                .method("GET")
                .pathFromProviderState("/api/v1/users/${userId}", "/api/v1/users/" + AN_ID)
                .headerFromProviderState("Authorization", "Bearer ${accessToken}", "Bearer " + A_TOKEN)
                .willRespondWith()
                .status(200)
                .headers(JSON_ANSWER)
                .body(envelope(data -> data.object("user", SdkConsumerPactTest::user)))
                .given("an admin is signed in and a staff member exists")
                .uponReceiving("the SDK deactivates a user")
                .method("PUT")
                .pathFromProviderState("/api/v1/users/${userId}", "/api/v1/users/" + AN_ID)
                .headerFromProviderState("Authorization", "Bearer ${accessToken}", "Bearer " + A_TOKEN)
                .headers("Content-Type", JSON)
                .body(newJsonBody(o -> o.booleanValue("isActive", false)).build())
                .willRespondWith()
                .status(200)
                .headers(JSON_ANSWER)
                .body(envelope(data -> {
                    data.object("user", u -> {
                        user(u);
                        u.booleanValue("isActive", false);
                    });
                    data.stringType("message", "User updated");
                }))
                .given("an admin is signed in and a staff member exists")
                .uponReceiving("the SDK deletes a user")
                .method("DELETE")
                .pathFromProviderState("/api/v1/users/${userId}", "/api/v1/users/" + AN_ID)
                .headerFromProviderState("Authorization", "Bearer ${accessToken}", "Bearer " + A_TOKEN)
                .willRespondWith()
                .status(200)
                .headers(JSON_ANSWER)
                .body(envelope(data -> data.stringType("message", "User deleted")))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "userManagement")
    void managesUsers(MockServer server) throws Exception {
        UsersApi users = new UsersApi(client(server, A_TOKEN));
        var page = users.listUsers(null, 1, 20, null, null, null, null, null, null, null, null, null, null);
        assertThat(page.getData()).isNotEmpty();
        assertThat(page.getMeta().getPagination().getPage()).isEqualTo(1);
        assertThat(users.getUserStats(null).getData().getUsersByRole().getAdmin())
                .isPositive();

        UserDto created = users.createUser(
                        new CreateUserRequestDto()
                                .email("max.doe@example.com")
                                .firstName("Max")
                                .lastName("Doe")
                                .role(RoleDto.MANAGER),
                        null)
                .getData()
                .getUser();
        assertThat(created.getIsFirstLogin()).isTrue();

        assertThat(users.getUser(AN_ID, null).getData().getUser().getId()).isNotBlank();
        assertThat(users.updateUser(AN_ID, new UpdateUserRequestDto().isActive(false), null)
                        .getData()
                        .getUser()
                        .getIsActive())
                .isFalse();
        assertThat(users.deleteUser(AN_ID, null).getSuccess()).isTrue();
    }

    // ---- health

    @Pact(consumer = CONSUMER)
    RequestResponsePact health(PactDslWithProvider builder) {
        return builder.given("the service is up")
                .uponReceiving("the SDK reads the health report")
                .method("GET")
                .path("/api/v1/health")
                .willRespondWith()
                .status(200)
                .headers(JSON_ANSWER)
                .body(newJsonBody(o -> {
                            o.stringMatcher("status", "healthy|degraded", "healthy");
                            o.stringMatcher("timestamp", ISO_INSTANT, A_TIMESTAMP);
                            o.stringType("version", "1.0.0");
                            o.numberType("uptime", 12.5);
                            o.object("database", d -> d.stringMatcher("status", "connected|disconnected", "connected"));
                            o.object("services", s -> {
                                s.stringType("email", "smtp");
                                s.stringType("cache", "redis");
                            });
                        })
                        .build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "health")
    void readsTheHealthReport(MockServer server) throws Exception {
        var report = new HealthApi(client(server, null)).getHealth(null);
        assertThat(report.getDatabase().getStatus().getValue()).isEqualTo("connected");
    }

    // ---- the shapes the SDK decodes

    private static DslPart envelope(Consumer<LambdaDslObject> data) {
        return newJsonBody(o -> {
                    envelopeFields(o);
                    o.object("data", data);
                })
                .build();
    }

    private static void envelopeFields(LambdaDslObject o) {
        o.booleanValue("success", true);
        o.stringType("message", "OK");
        o.stringMatcher("timestamp", ISO_INSTANT, A_TIMESTAMP);
    }

    private static DslPart error(int status, String category) {
        return newJsonBody(o -> {
                    o.booleanValue("success", false);
                    o.stringType("message", "Invalid email or password");
                    o.object("error", e -> {
                        e.numberValue("code", status);
                        e.stringType("message", "Invalid email or password");
                        e.stringValue("category", category);
                    });
                    o.stringType("correlationId", "3f0c2d7e-5b1a-4c8e-9d2f-7a6b5c4d3e2f");
                })
                .build();
    }

    private static void user(LambdaDslObject u) {
        u.stringType("id", AN_ID);
        u.stringType("email", "jane.doe@example.com");
        u.stringType("firstName", "Jane");
        u.stringType("lastName", "Doe");
        u.stringType("displayName", "Jane Doe");
        u.stringMatcher("role", "admin|manager|staff", "staff");
        u.booleanType("isActive", true);
        u.booleanType("emailVerified", true);
        u.booleanType("isFirstLogin", false);
        u.stringMatcher("createdAt", ISO_INSTANT, A_TIMESTAMP);
        u.stringMatcher("updatedAt", ISO_INSTANT, A_TIMESTAMP);
    }

    private static void tokens(LambdaDslObject t) {
        t.stringType("accessToken", A_TOKEN);
        t.stringType("refreshToken", "opaque-refresh");
        t.integerType("expiresIn", 900);
    }

    private static ApiClient client(MockServer server, String accessToken) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getUrl());
        if (accessToken != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
        }
        return client;
    }

    private static ErrorResponseDto errorOf(ApiException e) {
        try {
            return new ObjectMapper().readValue(e.getResponseBody(), ErrorResponseDto.class);
        } catch (Exception notAnEnvelope) {
            throw new AssertionError("not an error envelope: " + e.getResponseBody(), notAnEnvelope);
        }
    }
}
