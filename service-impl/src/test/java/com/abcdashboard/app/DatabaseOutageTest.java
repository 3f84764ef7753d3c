package com.abcdashboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.testsupport.FreePort;
import com.abcdashboard.testsupport.ServiceClient;
import com.abcdashboard.testsupport.TestEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service against a MongoDB server that goes away and comes back (a real wire-protocol server on
 * a fixed port, stopped and started again): health and readiness answer 503 while it is away, liveness
 * stays up, and both recover on their own once it is back.
 */
@Tag("fault")
class DatabaseOutageTest {
    @TempDir
    Path logs;

    @Test
    void healthSaysUnhealthyWhileTheDatabaseIsDownAndRecoversWhenItIsBack() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        int port = FreePort.closed();
        mongo.bind("127.0.0.1", port);
        try (Application app = Application.start(config(port))) {
            ServiceClient client = new ServiceClient(app);
            assertThat(client.get("/api/v1/health", null).status()).isEqualTo(200);

            mongo.shutdownNow();
            ServiceClient.Response down = client.get("/api/v1/health", null);
            assertThat(down.status()).isEqualTo(503);
            JsonNode report = down.body();
            assertThat(report.path("status").asText()).isEqualTo("unhealthy");
            assertThat(report.path("database").path("status").asText()).isNotEqualTo("connected");
            assertThat(client.get("/api/v1/health/ready", null).status()).isEqualTo(503);
            assertThat(client.get("/api/v1/health/live", null).status()).isEqualTo(200);

            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", port);
            await().alias("ready again once the database is back")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> client.get("/api/v1/health/ready", null).status() == 200);
            assertThat(client.get("/api/v1/health", null).status()).isEqualTo(200);
        } finally {
            mongo.shutdownNow();
        }
    }

    private AppConfig config(int mongoPort) {
        Map<String, String> env = TestEnvironment.basics(logs);
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort);
        env.put("MONGODB_DATABASE", "outage_test");
        return AppConfig.from(env);
    }
}
