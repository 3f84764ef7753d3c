package com.abcdashboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.testsupport.FreePort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the real service in a child JVM while a request is in flight: the request still gets its
 * whole answer, and the process ends by itself with status 0 within the shutdown grace period.
 */
class GracefulShutdownTest {
    /** Application's grace period (10 s) plus closing mail and MongoDB and the JVM's own exit. */
    private static final Duration EXIT_BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private int startService() throws IOException {
        int port = FreePort.closed();
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName())
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().clear();
        builder.environment().put("ENV_DIR", System.getProperty("repo.env.dir"));
        builder.environment().put("APP_ENV", "test");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("LOG_DIR", dir.resolve("logs").toString());
        process = builder.start();

        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + port + "/api/v1/health/ready");
        Awaitility.await("service ready")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(process.isAlive()).as("service still running").isTrue();
                    try {
                        return http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        return port;
    }

    @Test
    void sigtermLetsTheInFlightRequestFinishAndExitsWith0() throws Exception {
        int port = startService();
        byte[] body =
                "{\"email\":\"nobody@example.com\",\"password\":\"Wr0ngPassword\"}".getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;

        HttpClient http = HttpClient.newHttpClient();
        // Quiet first: only the scrape itself in flight (the last readiness probe may still be finishing).
        Awaitility.await("no request in flight")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> activeRequests(http, port) == 1);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) EXIT_BOUND.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();
            // Once the service counts it beside the scrape itself (nothing else is sent), the handler is
            // reading the body: the request is in flight.
            Awaitility.await("request in flight")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> activeRequests(http, port) >= 2);

            process.destroy(); // SIGTERM
            Awaitility.await("shutdown begun")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> Files.readString(dir.resolve("stdout.txt")).contains("Shutting down"));

            out.write(body, half, body.length - half);
            out.flush();
            String response = readAll(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 401");
            Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(response);
            assertThat(length.find()).as("Content-Length in %s", response).isTrue();
            String responseBody = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertThat(responseBody.getBytes(StandardCharsets.UTF_8)).hasSize(Integer.parseInt(length.group(1)));
            assertThat(responseBody).startsWith("{").endsWith("}");
        }

        assertThat(process.waitFor(EXIT_BOUND.toMillis(), TimeUnit.MILLISECONDS))
                .as("exits within %s", EXIT_BOUND)
                .isTrue();
        assertThat(process.exitValue()).isZero();
        String logs = Files.readString(dir.resolve("stdout.txt"));
        assertThat(logs).contains("Shutting down", "Stopped");
    }

    /** {@code http_server_requests_active} as scraped (the scrape counts itself). */
    private static int activeRequests(HttpClient http, int port) throws IOException, InterruptedException {
        String metrics = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher active = Pattern.compile("(?m)^http_server_requests_active(?:\\{[^}]*})? (\\S+)$")
                .matcher(metrics);
        assertThat(active.find()).as("http_server_requests_active in /metrics").isTrue();
        return (int) Double.parseDouble(active.group(1));
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }
}
