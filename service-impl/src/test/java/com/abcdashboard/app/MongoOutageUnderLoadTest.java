package com.abcdashboard.app;

import static com.abcdashboard.testsupport.TestEnvironment.ADMIN;
import static com.abcdashboard.testsupport.TestEnvironment.ADMIN_PASSWORD;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.testsupport.FreePort;
import com.abcdashboard.testsupport.ServiceClient;
import com.abcdashboard.testsupport.TestEnvironment;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB stopped and started again (same port, same data file, as a restarted mongod) while four
 * clients sign in, read their profile and users, create users and update them. While it is away,
 * requests that need it answer 503 in the error envelope with {@code Retry-After} — never 500, never a
 * hang — and health says unhealthy; afterwards the service recovers by itself, and every write it
 * acknowledged, before, during or after the outage, is in the database.
 */
@Tag("fault")
class MongoOutageUnderLoadTest {
    private static final int WORKERS = 4;
    private static final String PASSWORD = "Sup3rSecret";
    private static final String DATABASE = "mongo_outage_test";

    @TempDir
    Path dir;

    @Test
    void anOutageAnswers503AndEveryAcknowledgedWriteSurvivesIt() throws Exception {
        FaultRunReport report = new FaultRunReport("mongo-outage");
        int port = FreePort.closed();
        Path dataFile = dir.resolve("mongo.mv");
        MongoServer mongo = startMongo(dataFile, port);
        Map<String, String> env = TestEnvironment.underLoad(dir);
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + port);
        env.put("MONGODB_DATABASE", DATABASE);
        try (Application app = Application.start(AppConfig.from(env))) {
            ServiceClient client = new ServiceClient(app);
            String admin = client.signIn(ADMIN, ADMIN_PASSWORD);
            List<String> users = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                users.add(client.createStaff(admin, worker(w), PASSWORD));
            }
            String reader = client.signIn(worker(0), PASSWORD);
            WriteLedger ledger = new WriteLedger();
            Map<String, BackgroundLoad.Kind> kinds = new LinkedHashMap<>();
            kinds.put(
                    "sign-in",
                    (w, seq) -> client.post("/api/v1/auth/login", Map.of("email", worker(w), "password", PASSWORD)));
            kinds.put("profile", (w, seq) -> client.get("/api/v1/auth/profile", reader));
            kinds.put("create user", (w, seq) -> {
                String email = "created-" + w + "-" + seq + "@faults.test";
                ServiceClient.Response r = client.call(
                        "POST", "/api/v1/users", admin, Map.of("email", email, "firstName", "New", "lastName", "User"));
                if (r.status() == 201) {
                    ledger.created(r.data().path("user").path("id").asText(), email);
                }
                return r;
            });
            kinds.put("update user", (w, seq) -> {
                String bio = "bio " + w + "-" + seq;
                ServiceClient.Response r =
                        client.call("PATCH", "/api/v1/users/" + users.get(w), admin, Map.of("bio", bio));
                ledger.updated(users.get(w), bio, r.status());
                return r;
            });
            kinds.put("read user", (w, seq) -> client.get("/api/v1/users/" + users.get(w), admin));
            BackgroundLoad load = new BackgroundLoad(kinds);

            load.start(WORKERS);
            report.note("load started: " + WORKERS + " clients");
            load.awaitAnswers(100, "before the outage");
            mongo.shutdownNow();
            report.note("MongoDB stopped");
            // Monitors give up after a few seconds: the answers must come before they do.
            assertThat(timed(client, "/api/v1/health", 503, report)).isLessThan(Duration.ofSeconds(5));
            assertThat(timed(client, "/api/v1/health/ready", 503, report)).isLessThan(Duration.ofSeconds(3));
            assertThat(timed(client, "/api/v1/health/live", 200, report)).isLessThan(Duration.ofSeconds(1));
            load.awaitAnswers(1, o -> o.status() == 503, "of 503 from the load during the outage");
            mongo = startMongo(dataFile, port);
            report.note("MongoDB started again on the same port and data");
            awaitStatus(client, "/api/v1/health/ready", 200);
            report.note("ready again");
            load.awaitAnswers(100, "after the outage");
            List<BackgroundLoad.Outcome> outcomes = load.stop(report);

            assertThat(BackgroundLoad.failures(outcomes, 503))
                    .as("requests unanswered or failed with another 5xx than 503")
                    .isEmpty();
            List<BackgroundLoad.Outcome> unavailable =
                    outcomes.stream().filter(o -> o.status() == 503).toList();
            assertThat(unavailable).as("requests during the outage").isNotEmpty();
            for (BackgroundLoad.Outcome o : unavailable) {
                assertThat(o.body().path("success").asBoolean(true)).isFalse();
                assertThat(o.body().path("error").path("code").asInt()).isEqualTo(503);
                assertThat(o.body().path("correlationId").asText()).isNotBlank();
                assertThat(o.response().headers().firstValue("Retry-After")).isPresent();
            }
            assertStored(port, ledger);
            report.note(ledger.acknowledgedCreates().size() + " acknowledged creates and "
                    + ledger.acknowledgedUpdates() + " acknowledged updates, all stored");
            report.write();
        } finally {
            mongo.shutdownNow();
        }
    }

    /** Reads MongoDB itself, not through the service's cache. */
    private static void assertStored(int port, WriteLedger ledger) {
        try (MongoClient direct = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> users = direct.getDatabase(DATABASE).getCollection("users");
            for (WriteLedger.Created created : ledger.acknowledgedCreates()) {
                Document stored =
                        users.find(eq("_id", new ObjectId(created.id()))).first();
                assertThat(stored)
                        .as("acknowledged create of " + created.email())
                        .isNotNull();
                assertThat(stored.getString("email")).isEqualTo(created.email());
            }
            for (String id : ledger.updatedUsers()) {
                Document stored = users.find(eq("_id", new ObjectId(id))).first();
                assertThat(ledger.possibleValues(id, null))
                        .as("bio of " + id + " after its acknowledged updates")
                        .contains(stored.getString("bio"));
            }
        }
    }

    private static MongoServer startMongo(Path dataFile, int port) {
        MongoServer server = new MongoServer(new H2Backend(dataFile.toString()));
        server.bind("127.0.0.1", port);
        return server;
    }

    /** How long {@code path} takes to answer {@code status}. */
    private static Duration timed(ServiceClient client, String path, int status, FaultRunReport report)
            throws Exception {
        long start = System.nanoTime();
        assertThat(client.get(path, null).status()).as(path).isEqualTo(status);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        report.note(path + " answered " + status + " in " + took.toMillis() + " ms");
        return took;
    }

    private static void awaitStatus(ServiceClient client, String path, int status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> client.get(path, null).status() == status);
    }

    private static String worker(int w) {
        return "worker" + w + "@faults.test";
    }
}
