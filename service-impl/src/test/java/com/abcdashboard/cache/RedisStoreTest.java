package com.abcdashboard.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.RedisEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
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
        for (String key : List.of("a", "gen", "window", "short", "user:1", "users:gen")) {
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
        // Redis expires it on its own clock: wait for that, bounded.
        Awaitility.await("expired in Redis")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> store.get("short").isEmpty());
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
        // The window's expiry was set by its first hit (later ones do not extend it): once Redis ends it,
        // the next hit starts a new window.
        Awaitility.await("a new window")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> store.hit("window", Duration.ofSeconds(2)).hits() == 1);
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

    /** Another instance of the service: same Redis, same namespace. */
    private RedisStore otherInstance() {
        return RedisStore.connect(
                RedisEndpoint.parse(System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379")),
                namespace);
    }

    /**
     * An instance whose near-cache copies live a minute and whose heartbeat stays good for three: within
     * a test, only an invalidation message can make it see another instance's change (neither the copy's
     * 1 s lifetime nor a missed heartbeat can stand in for the message).
     */
    private RedisStore longLivedNearCache() {
        return RedisStore.connect(
                RedisEndpoint.parse(System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379")),
                namespace,
                AppConfig.Cache.DEFAULT_LOCAL_MAX_ENTRIES,
                Duration.ofMinutes(1),
                Duration.ofMinutes(1));
    }

    /**
     * The message arrives in well under a millisecond on an idle machine; the bound only says when to give
     * up on a loaded one. What it proves is that the message came at all (see {@link #longLivedNearCache}).
     */
    private static void awaitInvalidation(Callable<Boolean> seen) {
        Awaitility.await("the invalidation message")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(1))
                .until(seen);
    }

    /** What the shared-store probe does every second; the near cache is used once a heartbeat is back. */
    private static void heartbeatUntilNearCacheIsUsed(RedisStore store) {
        Awaitility.await("the near cache in use")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    store.ping();
                    store.get("user:probe");
                    store.put("user:probe", "x", Duration.ofSeconds(5));
                    store.get("user:probe");
                    return store.nearCacheSize() > 0;
                });
        store.delete("user:probe");
    }

    @Test
    void hotEntriesAreServedFromTheNearCacheAndAChangeOnAnotherInstanceReachesItAtOnce() throws Exception {
        try (RedisStore other = otherInstance();
                RedisStore store = longLivedNearCache()) {
            heartbeatUntilNearCacheIsUsed(store);
            other.put("user:1", "before", Duration.ofMinutes(1));
            // The first read may race the message announcing "before" (then it is not kept); soon one is.
            Awaitility.await("a copy kept")
                    .atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        assertThat(store.get("user:1")).contains("before");
                        return store.nearCacheSize() > 0;
                    });
            // Served from the copy: the very same String instance, no round trip.
            assertThat(store.get("user:1").orElseThrow())
                    .isSameAs(store.get("user:1").orElseThrow());

            other.put("user:1", "after", Duration.ofMinutes(1));

            awaitInvalidation(() -> store.get("user:1").orElseThrow().equals("after"));
        }
    }

    @Test
    void generationCountersAreNearCachedAndEveryIncrementIsAnnounced() throws Exception {
        try (RedisStore other = otherInstance();
                RedisStore store = longLivedNearCache()) {
            heartbeatUntilNearCacheIsUsed(store);
            assertThat(store.counter("users:gen")).isZero();
            other.increment("users:gen");

            awaitInvalidation(() -> store.counter("users:gen") == 1);
        }
    }

    @Test
    void anInstanceWithoutANearCacheStillAnnouncesItsChanges() throws Exception {
        try (RedisStore plain = RedisStore.connect(
                        RedisEndpoint.parse(System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379")),
                        namespace,
                        0,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1));
                RedisStore store = longLivedNearCache()) {
            heartbeatUntilNearCacheIsUsed(store);
            plain.put("user:1", "before", Duration.ofMinutes(1));
            assertThat(store.get("user:1")).contains("before");

            plain.delete("user:1");

            awaitInvalidation(() -> store.get("user:1").isEmpty());
            assertThat(plain.nearCacheSize()).isZero();
        }
    }

    @Test
    void withoutHeartbeatsEveryReadGoesToRedis() {
        store.put("user:1", "value", Duration.ofMinutes(1));
        assertThat(store.get("user:1")).contains("value");
        assertThat(store.nearCacheSize())
                .as("no ping yet: delivery of invalidations unproven")
                .isZero();
    }
}
