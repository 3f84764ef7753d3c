package com.abcdashboard.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NearCacheTest {
    private static final Duration PROBE = Duration.ofSeconds(1);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final NearCache near = new NearCache(100, Duration.ofSeconds(1), PROBE, nanos::get);

    @Test
    void nothingIsKeptUntilTheInstanceHearsItsOwnHeartbeat() {
        near.fill("user:1", "a", near.stamp("user:1"));
        assertThat(near.get("user:1")).isNull();

        near.received(NearCache.HEARTBEAT + "another-instance");
        near.fill("user:1", "a", near.stamp("user:1"));
        assertThat(near.get("user:1"))
                .as("another instance's heartbeat proves nothing")
                .isNull();

        near.received(near.heartbeatMessage());
        near.fill("user:1", "a", near.stamp("user:1"));
        assertThat(near.get("user:1")).isEqualTo("a");
    }

    @Test
    void anInvalidationMessageDropsTheCopy() {
        near.received(near.heartbeatMessage());
        near.fill("user:1", "a", near.stamp("user:1"));
        near.fill("user:2", "b", near.stamp("user:2"));

        near.received("user:1");

        assertThat(near.get("user:1")).isNull();
        assertThat(near.get("user:2")).isEqualTo("b");
    }

    @Test
    void aReadAnsweredBeforeAnInvalidationArrivedIsNotKept() {
        near.received(near.heartbeatMessage());
        long stamp = near.stamp("user:1"); // the read is sent to Redis
        near.received("user:1"); // the change's message overtakes the read's answer
        near.fill("user:1", "old", stamp);

        assertThat(near.get("user:1")).isNull();
    }

    @Test
    void withoutHeartbeatsForThreeProbePeriodsCopiesAreNotUsedAndAreDroppedWhenTheyReturn() {
        near.received(near.heartbeatMessage());
        near.fill("user:1", "a", near.stamp("user:1"));

        nanos.addAndGet(PROBE.multipliedBy(3).toNanos());
        assertThat(near.usable()).isFalse();
        assertThat(near.get("user:1")).isNull();

        near.received(near.heartbeatMessage());
        assertThat(near.usable()).isTrue();
        assertThat(near.get("user:1"))
                .as("messages may have been lost during the gap")
                .isNull();
    }

    @Test
    void aCopyLivesAtMostItsTtl() throws InterruptedException {
        AtomicLong nanos = new AtomicLong();
        NearCache shortLived = new NearCache(100, Duration.ofMillis(50), PROBE, nanos::get);
        shortLived.received(shortLived.heartbeatMessage());
        shortLived.fill("session:1", "s", shortLived.stamp("session:1"));
        assertThat(shortLived.get("session:1")).isEqualTo("s");

        nanos.addAndGet(Duration.ofMillis(51).toNanos());
        assertThat(shortLived.get("session:1")).isNull();
    }

    @Test
    void aFailedRedisCallClearsEverything() {
        near.received(near.heartbeatMessage());
        near.fill("user:1", "a", near.stamp("user:1"));

        near.clear();

        assertThat(near.usable()).isFalse();
        near.received(near.heartbeatMessage());
        assertThat(near.get("user:1")).isNull();
    }
}
