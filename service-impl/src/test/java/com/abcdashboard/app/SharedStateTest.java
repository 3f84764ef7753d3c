package com.abcdashboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.config.AppConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service instances against one MongoDB and one Redis — a redis-server this test starts on a free
 * port and stops by PID — as the deployment guide runs them behind nginx: a change made through one is
 * seen through the other at once, rate limits and lockouts count across both, and Redis going away
 * and coming back degrades and recovers without failing a request.
 */
class SharedStateTest {
    private static final String ADMIN = "admin@shared.test";
    private static final String ADMIN_PASSWORD = "Adm1nPassw0rd";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private MongoServer mongo;
    private Process redis;
    private int redisPort;
    private Application a;
    private Application b;

    @BeforeEach
    void start() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        int mongoPort = freePort();
        mongo.bind("127.0.0.1", mongoPort);
        redisPort = freePort();
        startRedis();
        a = Application.start(config(mongoPort));
        b = Application.start(config(mongoPort));
    }

    @AfterEach
    void stop() {
        for (Application app : new Application[] {a, b}) {
            if (app != null) {
                app.close();
            }
        }
        if (redis != null) {
            redis.destroy();
        }
        mongo.shutdownNow();
    }

    @Test
    void aChangeThroughOneInstanceIsSeenThroughTheOther() throws Exception {
        String admin = login(a, ADMIN, ADMIN_PASSWORD)
                .path("data")
                .path("tokens")
                .path("accessToken")
                .asText();
        String id = createStaff(a, admin, "sam@shared.test");
        // B reads, and so caches, the user.
        assertThat(call(b, "GET", "/api/v1/users/" + id, admin, null)
                        .body()
                        .path("data")
                        .path("user")
                        .path("bio")
                        .isMissingNode())
                .isTrue();

        call(a, "PATCH", "/api/v1/users/" + id, admin, Map.of("bio", "Changed on A", "isActive", false));

        JsonNode onB = call(b, "GET", "/api/v1/users/" + id, admin, null)
                .body()
                .path("data")
                .path("user");
        assertThat(onB.path("bio").asText()).isEqualTo("Changed on A");
        assertThat(onB.path("isActive").asBoolean()).isFalse();
        JsonNode listOnB =
                call(b, "GET", "/api/v1/users?isActive=false", admin, null).body();
        assertThat(listOnB.path("meta").path("pagination").path("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void lockoutsAndRateLimitsCountAcrossBothInstances() throws Exception {
        String admin = login(a, ADMIN, ADMIN_PASSWORD)
                .path("data")
                .path("tokens")
                .path("accessToken")
                .asText(); // auth hit 1
        createStaff(a, admin, "victim@shared.test");

        // LOGIN_MAX_ATTEMPTS=3: failures on A, B, A lock the account for both.
        assertThat(loginStatus(a, "victim@shared.test", "Wrong1Password")).isEqualTo(401); // 2
        assertThat(loginStatus(b, "victim@shared.test", "Wrong1Password")).isEqualTo(401); // 3
        assertThat(loginStatus(a, "victim@shared.test", "Wrong1Password")).isEqualTo(401); // 4
        Response locked =
                post(b, "/api/v1/auth/login", Map.of("email", "victim@shared.test", "password", "Sup3rSecret")); // 5
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body().path("message").asText()).contains("locked");

        // AUTH_RATE_LIMIT_MAX=8 per IP, counted on both instances together.
        assertThat(loginStatus(a, "nobody@shared.test", "Wrong1Password")).isEqualTo(401); // 6
        assertThat(loginStatus(b, "nobody@shared.test", "Wrong1Password")).isEqualTo(401); // 7
        Response last =
                post(a, "/api/v1/auth/login", Map.of("email", "nobody@shared.test", "password", "Wrong1Password")); // 8
        assertThat(last.status()).isEqualTo(401);
        assertThat(last.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        Response refused =
                post(b, "/api/v1/auth/login", Map.of("email", "nobody@shared.test", "password", "Wrong1Password")); // 9
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().path("error").path("category").asText()).isEqualTo("RATE_LIMIT");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("X-RateLimit-Limit")).contains("8");
    }

    @Test
    void passwordResetRequestsPerAddressCountAcrossBothInstances() throws Exception {
        Map<String, String> victim = Map.of("email", "reset-target@shared.test");
        // PASSWORD_RESET_RATE_LIMIT_MAX defaults to 3 per hour, whether or not the account exists.
        assertThat(post(a, "/api/v1/auth/forgot-password", victim).status()).isEqualTo(200);
        assertThat(post(b, "/api/v1/auth/forgot-password", victim).status()).isEqualTo(200);
        assertThat(post(a, "/api/v1/auth/forgot-password", victim).status()).isEqualTo(200);

        Response refused = post(b, "/api/v1/auth/forgot-password", victim);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body().path("error").path("category").asText()).isEqualTo("RATE_LIMIT");
        // Another address is not affected.
        assertThat(post(a, "/api/v1/auth/forgot-password", Map.of("email", "other@shared.test"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void redisGoingAwayDegradesWithoutFailingRequestsAndRecovers() throws Exception {
        String admin = login(a, ADMIN, ADMIN_PASSWORD)
                .path("data")
                .path("tokens")
                .path("accessToken")
                .asText();
        String id = createStaff(a, admin, "kim@shared.test");
        assertThat(cacheState(a)).isEqualTo("redis");

        redis.destroy();
        redis.waitFor();
        for (int i = 0; i < 5; i++) {
            assertThat(call(a, "GET", "/api/v1/users/" + id, admin, null).status())
                    .isEqualTo(200);
            assertThat(call(b, "GET", "/api/v1/auth/profile", admin, null).status())
                    .isEqualTo(200);
        }
        // A write while Redis is away must still reach B once Redis is back (deferred invalidation).
        call(a, "PATCH", "/api/v1/users/" + id, admin, Map.of("bio", "Written during the outage"));
        JsonNode health = call(a, "GET", "/api/v1/health", null, null).body();
        assertThat(health.path("status").asText()).isEqualTo("degraded");
        assertThat(health.path("services").path("cache").asText()).contains("redis");

        startRedis();
        await(() -> !"degraded"
                .equals(call(a, "GET", "/api/v1/health", null, null)
                        .body()
                        .path("status")
                        .asText()));
        await(() -> !"degraded"
                .equals(call(b, "GET", "/api/v1/health", null, null)
                        .body()
                        .path("status")
                        .asText()));
        assertThat(call(b, "GET", "/api/v1/users/" + id, admin, null)
                        .body()
                        .path("data")
                        .path("user")
                        .path("bio")
                        .asText())
                .isEqualTo("Written during the outage");
    }

    private String cacheState(Application app) throws Exception {
        return call(app, "GET", "/api/v1/health", null, null)
                .body()
                .path("services")
                .path("cache")
                .asText();
    }

    private String createStaff(Application app, String token, String email) throws Exception {
        Response created = call(
                app,
                "POST",
                "/api/v1/users",
                token,
                Map.of(
                        "email",
                        email,
                        "firstName",
                        "Sam",
                        "lastName",
                        "Shared",
                        "role",
                        "staff",
                        "password",
                        "Sup3rSecret"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("data").path("user").path("id").asText();
    }

    private JsonNode login(Application app, String email, String password) throws Exception {
        Response r = post(app, "/api/v1/auth/login", Map.of("email", email, "password", password));
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    private int loginStatus(Application app, String email, String password) throws Exception {
        return post(app, "/api/v1/auth/login", Map.of("email", email, "password", password))
                .status();
    }

    private Response post(Application app, String path, Object body) throws Exception {
        return call(app, "POST", path, null, body);
    }

    record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {}

    private Response call(Application app, String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Response(response.statusCode(), json, response.headers());
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.holds()) {
            assertThat(Instant.now()).as("condition within 20 s").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private void startRedis() throws Exception {
        redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(redisPort),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectOutput(
                        dir.resolve("redis-" + System.nanoTime() + ".log").toFile())
                .redirectErrorStream(true)
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Socket s = new Socket("127.0.0.1", redisPort)) {
                return;
            } catch (IOException notYet) {
                assertThat(Instant.now()).as("redis-server listening").isBefore(deadline);
                Thread.sleep(50);
            }
        }
    }

    private AppConfig config(int mongoPort) {
        Map<String, String> env = new HashMap<>();
        env.put("APP_ENV", "test");
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("JWT_SECRET", "test-only-jwt-secret-0123456789abcdef0123");
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort);
        env.put("MONGODB_DATABASE", "shared_state_test");
        env.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
        env.put("BCRYPT_ROUNDS", "4");
        env.put("LOGIN_MAX_ATTEMPTS", "3");
        env.put("AUTH_RATE_LIMIT_MAX", "8");
        env.put("ADMIN_EMAIL", ADMIN);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("LOG_DIR", dir.toString());
        env.put("DATA_DIR", dir.toString());
        return AppConfig.from(env);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
