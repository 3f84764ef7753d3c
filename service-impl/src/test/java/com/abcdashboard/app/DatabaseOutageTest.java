package com.abcdashboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.config.AppConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service against a MongoDB server that goes away and comes back (a real wire-protocol server on
 * a fixed port, stopped and started again): health and readiness answer 503 while it is away, liveness
 * stays up, and both recover on their own once it is back.
 */
class DatabaseOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path logs;

    @Test
    void healthSaysUnhealthyWhileTheDatabaseIsDownAndRecoversWhenItIsBack() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        mongo.bind("127.0.0.1", port);
        try (Application app = Application.start(config(port))) {
            URI base = URI.create("http://127.0.0.1:" + app.port());
            assertThat(get(base, "/api/v1/health").statusCode()).isEqualTo(200);

            mongo.shutdownNow();
            HttpResponse<String> down = get(base, "/api/v1/health");
            assertThat(down.statusCode()).isEqualTo(503);
            JsonNode report = JSON.readTree(down.body());
            assertThat(report.path("status").asText()).isEqualTo("unhealthy");
            assertThat(report.path("database").path("status").asText()).isNotEqualTo("connected");
            assertThat(get(base, "/api/v1/health/ready").statusCode()).isEqualTo(503);
            assertThat(get(base, "/api/v1/health/live").statusCode()).isEqualTo(200);

            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", port);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            int status = 0;
            while (Instant.now().isBefore(deadline)
                    && (status = get(base, "/api/v1/health/ready").statusCode()) != 200) {
                Thread.sleep(200);
            }
            assertThat(status).as("ready again once the database is back").isEqualTo(200);
            assertThat(get(base, "/api/v1/health").statusCode()).isEqualTo(200);
        } finally {
            mongo.shutdownNow();
        }
    }

    private HttpResponse<String> get(URI base, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private AppConfig config(int mongoPort) {
        return AppConfig.from(Map.of(
                "APP_ENV", "test",
                "HOST", "127.0.0.1",
                "PORT", "0",
                "JWT_SECRET", "test-only-jwt-secret-0123456789abcdef0123",
                "MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort,
                "MONGODB_DATABASE", "outage_test",
                "BCRYPT_ROUNDS", "4",
                "LOG_DIR", logs.toString(),
                "DATA_DIR", logs.toString()));
    }
}
