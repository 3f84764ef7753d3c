package com.abcdashboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.testsupport.ServiceClient;
import com.abcdashboard.testsupport.TestEnvironment;
import com.abcdashboard.testsupport.TwoInstances;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service instances against one MongoDB and one Redis ({@link TwoInstances}, whose redis-server
 * this test stops and starts by PID), as the deployment guide runs them behind nginx: a change made
 * through one is seen through the other at once, rate limits and lockouts count across both, and Redis
 * going away and coming back degrades and recovers without failing a request.
 */
class SharedStateTest {
    private static final String ADMIN = "admin@shared.test";
    private static final String ADMIN_PASSWORD = "Adm1nPassw0rd";

    @TempDir
    Path dir;

    private TwoInstances instances;
    private ServiceClient a;
    private ServiceClient b;

    @BeforeEach
    void start() throws Exception {
        Map<String, String> env = TestEnvironment.basics(dir);
        env.put("LOGIN_MAX_ATTEMPTS", "3");
        env.put("AUTH_RATE_LIMIT_MAX", "8");
        env.put("ADMIN_EMAIL", ADMIN);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        instances = TwoInstances.start(dir, env, Clock.systemUTC());
        a = instances.a();
        b = instances.b();
    }

    @AfterEach
    void stop() throws Exception {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void aChangeThroughOneInstanceIsSeenThroughTheOther() throws Exception {
        String admin = a.signIn(ADMIN, ADMIN_PASSWORD);
        String id = a.createStaff(admin, "sam@shared.test", "Sup3rSecret");
        // B reads, and so caches, the user.
        assertThat(b.call("GET", "/api/v1/users/" + id, admin, null)
                        .body()
                        .path("data")
                        .path("user")
                        .path("bio")
                        .isMissingNode())
                .isTrue();

        a.call("PATCH", "/api/v1/users/" + id, admin, Map.of("bio", "Changed on A", "isActive", false));

        // B drops its near-cache copies when A's invalidation message arrives: well under a millisecond
        // after A answered, so in practice before B's next request; never later than the copies' 1 s life.
        Awaitility.await()
                .atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(5))
                .untilAsserted(() -> {
                    JsonNode onB = b.call("GET", "/api/v1/users/" + id, admin, null)
                            .body()
                            .path("data")
                            .path("user");
                    assertThat(onB.path("bio").asText()).isEqualTo("Changed on A");
                    assertThat(onB.path("isActive").asBoolean()).isFalse();
                    JsonNode listOnB = b.call("GET", "/api/v1/users?isActive=false", admin, null)
                            .body();
                    assertThat(listOnB.path("meta")
                                    .path("pagination")
                                    .path("total")
                                    .asInt())
                            .isEqualTo(1);
                });
    }

    @Test
    void lockoutsAndRateLimitsCountAcrossBothInstances() throws Exception {
        String admin = a.signIn(ADMIN, ADMIN_PASSWORD); // auth hit 1
        a.createStaff(admin, "victim@shared.test", "Sup3rSecret");

        // LOGIN_MAX_ATTEMPTS=3: failures on A, B, A lock the account for both.
        assertThat(loginStatus(a, "victim@shared.test", "Wrong1Password")).isEqualTo(401); // 2
        assertThat(loginStatus(b, "victim@shared.test", "Wrong1Password")).isEqualTo(401); // 3
        assertThat(loginStatus(a, "victim@shared.test", "Wrong1Password")).isEqualTo(401); // 4
        ServiceClient.Response locked =
                b.post("/api/v1/auth/login", Map.of("email", "victim@shared.test", "password", "Sup3rSecret")); // 5
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body().path("message").asText()).contains("locked");

        // AUTH_RATE_LIMIT_MAX=8 per IP, counted on both instances together.
        assertThat(loginStatus(a, "nobody@shared.test", "Wrong1Password")).isEqualTo(401); // 6
        assertThat(loginStatus(b, "nobody@shared.test", "Wrong1Password")).isEqualTo(401); // 7
        ServiceClient.Response last =
                a.post("/api/v1/auth/login", Map.of("email", "nobody@shared.test", "password", "Wrong1Password")); // 8
        assertThat(last.status()).isEqualTo(401);
        assertThat(last.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        ServiceClient.Response refused =
                b.post("/api/v1/auth/login", Map.of("email", "nobody@shared.test", "password", "Wrong1Password")); // 9
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().path("error").path("category").asText()).isEqualTo("RATE_LIMIT");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("X-RateLimit-Limit")).contains("8");
    }

    @Test
    void passwordResetRequestsPerAddressCountAcrossBothInstances() throws Exception {
        Map<String, String> victim = Map.of("email", "reset-target@shared.test");
        // PASSWORD_RESET_RATE_LIMIT_MAX defaults to 3 per hour, whether or not the account exists.
        assertThat(a.post("/api/v1/auth/forgot-password", victim).status()).isEqualTo(200);
        assertThat(b.post("/api/v1/auth/forgot-password", victim).status()).isEqualTo(200);
        assertThat(a.post("/api/v1/auth/forgot-password", victim).status()).isEqualTo(200);

        ServiceClient.Response refused = b.post("/api/v1/auth/forgot-password", victim);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body().path("error").path("category").asText()).isEqualTo("RATE_LIMIT");
        // Another address is not affected.
        assertThat(a.post("/api/v1/auth/forgot-password", Map.of("email", "other@shared.test"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void redisGoingAwayDegradesWithoutFailingRequestsAndRecovers() throws Exception {
        String admin = a.signIn(ADMIN, ADMIN_PASSWORD);
        String id = a.createStaff(admin, "kim@shared.test", "Sup3rSecret");
        assertThat(cacheState(a)).isEqualTo("redis");

        instances.redis().stop();
        for (int i = 0; i < 5; i++) {
            assertThat(a.call("GET", "/api/v1/users/" + id, admin, null).status())
                    .isEqualTo(200);
            assertThat(b.call("GET", "/api/v1/auth/profile", admin, null).status())
                    .isEqualTo(200);
        }
        // A write while Redis is away must still reach B once Redis is back (deferred invalidation).
        a.call("PATCH", "/api/v1/users/" + id, admin, Map.of("bio", "Written during the outage"));
        JsonNode health = a.call("GET", "/api/v1/health", null, null).body();
        assertThat(health.path("status").asText()).isEqualTo("degraded");
        assertThat(health.path("services").path("cache").asText()).contains("redis");

        instances.redis().start();
        await(() -> !"degraded"
                .equals(a.call("GET", "/api/v1/health", null, null)
                        .body()
                        .path("status")
                        .asText()));
        await(() -> !"degraded"
                .equals(b.call("GET", "/api/v1/health", null, null)
                        .body()
                        .path("status")
                        .asText()));
        assertThat(b.call("GET", "/api/v1/users/" + id, admin, null)
                        .body()
                        .path("data")
                        .path("user")
                        .path("bio")
                        .asText())
                .isEqualTo("Written during the outage");
    }

    private String cacheState(ServiceClient instance) throws Exception {
        return instance.get("/api/v1/health", null)
                .body()
                .path("services")
                .path("cache")
                .asText();
    }

    private static int loginStatus(ServiceClient instance, String email, String password) throws Exception {
        return instance.post("/api/v1/auth/login", Map.of("email", email, "password", password))
                .status();
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(condition);
    }
}
