package com.abcdashboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName())
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        // Only what the test sets: a developer's own MONGODB_URI or JWT_SECRET must not leak in.
        builder.environment().clear();
        builder.environment().put("ENV_DIR", System.getProperty("repo.env.dir"));
        builder.environment().putAll(environment);

        Process process = builder.start();
        try {
            assertThat(process.waitFor(FAST_EXIT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("Main exits within %s", FAST_EXIT)
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
}
