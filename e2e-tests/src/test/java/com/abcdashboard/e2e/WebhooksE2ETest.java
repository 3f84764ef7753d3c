package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.abcdashboard.app.Application;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks end to end, against a real HTTP receiver in this JVM: an admin registers an endpoint, a user
 * changes, the receiver gets the event signed per Standard Webhooks (checked here with the reference
 * algorithm written out independently of the service's code), failed attempts are retried with the same
 * {@code webhook-id}, deliveries can be redelivered and tested, and the SSRF rule refuses private targets.
 */
@ExtendWith(RunningService.class)
class WebhooksE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** One request the receiver got. */
    record Received(String path, String id, String timestamp, String signature, String contentType, String body) {
        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private static HttpServer receiver;
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** On {@code /flaky}: how often each webhook-id was answered already (the first two get a 500). */
    private static final Map<String, AtomicInteger> FLAKY_ATTEMPTS = new ConcurrentHashMap<>();

    private static Team.Member admin;
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            // Counted before it is recorded: a test that sees the request sees its count.
            int flakyAttempt = path.equals("/flaky")
                    ? FLAKY_ATTEMPTS
                            .computeIfAbsent(id, k -> new AtomicInteger())
                            .incrementAndGet()
                    : 0;
            RECEIVED.add(new Received(
                    path,
                    id,
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    exchange.getRequestHeaders().getFirst("content-type"),
                    new String(body, StandardCharsets.UTF_8)));
            int status = 200;
            if (path.equals("/flaky")) {
                status = flakyAttempt <= 2 ? 500 : 200;
            } else if (path.equals("/redirect")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/ok");
                status = 302;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        admin = Team.signedIn("admin");
    }

    @AfterAll
    static void stopReceiver() {
        // Endpoints of this class must not collect failures once the receiver is gone.
        for (String id : CREATED) {
            asAdmin().delete("/api/v1/webhooks/" + id);
        }
        receiver.stop(0);
    }

    private static int port() {
        return receiver.getAddress().getPort();
    }

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return Api.given().header("Authorization", admin.bearer());
    }

    /** Registers an endpoint at the receiver's {@code path}; returns the answer's data. */
    private static JsonPath register(String path, List<String> events) {
        Response created = asAdmin()
                .contentType("application/json")
                .body(Map.of(
                        "url", "http://127.0.0.1:" + port() + path, "events", events, "description", "e2e " + path))
                .post("/api/v1/webhooks");
        created.then().statusCode(201);
        JsonPath data = JsonPath.from(created.asString()).setRootPath("data");
        CREATED.add(data.getString("id"));
        return data;
    }

    private static Received awaitReceived(Predicate<Received> which) {
        return await("a matching delivery at the receiver")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> RECEIVED.stream().filter(which).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static List<Received> received(Predicate<Received> which) {
        return RECEIVED.stream().filter(which).toList();
    }

    /**
     * The Standard Webhooks reference verification, written out here on purpose instead of calling the
     * service's signer: HMAC-SHA256 over {@code id.timestamp.body} keyed with the base64-decoded secret
     * after {@code whsec_}, base64; the header holds space-separated {@code v1,<signature>} entries.
     */
    private static boolean signatureValid(String secret, Received r) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
        for (String entry : r.signature().split(" ")) {
            String[] parts = entry.split(",", 2);
            if (parts.length == 2
                    && parts[0].equals("v1")
                    && MessageDigest.isEqual(Base64.getDecoder().decode(parts[1]), expected)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aCreatedUserIsDeliveredSignedWithTheApiUserAsData() throws Exception {
        JsonPath endpoint = register("/created", List.of("user.created", "user.role_changed"));
        String secret = endpoint.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);

        String userId = Team.target("staff");

        Received event =
                awaitReceived(r -> r.path().equals("/created") && r.body().contains(userId));
        assertThat(signatureValid(secret, event))
                .as("signature verifies with the reference algorithm")
                .isTrue();
        assertThat(event.id()).startsWith("msg_");
        assertThat(Long.parseLong(event.timestamp())).isPositive();
        assertThat(event.contentType()).startsWith("application/json");
        JsonPath payload = event.json();
        assertThat(payload.getString("type")).isEqualTo("user.created");
        assertThat(payload.getString("timestamp")).isNotBlank();
        // data is the user exactly as GET /users/{id} returns it (same fields, same values).
        Map<String, Object> apiUser = asAdmin()
                .get("/api/v1/users/" + userId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("data.user");
        Map<String, Object> sent = payload.getMap("data");
        assertThat(sent.keySet()).isEqualTo(apiUser.keySet());
        assertThat(sent.get("id")).isEqualTo(userId);
        assertThat(sent.get("email")).isEqualTo(apiUser.get("email"));
        assertThat(sent).doesNotContainKeys("passwordHash", "pendingEvents");

        // A tampered body does not verify.
        Received tampered = new Received(
                event.path(),
                event.id(),
                event.timestamp(),
                event.signature(),
                event.contentType(),
                event.body().replace("user.created", "user.deleted"));
        assertThat(signatureValid(secret, tampered)).isFalse();

        // The list and the single endpoint never show the secret.
        asAdmin()
                .get("/api/v1/webhooks")
                .then()
                .statusCode(200)
                .body("data.find { it.id == '" + endpoint.getString("id") + "' }", not(hasKey("secret")));
        asAdmin()
                .get("/api/v1/webhooks/" + endpoint.getString("id"))
                .then()
                .statusCode(200)
                .body("data", not(hasKey("secret")))
                .body("data.active", equalTo(true));
    }

    @Test
    void aReceiverFailingTwiceGetsTheSameDeliveryAgainUntilItSucceeds() throws Exception {
        JsonPath endpoint = register("/flaky", List.of("user.deactivated"));
        String userId = Team.target("staff");
        asAdmin()
                .contentType("application/json")
                .body(Map.of("isActive", false))
                .put("/api/v1/users/" + userId)
                .then()
                .statusCode(200);

        Received first =
                awaitReceived(r -> r.path().equals("/flaky") && r.body().contains(userId));
        String deliveryId = first.id();
        awaitReceived(
                r -> r.id().equals(deliveryId) && FLAKY_ATTEMPTS.get(deliveryId).get() >= 3);
        List<Received> attempts = received(r -> deliveryId.equals(r.id()));
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(Received::body).containsOnly(first.body());
        for (Received attempt : attempts) {
            assertThat(signatureValid(endpoint.getString("secret"), attempt)).isTrue();
        }

        JsonPath delivery = awaitDeliveryStatus(endpoint.getString("id"), deliveryId, "succeeded");
        assertThat(delivery.getInt("attempts")).isEqualTo(3);
        assertThat(delivery.getInt("lastResponseCode")).isEqualTo(200);
        assertThat(delivery.getString("eventType")).isEqualTo("user.deactivated");

        // Redelivery: a new series with the same webhook-id and body.
        asAdmin()
                .post("/api/v1/webhooks/" + endpoint.getString("id") + "/deliveries/" + deliveryId + "/redeliver")
                .then()
                .statusCode(202)
                .body("data.id", equalTo(deliveryId))
                .body("data.status", equalTo("pending"));
        await("the redelivery at the receiver")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> received(r -> deliveryId.equals(r.id())).size() >= 4);
        assertThat(received(r -> deliveryId.equals(r.id())))
                .hasSize(4)
                .extracting(Received::body)
                .containsOnly(first.body());
        asAdmin()
                .post("/api/v1/webhooks/" + endpoint.getString("id") + "/deliveries/msg_unknown/redeliver")
                .then()
                .statusCode(404);
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailedAttempt() throws Exception {
        JsonPath endpoint = register("/redirect", List.of("user.activated"));
        Response test = asAdmin().post("/api/v1/webhooks/" + endpoint.getString("id") + "/test");
        test.then().statusCode(202).body("data.eventType", equalTo("webhook.test"));
        String deliveryId = test.path("data.id");

        awaitReceived(r -> deliveryId.equals(r.id()));
        JsonPath delivery = awaitDeliveryStatus(endpoint.getString("id"), deliveryId, "failed");
        assertThat(delivery.getInt("lastResponseCode")).isEqualTo(302);
        assertThat(received(r -> r.path().equals("/ok") && deliveryId.equals(r.id())))
                .isEmpty();
    }

    @Test
    void aTestEventNeedsNoSubscriptionAndNamesTheEndpoint() throws Exception {
        JsonPath endpoint = register("/test-event", List.of("user.login_locked"));
        String webhookId = endpoint.getString("id");
        Response queued = asAdmin().post("/api/v1/webhooks/" + webhookId + "/test");
        queued.then().statusCode(202).body("data.status", equalTo("pending")).body("data.id", startsWith("msg_"));

        Received event = awaitReceived(
                r -> r.path().equals("/test-event") && queued.path("data.id").equals(r.id()));
        assertThat(event.json().getString("type")).isEqualTo("webhook.test");
        assertThat(event.json().getString("data.webhookId")).isEqualTo(webhookId);
        assertThat(signatureValid(endpoint.getString("secret"), event)).isTrue();
        awaitDeliveryStatus(webhookId, event.id(), "succeeded");
        asAdmin()
                .queryParam("page", 1)
                .queryParam("limit", 1)
                .get("/api/v1/webhooks/" + webhookId + "/deliveries")
                .then()
                .statusCode(200)
                .body("meta.pagination.total", equalTo(1));
    }

    @Test
    void anAdminPausesReEnablesAndDeletesAnEndpoint() {
        String id = register("/paused", List.of("user.updated")).getString("id");
        asAdmin()
                .contentType("application/json")
                .body(Map.of(
                        "active", false, "events", List.of("user.updated", "user.deleted"), "description", "Paused"))
                .patch("/api/v1/webhooks/" + id)
                .then()
                .statusCode(200)
                .body("data.active", equalTo(false))
                .body("data.events", equalTo(List.of("user.updated", "user.deleted")))
                .body("data.description", equalTo("Paused"));
        asAdmin()
                .contentType("application/json")
                .body(Map.of("active", true))
                .patch("/api/v1/webhooks/" + id)
                .then()
                .statusCode(200)
                .body("data.active", equalTo(true));
        asAdmin()
                .contentType("application/json")
                .body(Map.of("url", "ftp://example.com/x"))
                .patch("/api/v1/webhooks/" + id)
                .then()
                .statusCode(400)
                .body("error.category", equalTo("VALIDATION"));
        asAdmin().delete("/api/v1/webhooks/" + id).then().statusCode(200);
        asAdmin().get("/api/v1/webhooks/" + id).then().statusCode(404);
        asAdmin().delete("/api/v1/webhooks/" + id).then().statusCode(404);
        asAdmin().get("/api/v1/webhooks/not-an-id/deliveries").then().statusCode(404);
    }

    @Test
    void invalidRegistrationsAreRefusedWithTheFieldNamed() {
        asAdmin()
                .contentType("application/json")
                .body(Map.of("url", "not a url", "events", List.of("user.created")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("error.details.url", org.hamcrest.Matchers.notNullValue());
        asAdmin()
                .contentType("application/json")
                .body(Map.of("url", "https://example.com/hook", "events", List.of()))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400);
        asAdmin()
                .contentType("application/json")
                .body(Map.of("url", "https://example.com/hook", "events", List.of("user.exploded")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400);
    }

    @Test
    void onlyAdminsManageWebhooks() {
        String id = register("/authz", List.of("user.updated")).getString("id");
        for (String role : List.of("staff", "manager")) {
            Team.Member member = Team.signedIn(role);
            Api.given()
                    .header("Authorization", member.bearer())
                    .get("/api/v1/webhooks")
                    .then()
                    .statusCode(403);
            Api.given()
                    .header("Authorization", member.bearer())
                    .get("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(403);
            Api.given()
                    .header("Authorization", member.bearer())
                    .contentType("application/json")
                    .body(Map.of("url", "https://example.com/x", "events", List.of("user.created")))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(403);
            Api.given()
                    .header("Authorization", member.bearer())
                    .contentType("application/json")
                    .body(Map.of("active", false))
                    .patch("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(403);
            Api.given()
                    .header("Authorization", member.bearer())
                    .delete("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(403);
            Api.given()
                    .header("Authorization", member.bearer())
                    .post("/api/v1/webhooks/" + id + "/test")
                    .then()
                    .statusCode(403);
            Api.given()
                    .header("Authorization", member.bearer())
                    .get("/api/v1/webhooks/" + id + "/deliveries")
                    .then()
                    .statusCode(403);
            Api.given()
                    .header("Authorization", member.bearer())
                    .post("/api/v1/webhooks/" + id + "/deliveries/msg_x/redeliver")
                    .then()
                    .statusCode(403);
        }
        Api.given().get("/api/v1/webhooks").then().statusCode(401);
        Api.given().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(401);
    }

    @Test
    void privateTargetsAreRefusedWhereTheyAreNotAllowed() {
        Application strict = RunningService.startAnother(Map.of("WEBHOOK_ALLOW_PRIVATE_TARGETS", "false"));
        try {
            String base = "http://127.0.0.1:" + strict.port();
            Response login = RestAssured.given()
                    .baseUri(base)
                    .filter(Api.CONFORMANCE)
                    .contentType("application/json")
                    .body(Map.of("email", Team.setting("ADMIN_EMAIL"), "password", Team.setting("ADMIN_PASSWORD")))
                    .post("/api/v1/auth/login");
            login.then().statusCode(200);
            String bearer = "Bearer " + login.path("data.tokens.accessToken");
            for (String url : List.of(
                    "http://127.0.0.1:" + port() + "/x",
                    "http://localhost:" + port() + "/x",
                    "http://[::1]:" + port() + "/x",
                    "http://10.1.2.3/x",
                    "http://169.254.169.254/latest/meta-data",
                    "http://[fd00::1]/x")) {
                RestAssured.given()
                        .baseUri(base)
                        .filter(Api.CONFORMANCE)
                        .header("Authorization", bearer)
                        .contentType("application/json")
                        .body(Map.of("url", url, "events", List.of("user.created")))
                        .post("/api/v1/webhooks")
                        .then()
                        .statusCode(400)
                        .body("error.details.url", equalTo("resolves to a private or reserved address"));
            }
        } finally {
            strict.close();
        }
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledAuditedAndShowsInHealthAndMetrics() throws Exception {
        Application failing = RunningService.startAnother(
                Map.of("WEBHOOK_DISABLE_AFTER_FAILURES", "2", "WEBHOOK_FAILED_PER_HOUR_THRESHOLD", "1"));
        try {
            String base = "http://127.0.0.1:" + failing.port();
            java.util.function.Supplier<io.restassured.specification.RequestSpecification> given =
                    () -> RestAssured.given().baseUri(base).filter(Api.CONFORMANCE);
            Response login = given.get()
                    .contentType("application/json")
                    .body(Map.of("email", Team.setting("ADMIN_EMAIL"), "password", Team.setting("ADMIN_PASSWORD")))
                    .post("/api/v1/auth/login");
            String bearer = "Bearer " + login.path("data.tokens.accessToken");
            given.get().get("/api/v1/health").then().statusCode(200).body("services.webhooks", equalTo("delivering"));
            // A receiver that answers 500 to everything.
            Response created = given.get()
                    .header("Authorization", bearer)
                    .contentType("application/json")
                    .body(Map.of(
                            "url", "http://127.0.0.1:" + port() + "/always-500", "events", List.of("user.created")))
                    .post("/api/v1/webhooks");
            created.then().statusCode(201);
            String webhookId = created.path("data.id");
            receiver.createContext("/always-500", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            });

            for (int i = 0; i < 2; i++) {
                given.get()
                        .header("Authorization", bearer)
                        .post("/api/v1/webhooks/" + webhookId + "/test")
                        .then()
                        .statusCode(202);
            }

            Response endpoint = await("the endpoint disabled")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> given.get().header("Authorization", bearer).get("/api/v1/webhooks/" + webhookId),
                            answer -> !answer.<Boolean>path("data.active"));
            endpoint.then()
                    .statusCode(200)
                    .body("data.active", equalTo(false))
                    .body("data.disabledReason", equalTo("2 deliveries in a row failed"));
            given.get()
                    .header("Authorization", bearer)
                    .get("/api/v1/webhooks")
                    .then()
                    .body("data.find { it.id == '" + webhookId + "' }.active", equalTo(false));
            given.get()
                    .header("Authorization", bearer)
                    .queryParam("action", "webhook_disabled")
                    .get("/api/v1/audit-logs")
                    .then()
                    .statusCode(200)
                    .body("data[0].targetId", equalTo(webhookId));
            given.get()
                    .get("/api/v1/health")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("degraded"))
                    .body("services.webhooks", equalTo("backlogged"));
            String metrics =
                    given.get().get("/metrics").then().statusCode(200).extract().asString();
            // One registry serves the suite's in-process services: the counts include theirs.
            assertThat(metrics)
                    .containsPattern("webhook_deliveries_total\\{[^}]*outcome=\"failed\"")
                    .containsPattern("webhook_deliveries_total\\{[^}]*outcome=\"retried\"")
                    .contains("webhook_deliveries_due");

            // Re-enabled by an admin: active again, the reason gone.
            given.get()
                    .header("Authorization", bearer)
                    .contentType("application/json")
                    .body(Map.of("active", true))
                    .patch("/api/v1/webhooks/" + webhookId)
                    .then()
                    .statusCode(200)
                    .body("data.active", equalTo(true))
                    .body("data", not(hasKey("disabledReason")));
        } finally {
            failing.close();
        }
    }

    private static JsonPath awaitDeliveryStatus(String webhookId, String deliveryId, String status) {
        return await("delivery " + deliveryId + " " + status)
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> {
                            JsonPath page = asAdmin()
                                    .queryParam("limit", 100)
                                    .get("/api/v1/webhooks/" + webhookId + "/deliveries")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath();
                            List<Map<String, Object>> items = page.getList("data");
                            for (int i = 0; i < items.size(); i++) {
                                if (deliveryId.equals(items.get(i).get("id"))
                                        && status.equals(items.get(i).get("status"))) {
                                    return Optional.of(
                                            JsonPath.from(page.prettify()).setRootPath("data[" + i + "]"));
                                }
                            }
                            return Optional.<JsonPath>empty();
                        },
                        Optional::isPresent)
                .orElseThrow();
    }
}
