package com.abcdashboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.abcdashboard.app.Main;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The service in a child JVM, as a crash test starts it: on the durable embedded store in {@code dir}'s
 * {@code data} (the data of the runs before), test settings under load plus the test's own, output in
 * {@code dir} ({@code stdout-N.txt}, {@code stderr-N.txt} for the N-th start).
 *
 * @param process the child, for the test to kill
 * @param client a client of the child once it answered ready
 */
public record ChildService(Process process, ServiceClient client) {
    public static ChildService start(Path dir, int start, Map<String, String> settings, Duration readyBound)
            throws IOException {
        int port = FreePort.closed();
        Path stderr = dir.resolve("stderr-" + start + ".txt");
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName())
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout-" + start + ".txt").toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(TestEnvironment.underLoad(dir.resolve("logs")));
        env.put("ENV_DIR", System.getProperty("repo.env.dir"));
        env.put("PORT", Integer.toString(port));
        env.put("MONGODB_URI", "embedded");
        env.put("DATA_DIR", dir.resolve("data").toString());
        env.putAll(settings);
        Process process = builder.start();
        return new ChildService(
                process, awaitReady(process, port, stderr, readyBound, "service ready (start " + start + ")"));
    }

    /** Waits until the child answers {@code /api/v1/health/ready} with 200; fails at once if it exits. */
    private static ServiceClient awaitReady(Process process, int port, Path stderr, Duration bound, String what) {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + port + "/api/v1/health/ready");
        await(what).atMost(bound).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(process.isAlive())
                    .as("service still running; see %s", stderr)
                    .isTrue();
            try {
                return http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return new ServiceClient(port);
    }
}
