package com.abcdashboard.bench.libs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redisson.api.RedissonClient;

/**
 * The correctness side of the library comparison, on the machine's Redis (or {@code TEST_REDIS_URL})
 * under a prefix of this test's own: how many hits each limiter admits when many arrive at once.
 */
class RateLimitContendersTest {
    private static final String URL = System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379");
    private static final String PREFIX = "abc-dashboard-test-libs-" + UUID.randomUUID();

    private static RespCountingProxy proxy;
    private final RateLimitComparison comparison =
            new RateLimitComparison(URL, PREFIX, Duration.ZERO, Duration.ofMillis(200));

    @BeforeAll
    static void startProxy() throws Exception {
        URI redis = URI.create(URL);
        proxy = new RespCountingProxy(redis.getHost(), redis.getPort());
    }

    @AfterAll
    static void deleteKeys() {
        proxy.close();
        RedissonClient admin = RedisClients.redisson(URL);
        try {
            admin.getKeys().deleteByPattern("*" + PREFIX + "*");
        } finally {
            admin.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(RateLimitContender.Kind.class)
    void fiftyConcurrentRequestsOnOneInstanceAdmitExactlyTheLimit(RateLimitContender.Kind kind)
            throws InterruptedException {
        RateLimitComparison.Contention run = comparison.contention(kind, proxy, 1, 50, 4, 100);

        assertExactlyTheLimit(run, 100);
        assertThat(run.remainingReported()).isZero();
    }

    @ParameterizedTest
    @EnumSource(
            value = RateLimitContender.Kind.class,
            names = {"OURS_EVERY_HIT", "REDISSON", "BUCKET4J_REDISSON", "BUCKET4J_LETTUCE"})
    void twoInstancesSendingEveryHitToRedisAdmitExactlyTheLimit(RateLimitContender.Kind kind)
            throws InterruptedException {
        RateLimitComparison.Contention run = comparison.contention(kind, proxy, 2, 8, 25, 100);

        assertExactlyTheLimit(run, 100);
    }

    /**
     * Exactly the limit admitted; on a machine so loaded that some decisions waited out the 1 s timeout
     * (and were let through, as ours lets them through), no more than the limit admitted by Redis.
     */
    private static void assertExactlyTheLimit(RateLimitComparison.Contention run, int limit) {
        if (run.failedOpen() == 0) {
            assertThat(run.admitted()).as("admitted against %d", limit).isEqualTo(limit);
        } else {
            assertThat(run.admitted() - run.failedOpen())
                    .as("admitted by Redis against %d (%d let through after a timeout)", limit, run.failedOpen())
                    .isLessThanOrEqualTo(limit);
        }
    }

    @Test
    void twoInstancesOfOursLetThroughAtMostWhatTheOtherHoldsBack() throws InterruptedException {
        RateLimitComparison.Contention run = comparison.contention(RateLimitContender.Kind.OURS, proxy, 2, 8, 25, 100);

        // The other instance holds at most 1/20 of what was left (100) when it last exchanged.
        assertThat(run.admitted() - run.failedOpen()).isBetween(100 - run.failedOpen(), 105);
    }

    @Test
    void farFromTheLimitOursSendsAlmostNothingAndTheLibrariesTwoCommandsADecision() {
        assertThat(RateLimitComparison.roundTrips(RateLimitContender.Kind.OURS, proxy, PREFIX, 1000)
                        .commandsPerDecision())
                .isLessThan(0.05);
        assertThat(RateLimitComparison.roundTrips(RateLimitContender.Kind.OURS_EVERY_HIT, proxy, PREFIX, 200)
                        .commandsPerDecision())
                .isBetween(1.0, 1.1);
        for (RateLimitContender.Kind library : new RateLimitContender.Kind[] {
            RateLimitContender.Kind.REDISSON,
            RateLimitContender.Kind.BUCKET4J_REDISSON,
            RateLimitContender.Kind.BUCKET4J_LETTUCE
        }) {
            assertThat(RateLimitComparison.roundTrips(library, proxy, PREFIX, 200)
                            .commandsPerDecision())
                    .as(library.title)
                    .isBetween(2.0, 2.1);
        }
    }

    @Test
    void onlyRedissonCannotSayWhenTheWindowResets() throws InterruptedException {
        for (RateLimitContender.Kind kind : RateLimitContender.Kind.values()) {
            long reset = comparison.contention(kind, proxy, 1, 1, 3, 5).resetReportedMs();
            if (kind == RateLimitContender.Kind.REDISSON) {
                assertThat(reset).as(kind.title).isEqualTo(-1);
            } else {
                assertThat(reset).as(kind.title).isBetween(1L, 60_000L);
            }
        }
    }
}
