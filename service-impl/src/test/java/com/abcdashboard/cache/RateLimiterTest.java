package com.abcdashboard.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.Sha256;
import com.abcdashboard.observability.ServiceMetrics;
import com.abcdashboard.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final AppConfig.Limit THREE_AN_HOUR = new AppConfig.Limit(3, Duration.ofHours(1));

    private final ResilientStore store = new ResilientStore(new MemoryStore(Clock.systemUTC()), Duration.ofSeconds(1));
    private final RateLimiter limiter = new RateLimiter(store, THREE_AN_HOUR, ServiceMetrics.global());

    @Test
    void theFourthResetRequestForAnAddressWithinTheWindowIsRefused() {
        for (int i = 0; i < 3; i++) {
            limiter.check("jane@example.com");
        }
        assertThatThrownBy(() -> limiter.check("jane@example.com")).isInstanceOf(RateLimitedException.class);
        limiter.check("other@example.com");
    }

    @Test
    void theResetCounterIsKeyedByTheAddressDigestNotTheAddress() {
        limiter.check("sam@example.com");
        RateLimiter.Rule rule = new RateLimiter.Rule("password-reset", THREE_AN_HOUR);

        assertThat(limiter.hit(rule, Sha256.hex("sam@example.com"))
                        .orElseThrow()
                        .remaining())
                .as("the second hit on the digest key")
                .isEqualTo(1);
        assertThat(limiter.hit(rule, "sam@example.com").orElseThrow().remaining())
                .as("the plain address is a key never used")
                .isEqualTo(2);
    }

    private static final RateLimiter.Rule THOUSAND =
            new RateLimiter.Rule("general", new AppConfig.Limit(1000, Duration.ofMinutes(15)));

    /** A memory store that counts the commands that reach it: the round trips Redis would see. */
    private static final class CountingStore extends ForwardingStore {
        final AtomicInteger hitCommands = new AtomicInteger();

        CountingStore(SharedStore store) {
            super(store);
        }

        @Override
        public Window hit(String key, Duration window, long count) {
            hitCommands.incrementAndGet();
            return super.hit(key, window, count);
        }
    }

    private final AtomicLong nanos = new AtomicLong();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final CountingStore shared = new CountingStore(new MemoryStore(clock));
    private final ResilientStore counted = new ResilientStore(shared, Duration.ofMinutes(1));

    private RateLimiter instance() {
        return new RateLimiter(counted, THREE_AN_HOUR, ServiceMetrics.global(), nanos::get);
    }

    @Test
    void farFromTheLimitHitsReachTheSharedStoreInBatchesAndTheCountStaysExact() {
        RateLimiter one = instance();
        for (int i = 1; i <= 300; i++) {
            RateLimiter.Decision decision = one.hit(THOUSAND, "10.0.0.1").orElseThrow();
            assertThat(decision.remaining()).as("hit %d", i).isEqualTo(1000 - i);
        }
        assertThat(shared.hitCommands.get()).as("store commands for 300 hits").isLessThan(30);
    }

    @Test
    void heldHitsAreSharedAtTheFirstHitAHundredMillisecondsLater() {
        RateLimiter one = instance();
        for (int i = 0; i < 5; i++) {
            one.hit(THOUSAND, "10.0.0.1");
        }
        int before = shared.hitCommands.get();
        nanos.addAndGet(Duration.ofMillis(100).toNanos());
        one.hit(THOUSAND, "10.0.0.1");

        assertThat(shared.hitCommands.get()).isEqualTo(before + 1);
        assertThat(shared.hit("rate:general:10.0.0.1", Duration.ofMinutes(15), 0)
                        .hits())
                .as("the shared window holds all six hits")
                .isEqualTo(6);
    }

    @Test
    void nearTheLimitEveryHitGoesToTheSharedStoreAndTheLimitIsExact() {
        RateLimiter one = instance();
        RateLimiter.Rule ten = new RateLimiter.Rule("auth", new AppConfig.Limit(10, Duration.ofMinutes(1)));
        for (int i = 1; i <= 10; i++) {
            assertThat(one.hit(ten, "10.0.0.1").orElseThrow().allowed())
                    .as("hit %d", i)
                    .isTrue();
        }
        assertThat(one.hit(ten, "10.0.0.1").orElseThrow().allowed()).isFalse();
        assertThat(shared.hitCommands.get()).as("one command per hit").isEqualTo(11);
    }

    /** A memory store whose window commands take a millisecond, as a round trip to Redis does. */
    private static final class SlowWindowStore extends ForwardingStore {
        SlowWindowStore(SharedStore store) {
            super(store);
        }

        @Override
        public Window hit(String key, Duration window, long count) {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            return super.hit(key, window, count);
        }
    }

    @Test
    void fiftyConcurrentRequestsOnOneInstanceAdmitExactlyTheLimit() throws InterruptedException {
        // Hits whose command is on its way to Redis count for every decision made meanwhile.
        ResilientStore slow = new ResilientStore(new SlowWindowStore(new MemoryStore(clock)), Duration.ofMinutes(1));
        RateLimiter one = new RateLimiter(slow, THREE_AN_HOUR, ServiceMetrics.global());
        RateLimiter.Rule hundred = new RateLimiter.Rule("general", new AppConfig.Limit(100, Duration.ofMinutes(15)));
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> requests = new ArrayList<>();
        for (int t = 0; t < 50; t++) {
            requests.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(go);
                for (int h = 0; h < 4; h++) {
                    if (one.hit(hundred, "10.0.0.9").orElseThrow().allowed()) {
                        admitted.incrementAndGet();
                    }
                }
            }));
        }
        go.countDown();
        for (Thread request : requests) {
            request.join();
        }

        assertThat(admitted.get()).as("admitted of 200 hits against 100").isEqualTo(100);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void instancesSharingAWindowLetThroughAtMostWhatTheOthersHoldBack() {
        RateLimiter a = instance();
        RateLimiter b = instance();
        int allowed = 0;
        for (int i = 0; i < 1500; i++) {
            RateLimiter limiterOfThisHit = i % 2 == 0 ? a : b;
            if (limiterOfThisHit.hit(THOUSAND, "10.0.0.1").orElseThrow().allowed()) {
                allowed++;
            }
        }
        // Each holds back less than 1/20 of what was left, and nothing once fewer than 20 hits are left.
        assertThat(allowed).isBetween(1000, 1000 + 2 * 19);
    }

    @Test
    void aNewWindowStartsFromZeroOnEveryInstance() {
        RateLimiter one = instance();
        RateLimiter.Rule perSecond = new RateLimiter.Rule("auth", new AppConfig.Limit(2, Duration.ofMillis(200)));
        one.hit(perSecond, "10.0.0.1");
        one.hit(perSecond, "10.0.0.1");
        assertThat(one.hit(perSecond, "10.0.0.1").orElseThrow().allowed()).isFalse();

        // The limiter's own time and the shared store's clock move on together.
        nanos.addAndGet(Duration.ofMillis(250).toNanos());
        clock.advance(Duration.ofMillis(250));
        assertThat(one.hit(perSecond, "10.0.0.1").orElseThrow().remaining()).isEqualTo(1);
    }
}
