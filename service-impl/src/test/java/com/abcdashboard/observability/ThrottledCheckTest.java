package com.abcdashboard.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottledCheckTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean up = true;
    private volatile boolean failing;

    private final HealthCheck counting = new HealthCheck() {
        @Override
        public HealthCheckType type() {
            return HealthCheckType.LIVENESS;
        }

        @Override
        public String name() {
            return "deadlock";
        }

        @Override
        public HealthCheckResponse call() {
            calls.incrementAndGet();
            if (failing) {
                throw new IllegalStateException("thread dump failed");
            }
            return HealthCheckResponse.builder().status(up).build();
        }
    };

    private final ThrottledCheck check = new ThrottledCheck(counting, Duration.ofSeconds(1), now::get);

    @Test
    void answersFromTheLastResultWithinTheInterval() {
        for (int i = 0; i < 100; i++) {
            assertThat(check.call().status()).isEqualTo(HealthCheckResponse.Status.UP);
            now.addAndGet(Duration.ofMillis(5).toNanos());
        }
        // 100 calls over 0.5 s: one real check.
        assertThat(calls).hasValue(1);
    }

    @Test
    void runsTheCheckAgainOnceTheIntervalHasPassed() {
        check.call();
        up = false;
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(check.call().status()).isEqualTo(HealthCheckResponse.Status.UP);

        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(check.call().status()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(calls).hasValue(2);
    }

    @Test
    void aCheckThatThrowsIsTriedAgainOnTheNextCall() {
        failing = true;
        assertThatThrownBy(check::call).isInstanceOf(IllegalStateException.class);
        failing = false;
        assertThat(check.call().status()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(calls).hasValue(2);
    }

    @Test
    void keepsTheNameAndTypeOfTheCheckItWraps() {
        assertThat(check.name()).isEqualTo("deadlock");
        assertThat(check.type()).isEqualTo(HealthCheckType.LIVENESS);
    }
}
