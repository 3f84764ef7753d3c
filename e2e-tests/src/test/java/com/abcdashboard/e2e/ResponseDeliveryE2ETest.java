package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How answers leave the server, seen from a client on one keep-alive connection. A full page of users
 * (about 8 KB) is written in more than one piece; with Nagle's algorithm on, the last piece waited for
 * the client's delayed acknowledgement — 40 ms on Linux — on nearly every request.
 */
@ExtendWith(RunningService.class)
class ResponseDeliveryE2ETest {
    private static final int PAGE = 20;
    private static final int REQUESTS = 12;

    @Test
    void aFullUserPageIsNotHeldBackForTheClientsDelayedAcknowledgement() throws Exception {
        Team.Member manager = Team.signedIn("manager");
        int total = Api.given()
                .header("Authorization", manager.bearer())
                .get("/api/v1/users?limit=1")
                .path("meta.pagination.total");
        for (int i = total; i < PAGE; i++) {
            Team.target("staff");
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest page = HttpRequest.newBuilder(RunningService.baseUri().resolve("/api/v1/users?limit=" + PAGE))
                .header("Authorization", manager.bearer())
                .timeout(Duration.ofSeconds(10))
                .build();

        long[] millis = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(page, HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body().length).isGreaterThan(4096);
        }

        // The first answers warm up the connection and the JIT; the median of the rest is what a client
        // sees. Held back, it is over 40 ms; sent at once, a few milliseconds.
        long[] rest = Arrays.copyOfRange(millis, 2, REQUESTS);
        Arrays.sort(rest);
        assertThat(rest[rest.length / 2])
                .as("median ms of %s", Arrays.toString(millis))
                .isLessThan(30);
    }
}
