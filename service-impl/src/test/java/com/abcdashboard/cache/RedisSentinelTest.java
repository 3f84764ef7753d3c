package com.abcdashboard.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.config.RedisEndpoint;
import com.abcdashboard.testsupport.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out URL form against a real Sentinel: a redis-server and a sentinel watching it, both
 * started by this test on free ports and stopped by PID.
 */
class RedisSentinelTest {
    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private int sentinelPort;

    @BeforeEach
    void start() throws Exception {
        int masterPort = FreePort.closed();
        processes.add(start(
                "redis-server", "--port", "" + masterPort, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
        awaitListening(masterPort);
        sentinelPort = FreePort.closed();
        Path conf = dir.resolve("sentinel.conf");
        // The sentinel rewrites its configuration file, so it gets a writable one of its own.
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "port " + sentinelPort,
                        "bind 127.0.0.1",
                        "dir " + dir,
                        "sentinel monitor mymaster 127.0.0.1 " + masterPort + " 1",
                        ""));
        processes.add(start("redis-server", conf.toString(), "--sentinel"));
        awaitListening(sentinelPort);
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : processes) {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void aSentinelUrlReachesTheMasterTheSentinelNames() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis-sentinel://127.0.0.1:" + sentinelPort + "/mymaster");
        try (RedisStore a = RedisStore.connect(endpoint, "sentinel-test");
                RedisStore b = RedisStore.connect(endpoint, "sentinel-test")) {
            a.put("k", "through the sentinel", Duration.ofMinutes(1));
            assertThat(b.get("k")).contains("through the sentinel");
            assertThat(a.hit("w", Duration.ofMinutes(1)).hits()).isEqualTo(1);
            assertThat(b.hit("w", Duration.ofMinutes(1)).hits()).isEqualTo(2);
        }
    }

    private Process start(String... command) throws IOException {
        return new ProcessBuilder(command)
                .redirectOutput(
                        dir.resolve("redis-" + processes.size() + ".log").toFile())
                .redirectErrorStream(true)
                .start();
    }

    private static void awaitListening(int port) {
        FreePort.awaitAccepting(port, "listening on " + port);
    }
}
