package com.abcdashboard.app;

import static com.abcdashboard.testsupport.TestEnvironment.ADMIN;
import static com.abcdashboard.testsupport.TestEnvironment.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.abcdashboard.testsupport.ChildService;
import com.abcdashboard.testsupport.FreePort;
import com.abcdashboard.testsupport.ServiceClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on the embedded store (H2 file) in a child JVM: an admin subscribes an endpoint whose
 * receiver is not listening yet, users are created (each acknowledged), the process is killed with SIGKILL
 * right after the last acknowledgement — before any delivery could succeed — and started again on the
 * same data with the receiver up: every acknowledged creation arrives as a {@code user.created} event.
 */
@Tag("fault")
class WebhookCrashTest {
    private static final int USERS = 10;
    private static final Duration READY_BOUND = Duration.ofSeconds(60);
    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Process process;
    private HttpServer receiver;
    private int starts;

    @AfterEach
    void stopEverything() {
        if (process != null) {
            process.destroyForcibly();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void anAcknowledgedChangeIsDeliveredAfterTheProcessIsKilledBeforeDelivery() throws Exception {
        int receiverPort = FreePort.closed();
        ServiceClient client = startService();
        String admin = client.signIn(ADMIN, ADMIN_PASSWORD);
        ServiceClient.Response subscribed = client.call(
                "POST",
                "/api/v1/webhooks",
                admin,
                Map.of("url", "http://127.0.0.1:" + receiverPort + "/hook", "events", List.of("user.created")));
        assertThat(subscribed.status()).isEqualTo(201);

        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            acknowledged.add(client.createStaff(admin, "crash" + i + "@webhooks.test", "Sup3rSecret"));
        }
        process.destroyForcibly(); // SIGKILL right after the last acknowledgement
        process.waitFor();

        Set<String> delivered = ConcurrentHashMap.newKeySet();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                delivered.add(
                        JSON.readTree(in.readAllBytes()).path("data").path("id").asText());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        startService();

        await("every acknowledged creation delivered")
                .atMost(DELIVERY_BOUND)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(delivered).containsAll(acknowledged));
    }

    /** Starts the service in a child JVM on the data of the run before; returns a client once it is ready. */
    private ServiceClient startService() throws IOException {
        // A failed attempt before the kill leaves retries for after the restart.
        ChildService child = ChildService.start(
                dir, ++starts, Map.of("WEBHOOK_RETRY_SCHEDULE", "2s,2s,2s,2s,2s,2s,2s,2s"), READY_BOUND);
        process = child.process();
        return child.client();
    }
}
