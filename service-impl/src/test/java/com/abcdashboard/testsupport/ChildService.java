package com.abcdashboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The service started in a child JVM by a crash test: waiting until it is ready, or failing if it died. */
public final class ChildService {
    private ChildService() {}

    /**
     * Waits until {@code process} answers {@code /api/v1/health/ready} with 200 on {@code port}; fails at
     * once if it exits (its stderr is at {@code stderr}).
     */
    public static ServiceClient awaitReady(Process process, int port, Path stderr, Duration bound, String what) {
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
