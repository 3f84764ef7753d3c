package com.abcdashboard.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.config.RedisEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class ResilientStoreTest {

    @Test
    void aFillThatLostTheRaceWithAWriteCannotBringTheOldValueBack() {
        try (ResilientStore store = new ResilientStore(new MemoryStore(Clock.systemUTC()), Duration.ofSeconds(1))) {
            store.fill("user:1", "old", Duration.ofMinutes(5));
            // A reader has loaded "old" from MongoDB; a writer changes the user and invalidates...
            store.invalidate("user:1");
            // ...then the reader's fill arrives late.
            store.fill("user:1", "old", Duration.ofMinutes(5));
            assertThat(store.get("user:1")).isEmpty();
        }
    }

    @Test
    void afterTheTombstoneExpiresFillsWorkAgain() throws Exception {
        try (ResilientStore store = new ResilientStore(new MemoryStore(Clock.systemUTC()), Duration.ofSeconds(1))) {
            store.invalidate("user:1");
            // The in-process store expires entries on its own (real) time: wait for it, bounded.
            Awaitility.await("a fill after the tombstone expired")
                    .atMost(ResilientStore.TOMBSTONE_TTL.plusSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        store.fill("user:1", "new", Duration.ofMinutes(5));
                        return store.get("user:1").isPresent();
                    });
            assertThat(store.get("user:1")).contains("new");
        }
    }

    @Test
    void anUnreachableRedisDegradesInsteadOfFailing() {
        try (ResilientStore store = new ResilientStore(
                RedisStore.connect(RedisEndpoint.parse("redis://127.0.0.1:1"), "t"), Duration.ofSeconds(30))) {
            assertThat(store.get("k")).isEmpty();
            store.invalidate("k");
            store.bump("g");
            assertThat(store.hit("w", Duration.ofMinutes(1), 1)).isEmpty();
            assertThat(store.generation("g")).isEmpty();
            assertThat(store.degraded()).isTrue();
        }
    }

    @Test
    void afterAnOutageTheStoreIsUsedAgainOnlyOnceItHasAnsweredForTwoProbes() {
        MemoryStore memory = new MemoryStore(Clock.systemUTC());
        memory.put("user:1", "before the outage", Duration.ofMinutes(5));
        SwitchableStore redis = new SwitchableStore(memory);
        Duration probe = Duration.ofMillis(200);
        try (ResilientStore store = new ResilientStore(redis, probe)) {
            redis.down = true;
            assertThat(store.get("user:1")).isEmpty();
            assertThat(store.degraded()).isTrue();
            store.invalidate("user:1"); // a change made while Redis was away: remembered

            long back = System.nanoTime();
            redis.down = false;
            Awaitility.await("the remembered invalidation replayed")
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> memory.get("user:1").isEmpty());
            assertThat(store.degraded()).as("replayed, but not used yet").isTrue();
            Awaitility.await("the store used again")
                    .atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> !store.degraded());
            assertThat(Duration.ofNanos(System.nanoTime() - back)).isGreaterThanOrEqualTo(probe.multipliedBy(2));
        }
    }

    /** A store that can be taken away and brought back. */
    private static final class SwitchableStore extends ForwardingStore {
        volatile boolean down;

        SwitchableStore(SharedStore store) {
            super(store);
        }

        private void check() {
            if (down) {
                throw new StoreUnavailableException("down", null);
            }
        }

        @Override
        public Optional<String> get(String key) {
            check();
            return super.get(key);
        }

        @Override
        public void ping() {
            check();
            super.ping();
        }
    }
}
