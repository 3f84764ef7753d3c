package com.abcdashboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.observability.ServiceMetrics;
import com.abcdashboard.testsupport.MutableClock;
import com.abcdashboard.testsupport.ServiceClient;
import com.abcdashboard.testsupport.TestEnvironment;
import com.abcdashboard.testsupport.TwoInstances;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in lockout and refresh-token rotation under concurrency, over two service instances sharing one
 * MongoDB and one Redis ({@link TwoInstances}), as behind a load balancer.
 */
class AuthAcrossInstancesTest {
    private static final int MAX_ATTEMPTS = 3;
    private static final String VICTIM = "victim@instances.test";
    private static final String PASSWORD = "Sup3rSecret";

    @TempDir
    Path dir;

    /** Both instances' clock, moved by the test. */
    private final MutableClock clock = new MutableClock(Instant.now());

    private TwoInstances instances;
    private ServiceClient a;
    private ServiceClient b;

    @BeforeEach
    void start() throws Exception {
        Map<String, String> env = TestEnvironment.underLoad(dir);
        env.put("LOGIN_MAX_ATTEMPTS", Integer.toString(MAX_ATTEMPTS));
        // Near-cache copies live up to a minute: only the invalidation message can end one within a test.
        env.put("CACHE_LOCAL_TTL", "1m");
        instances = TwoInstances.start(dir, env, clock);
        a = instances.a();
        b = instances.b();
        String admin = a.signIn(TestEnvironment.ADMIN, TestEnvironment.ADMIN_PASSWORD);
        a.createStaff(admin, VICTIM, PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void fiftyParallelGuessesOverTwoInstancesGetAtMostMaxPasswordChecksAndTheRightPasswordIsRefused() throws Exception {
        double checksBefore = passwordChecks();

        List<CompletableFuture<Integer>> guesses = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                ServiceClient instance = i % 2 == 0 ? a : b;
                String guess = "Wrong" + i + "Password";
                guesses.add(CompletableFuture.supplyAsync(() -> status(instance, VICTIM, guess), senders));
            }
            // The right password, sent into the burst once the guesses have used the attempts up.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> guesses.stream().anyMatch(g -> g.isDone() && g.join() == 429));
            ServiceClient.Response right = b.post("/api/v1/auth/login", Map.of("email", VICTIM, "password", PASSWORD));
            assertThat(right.status()).isEqualTo(429);
            assertThat(right.headers().firstValue("Retry-After")).isPresent();
            assertThat(right.body().path("error").path("category").asText()).isEqualTo("RATE_LIMIT");
            CompletableFuture.allOf(guesses.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }

        assertThat(passwordChecks() - checksBefore).isLessThanOrEqualTo(MAX_ATTEMPTS);
        List<Integer> statuses = guesses.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(MAX_ATTEMPTS);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(50 - MAX_ATTEMPTS);
    }

    @Test
    void theSameRefreshTokenOnBothInstancesWithinTheGraceGetsOneSuccessorAndKeepsTheSession() throws Exception {
        JsonNode first = login(a);
        String token = first.path("refreshToken").asText();

        List<CompletableFuture<ServiceClient.Response>> tabs = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ServiceClient instance : List.of(a, b)) {
                tabs.add(CompletableFuture.supplyAsync(() -> refresh(instance, token), senders));
            }
            CompletableFuture.allOf(tabs.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }

        List<ServiceClient.Response> answers =
                tabs.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(ServiceClient.Response::status).containsOnly(200);
        String successor =
                answers.get(0).data().path("tokens").path("refreshToken").asText();
        assertThat(answers.get(1).data().path("tokens").path("refreshToken").asText())
                .isEqualTo(successor);
        // The session lives on: the successor rotates as usual, and the access tokens work.
        assertThat(refresh(a, successor).status()).isEqualTo(200);
        for (ServiceClient.Response answer : answers) {
            String access = answer.data().path("tokens").path("accessToken").asText();
            assertThat(b.get("/api/v1/auth/profile", access).status()).isEqualTo(200);
        }
    }

    @Test
    void aRotatedRefreshTokenAfterTheGraceIsReuseAndRevokesTheSessionOnBothInstances() throws Exception {
        JsonNode first = login(a);
        String token = first.path("refreshToken").asText();
        ServiceClient.Response rotated = refresh(a, token);
        assertThat(rotated.status()).isEqualTo(200);
        String successor = rotated.data().path("tokens").path("refreshToken").asText();
        String access = rotated.data().path("tokens").path("accessToken").asText();

        clock.advance(Duration.ofSeconds(11)); // past REFRESH_REUSE_GRACE, 10 s by default
        assertThat(refresh(b, token).status()).isEqualTo(401);

        assertThat(refresh(a, successor).status()).isEqualTo(401);
        assertThat(b.get("/api/v1/auth/profile", access).status()).isEqualTo(401);
    }

    @Test
    void aSessionEndedOnOneInstanceIsRefusedOnTheOtherItsRefreshTokenAtOnceAndItsAccessTokenOnceTheMessageArrives()
            throws Exception {
        JsonNode laptop = login(a);
        JsonNode phone = login(b);
        String laptopAccess = laptop.path("accessToken").asText();
        String phoneAccess = phone.path("accessToken").asText();
        // B keeps the laptop's session in its near cache, as it does for every session it serves.
        assertThat(b.get("/api/v1/auth/profile", laptopAccess).status()).isEqualTo(200);
        assertThat(b.get("/api/v1/auth/profile", laptopAccess).status()).isEqualTo(200);
        String current = currentSessionId(a, phoneAccess);
        String laptopSession = null;
        for (JsonNode session : a.get("/api/v1/auth/sessions", phoneAccess).data()) {
            if (!session.path("id").asText().equals(current)) {
                laptopSession = session.path("id").asText();
            }
        }
        assertThat(laptopSession).isNotNull();

        long ended = System.nanoTime();
        assertThat(a.call("DELETE", "/api/v1/auth/sessions/" + laptopSession, phoneAccess, null)
                        .status())
                .isEqualTo(200);

        assertThat(refresh(b, laptop.path("refreshToken").asText()).status()).isEqualTo(401);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> b.get("/api/v1/auth/profile", laptopAccess).status() == 401);
        System.out.printf(
                "laptop access token refused on B %d ms after the DELETE on A was sent%n",
                Duration.ofNanos(System.nanoTime() - ended).toMillis());
        assertThat(b.get("/api/v1/auth/profile", phoneAccess).status()).isEqualTo(200);
        assertThat(a.get("/api/v1/auth/sessions", phoneAccess).data()).hasSize(1);
    }

    private static String currentSessionId(ServiceClient instance, String access) throws Exception {
        for (JsonNode session : instance.get("/api/v1/auth/sessions", access).data()) {
            if (session.path("current").asBoolean()) {
                return session.path("id").asText();
            }
        }
        throw new AssertionError("no current session listed");
    }

    private JsonNode login(ServiceClient instance) throws Exception {
        ServiceClient.Response login =
                instance.post("/api/v1/auth/login", Map.of("email", VICTIM, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        return login.data().path("tokens");
    }

    private static ServiceClient.Response refresh(ServiceClient instance, String refreshToken) {
        try {
            return instance.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(ServiceClient instance, String email, String password) {
        try {
            return instance.post("/api/v1/auth/login", Map.of("email", email, "password", password))
                    .status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** bcrypt evaluations so far in this JVM, both instances together ({@code password_checks_total}). */
    private static double passwordChecks() {
        return ServiceMetrics.global()
                .prometheusText()
                .lines()
                .filter(line -> line.startsWith("password_checks_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
