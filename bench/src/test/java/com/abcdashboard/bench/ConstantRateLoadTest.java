package com.abcdashboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.webserver.WebServer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConstantRateLoadTest {
    private static final long STALL_MILLIS = 300;

    private final AtomicBoolean stallNext = new AtomicBoolean();
    private final WebServer server = WebServer.builder()
            .host("127.0.0.1")
            .port(0)
            .routing(routing -> routing.get("/ok", (req, res) -> {
                        if (stallNext.getAndSet(false)) {
                            Thread.sleep(STALL_MILLIS);
                        }
                        res.send("ok");
                    })
                    .get("/missing", (req, res) -> res.status(404).send())
                    .get("/closing", (req, res) -> {
                        res.header("Connection", "close");
                        res.send("bye");
                    }))
            .build()
            .start();

    @AfterEach
    void stop() {
        server.stop();
    }

    private ConstantRateLoad.Result run(String path, String rate, String connections) throws InterruptedException {
        return ConstantRateLoad.run(ConstantRateLoad.Options.parse(
                "--url",
                "http://127.0.0.1:" + server.port() + path,
                "--rate",
                rate,
                "--warmup",
                "0",
                "--duration",
                "1",
                "--connections",
                connections));
    }

    @Test
    void sendsTheAskedRateForTheDuration() throws InterruptedException {
        ConstantRateLoad.Result result = run("/ok", "200", "4");

        assertThat(result.requests()).isEqualTo(200);
        assertThat(result.non2xx()).isZero();
        assertThat(result.socketErrors()).isZero();
        assertThat(result.latency().count()).isEqualTo(200);
    }

    @Test
    void requestsThatWaitedBehindAStallCarryTheWaitInTheirLatency() throws InterruptedException {
        stallNext.set(true);

        // One connection, one request due every 10 ms: the first answer takes 300 ms, so the ~30 requests
        // due meanwhile leave late, the k-th by about 300 - 10k ms. A closed-loop tool would show one slow
        // sample; here the slowest fifth of the hundred waited more than 100 ms.
        ConstantRateLoad.Result result = run("/ok", "100", "1");

        assertThat(result.requests()).isEqualTo(100);
        assertThat(result.latency().max()).isGreaterThanOrEqualTo(STALL_MILLIS);
        assertThat(result.latency().p90()).isGreaterThan(100);
    }

    @Test
    void countsAnswersOutside2xx() throws InterruptedException {
        ConstantRateLoad.Result result = run("/missing", "50", "1");

        assertThat(result.non2xx()).isEqualTo(result.requests()).isEqualTo(50);
    }

    @Test
    void aServerClosingEveryConnectionIsFollowedOnFreshOnes() throws InterruptedException {
        ConstantRateLoad.Result result = run("/closing", "50", "2");

        assertThat(result.requests()).isEqualTo(50);
        assertThat(result.non2xx()).isZero();
        assertThat(result.socketErrors()).isZero();
    }

    @Test
    void refusesAnIncompleteCommandLine() {
        assertThatThrownBy(() -> ConstantRateLoad.Options.parse("--rate", "10"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConstantRateLoad.Options.parse("--url", "http://x", "--rate"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
