package com.abcdashboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.persistence.EmbeddedMongoServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real entry point in a child JVM, as {@code java -jar} would, with a controlled environment. */
class MainTest {
    /** The service needs well over a second to start a server; refusing the configuration takes far less. */
    private static final Duration FAST_EXIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    record Outcome(int exitCode, String stdout, String stderr) {}

    private Outcome runMain(Map<String, String> environment) throws IOException, InterruptedException {
        return runMain(environment, FAST_EXIT);
    }

    private Outcome runMain(Map<String, String> environment, Duration bound, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        // Only what the test sets: a developer's own MONGODB_URI or JWT_SECRET must not leak in.
        builder.environment().clear();
        builder.environment().put("ENV_DIR", System.getProperty("repo.env.dir"));
        builder.environment().putAll(environment);

        Process process = builder.start();
        try {
            assertThat(process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS))
                    .as("Main exits within %s", bound)
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Outcome(
                process.exitValue(),
                Files.readString(dir.resolve("stdout.txt")),
                Files.readString(dir.resolve("stderr.txt")));
    }

    @Test
    void productionWithAShortSecretExitsWithStatus2NamingTheVariableBeforeBindingAPort() throws Exception {
        // Hold the port production.env would use: if Main tried to serve before validating, it would fail
        // to bind instead of reporting the configuration.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Outcome outcome = runMain(Map.of(
                    "APP_ENV", "production",
                    "JWT_SECRET", "short",
                    "HOST", "127.0.0.1",
                    "PORT", Integer.toString(taken.getLocalPort())));

            assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_CONFIG);
            assertThat(outcome.stderr())
                    .startsWith("Invalid configuration:")
                    .contains("  - JWT_SECRET must be at least 32 characters in production")
                    .doesNotContain("short")
                    .doesNotContainIgnoringCase("bind")
                    .doesNotContain("Exception");
            assertThat(outcome.stdout() + outcome.stderr())
                    .doesNotContain("ready on")
                    .doesNotContain("Starting");
        }
    }

    @Test
    void everyProblemIsPrintedInOneRun() throws Exception {
        Outcome outcome = runMain(Map.of("APP_ENV", "development", "PORT", "eighty", "MONGODB_URI", "mysql://db"));

        assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(outcome.stderr().lines().filter(line -> line.startsWith("  - ")))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("  - PORT "))
                .anySatisfy(line -> assertThat(line).startsWith("  - MONGODB_URI "));
    }

    @Test
    void badUsageExitsWith64AndTheUsageBeforeReadingTheConfiguration() throws Exception {
        // An invalid configuration too: usage is checked first, so the status is 64, not 2.
        Outcome outcome = runMain(Map.of("PORT", "eighty"), FAST_EXIT, "backup", "--from", "somewhere");

        assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(outcome.stderr()).startsWith("backup needs --out DIR").contains("Usage:", "restore --from DIR");
        assertThat(outcome.stdout()).isEmpty();
    }

    @Test
    void helpPrintsTheUsageAndExitsWith0() throws Exception {
        Outcome outcome = runMain(Map.of(), FAST_EXIT, "--help");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).contains("migrate --status", "backup --out DIR", "restore --from DIR [--drop]");
    }

    @Test
    void migrateBackupAndRestoreWorkOnTheEmbeddedFileStoreAsTheServiceUsesIt() throws Exception {
        Duration bound = Duration.ofSeconds(60);
        Map<String, String> env = Map.of(
                "APP_ENV", "test",
                "MONGODB_URI", "embedded",
                "DATA_DIR", dir.resolve("data").toString(),
                "LOG_DIR", dir.resolve("logs").toString(),
                "ADMIN_EMAIL", "root@example.com",
                // Blank overrides test.env's password: the admin gets a set-password link instead.
                "ADMIN_PASSWORD", "",
                "CLIENT_URL", "https://dashboard.example.com");

        Outcome migrate = runMain(env, bound, "migrate");
        Outcome again = runMain(env, bound, "migrate");
        Outcome status = runMain(env, bound, "migrate", "--status");
        Outcome backup =
                runMain(env, bound, "backup", "--out", dir.resolve("backup").toString());
        Outcome refused =
                runMain(env, bound, "restore", "--from", dir.resolve("backup").toString());
        Outcome restored =
                runMain(env, bound, "restore", "--from", dir.resolve("backup").toString(), "--drop");

        assertThat(migrate.exitCode()).as(migrate.stderr()).isZero();
        assertThat(migrate.stdout())
                .contains("Applied 2 migration(s): 0001-username-backfill, indexes")
                .containsPattern("https://dashboard\\.example\\.com/reset-password\\?token=[A-Za-z0-9_-]{43}");
        assertThat(again.stdout()).contains("Nothing to migrate").doesNotContain("reset-password");
        assertThat(status.stdout())
                .containsPattern("indexes +repeatable +applied +\\d{4}-\\d\\d-\\d\\dT\\S+ +[0-9a-f]{64}");
        assertThat(backup.exitCode()).as(backup.stderr()).isZero();
        assertThat(dir.resolve("backup/manifest.json")).exists();
        assertThat(dir.resolve("backup/users.jsonl")).content().contains("root@example.com");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("not empty", "--drop");
        assertThat(restored.exitCode()).as(restored.stderr()).isZero();
        assertThat(restored.stdout()).contains("Restored ");
    }
    /**
     * The move the start-up warning asks for: backup from the embedded file store, restore into another
     * server over the wire (a MongoDB-compatible one started here: no MongoDB on this machine), and the
     * service's data is all there, migrations included.
     */
    @Test
    void aBackupOfTheEmbeddedStoreRestoresIntoAnotherServer() throws Exception {
        Duration bound = Duration.ofSeconds(60);
        Map<String, String> embedded = Map.of(
                "APP_ENV", "test",
                "MONGODB_URI", "embedded",
                "DATA_DIR", dir.resolve("data").toString(),
                "LOG_DIR", dir.resolve("logs").toString(),
                "ADMIN_EMAIL", "root@example.com",
                "ADMIN_PASSWORD", "Adm1nPassw0rd");
        assertThat(runMain(embedded, bound, "migrate").exitCode()).isZero();
        Outcome backup =
                runMain(embedded, bound, "backup", "--out", dir.resolve("move").toString());
        assertThat(backup.exitCode()).as(backup.stderr()).isZero();

        try (EmbeddedMongoServer target = EmbeddedMongoServer.start(AppConfig.EmbeddedStorage.MEMORY, dir)) {
            Map<String, String> mongo = new java.util.HashMap<>(embedded);
            mongo.put("MONGODB_URI", target.connectionString());
            Outcome restored = runMain(
                    mongo, bound, "restore", "--from", dir.resolve("move").toString());
            Outcome status = runMain(mongo, bound, "migrate", "--status");

            assertThat(restored.exitCode()).as(restored.stderr()).isZero();
            assertThat(status.stdout()).containsPattern("indexes +repeatable +applied");
            try (MongoClient client = MongoClients.create(target.connectionString())) {
                assertThat(client.getDatabase("abc_dashboard_test")
                                .getCollection("users")
                                .find(new Document("email", "root@example.com"))
                                .first())
                        .as("the admin, moved")
                        .isNotNull()
                        .extractingByKey("role")
                        .isEqualTo("admin");
            }
        }
    }
}
