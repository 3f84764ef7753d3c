package com.abcdashboard.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.config.RedisEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real redis-server of this machine (127.0.0.1:6379, or {@code TEST_REDIS_URL}), under a key
 * prefix of its own; it deletes only the keys it wrote.
 */
class RedisStoreTest {
    private RedisStore store;
    private String namespace;

    @BeforeEach
    void connect() {
        namespace = "abc-dashboard-test-" + UUID.randomUUID();
        store = RedisStore.connect(
                RedisEndpoint.parse(System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379")),
                namespace);
    }

    @AfterEach
    void cleanUp() {
        for (String key : List.of("a", "gen", "window", "short")) {
            store.delete(key);
        }
        store.close();
    }

    @Test
    void entriesAreSharedAndExpire() throws Exception {
        store.put("a", "one", Duration.ofMinutes(1));
        assertThat(store.get("a")).contains("one");
        store.delete("a");
        assertThat(store.get("a")).isEmpty();

        store.put("short", "gone soon", Duration.ofMillis(300));
        assertThat(store.get("short")).contains("gone soon");
        Thread.sleep(600);
        assertThat(store.get("short")).isEmpty();
    }

    @Test
    void keysCarryTheNamespaceAndFormatVersion() {
        store.put("a", "x", Duration.ofMinutes(1));
        try (RedisStore other =
                RedisStore.connect(RedisEndpoint.parse("redis://127.0.0.1:6379"), namespace + "-other")) {
            assertThat(other.get("a")).isEmpty();
        }
    }

    @Test
    void generationCountersStartAtZeroAndOnlyGrow() {
        assertThat(store.counter("gen")).isZero();
        assertThat(store.increment("gen")).isEqualTo(1);
        assertThat(store.increment("gen")).isEqualTo(2);
        assertThat(store.counter("gen")).isEqualTo(2);
    }

    @Test
    void aWindowCountsEveryConcurrentHitExactlyOnceAndExpires() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<SharedStore.Window>> hits = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                hits.add(pool.submit(() -> store.hit("window", Duration.ofSeconds(2))));
            }
            List<Long> counts = new java.util.ArrayList<>();
            for (Future<SharedStore.Window> hit : hits) {
                SharedStore.Window w = hit.get();
                counts.add(w.hits());
                assertThat(w.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
            }
            assertThat(counts).doesNotHaveDuplicates().hasSize(50).contains(1L, 50L);
        }
        Thread.sleep(2100);
        assertThat(store.hit("window", Duration.ofSeconds(2)).hits()).isEqualTo(1);
    }

    @Test
    void manyConcurrentCallersShareOneEventLoopThreadPerCore() throws Exception {
        Set<Long> before = redissonEventLoopThreads();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(callers.submit(() -> {
                    long last = 0;
                    for (int n = 0; n < 20; n++) {
                        last = store.increment("gen");
                    }
                    return last;
                }));
            }
            for (Future<Long> call : calls) {
                call.get();
            }
        }

        assertThat(store.counter("gen")).isEqualTo(64 * 20);
        Set<Long> started = redissonEventLoopThreads();
        started.removeAll(before);
        assertThat(started)
                .hasSizeLessThanOrEqualTo(
                        RedisStore.eventLoopThreads(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void thereAreAtLeastTwoEventLoopThreads() {
        assertThat(RedisStore.eventLoopThreads(1)).isEqualTo(2);
        assertThat(RedisStore.eventLoopThreads(8)).isEqualTo(8);
    }

    private static Set<Long> redissonEventLoopThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("redisson-netty-"))
                .map(Thread::threadId)
                .collect(Collectors.toCollection(HashSet::new));
    }

    @Test
    void anUnreachableServerIsReportedAsUnavailable() {
        try (RedisStore nowhere = RedisStore.connect(RedisEndpoint.parse("redis://127.0.0.1:1"), namespace)) {
            assertThatThrownBy(() -> nowhere.get("a")).isInstanceOf(StoreUnavailableException.class);
        }
    }
}
