package com.abcdashboard.app;

import static com.abcdashboard.testsupport.TestEnvironment.ADMIN;
import static com.abcdashboard.testsupport.TestEnvironment.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.abcdashboard.testsupport.RedisProcess;
import com.abcdashboard.testsupport.ServiceClient;
import com.abcdashboard.testsupport.TestEnvironment;
import com.abcdashboard.testsupport.TwoInstances;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Redis going away under load, behind two instances that share it (as deployed behind nginx): killed
 * and restarted empty, or frozen (SIGSTOP: it keeps its entries and its connections but answers
 * nothing) and thawed. No request fails, health says degraded and then recovers by itself, and nothing
 * is served stale afterwards — in particular not a user changed on one instance while Redis was away
 * and cached by the other before.
 */
@Tag("fault")
class RedisOutageUnderLoadTest {
    private static final int WORKERS = 4;
    private static final String PASSWORD = "Sup3rSecret";

    @FunctionalInterface
    interface Action {
        void on(RedisProcess redis) throws Exception;
    }

    /** What is done to the redis-server, and how it comes back. */
    record Fault(String name, Action inflict, Action repair, String back) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fault> faults() {
        return Stream.of(
                new Fault("killed", RedisProcess::kill, RedisProcess::start, "restarted (empty)"),
                new Fault("frozen", RedisProcess::freeze, RedisProcess::thaw, "thawed (with its old entries)"));
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("faults")
    void noRequestFailsHealthRecoversAndNothingIsServedStale(Fault fault) throws Exception {
        FaultRunReport report = new FaultRunReport("redis-" + fault.name());
        Map<String, String> env = TestEnvironment.underLoad(dir);
        env.put("MONGODB_DATABASE", "redis_outage_test");
        try (TwoInstances instances = TwoInstances.start(dir, env, Clock.systemUTC())) {
            run(fault, instances.redis(), instances.both(), report);
        }
        report.write();
    }

    private void run(Fault fault, RedisProcess redis, List<ServiceClient> instances, FaultRunReport report)
            throws Exception {
        ServiceClient onA = instances.get(0);
        ServiceClient onB = instances.get(1);
        String admin = onA.signIn(ADMIN, ADMIN_PASSWORD);
        List<String> users = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            users.add(onA.createStaff(admin, worker(w), PASSWORD));
        }
        String changedDuringOutage = onA.createStaff(admin, "outage@faults.test", PASSWORD);
        String reader = onA.signIn(worker(0), PASSWORD);
        WriteLedger ledger = new WriteLedger();
        Map<String, BackgroundLoad.Kind> kinds = new LinkedHashMap<>();
        kinds.put(
                "sign-in",
                (w, seq) -> instances
                        .get((int) (seq % 2))
                        .post("/api/v1/auth/login", Map.of("email", worker(w), "password", PASSWORD)));
        kinds.put("profile", (w, seq) -> instances.get((int) (seq % 2)).get("/api/v1/auth/profile", reader));
        kinds.put("read user", (w, seq) -> instances.get((int) (seq % 2)).get("/api/v1/users/" + users.get(w), admin));
        kinds.put("update user", (w, seq) -> {
            String bio = "bio " + w + "-" + seq;
            ServiceClient.Response r = instances
                    .get((int) ((seq + 1) % 2))
                    .call("PATCH", "/api/v1/users/" + users.get(w), admin, Map.of("bio", bio));
            ledger.updated(users.get(w), bio, r.status());
            return r;
        });
        kinds.put(
                "list users",
                (w, seq) ->
                        instances.get((int) (seq % 2)).get("/api/v1/users?search=worker" + w + "%40&limit=5", admin));
        BackgroundLoad load = new BackgroundLoad(kinds);

        load.start(WORKERS);
        report.note("load started: " + WORKERS + " clients over 2 instances");
        // Both instances cache this user now; it changes while Redis is away.
        assertThat(bio(onA, admin, changedDuringOutage)).isEmpty();
        assertThat(bio(onB, admin, changedDuringOutage)).isEmpty();
        load.awaitAnswers(100, "before the outage");
        assertThat(health(onA)).isEqualTo("healthy");
        fault.inflict().on(redis);
        report.note("Redis " + fault.name());
        for (ServiceClient instance : instances) {
            awaitHealth(instance, "degraded");
        }
        report.note("both instances report degraded");
        ServiceClient.Response duringOutage =
                onA.call("PATCH", "/api/v1/users/" + changedDuringOutage, admin, Map.of("bio", "changed during it"));
        assertThat(duringOutage.status()).isEqualTo(200);
        load.awaitAnswers(100, "during the outage");
        fault.repair().on(redis);
        report.note("Redis " + fault.back());
        for (ServiceClient instance : instances) {
            awaitHealth(instance, "healthy");
        }
        report.note("both instances report healthy");
        load.awaitAnswers(100, "after the outage");
        List<BackgroundLoad.Outcome> outcomes = load.stop(report);

        assertThat(BackgroundLoad.failures(outcomes))
                .as("requests unanswered or failed")
                .isEmpty();
        for (ServiceClient instance : instances) {
            assertThat(bio(instance, admin, changedDuringOutage)).isEqualTo("changed during it");
            for (String user : users) {
                assertThat(ledger.possibleValues(user, ""))
                        .as("bio of " + user + " after its acknowledged updates")
                        .contains(bio(instance, admin, user));
            }
        }
        report.note(ledger.acknowledgedUpdates() + " acknowledged updates; none served stale on either instance");
    }

    private static String bio(ServiceClient instance, String admin, String id) throws Exception {
        ServiceClient.Response user = instance.get("/api/v1/users/" + id, admin);
        assertThat(user.status()).isEqualTo(200);
        return user.data().path("user").path("bio").asText("");
    }

    private static String health(ServiceClient instance) throws Exception {
        return instance.get("/api/v1/health", null).body().path("status").asText();
    }

    private static void awaitHealth(ServiceClient instance, String status) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> health(instance).equals(status));
    }

    private static String worker(int w) {
        return "worker" + w + "@faults.test";
    }
}
