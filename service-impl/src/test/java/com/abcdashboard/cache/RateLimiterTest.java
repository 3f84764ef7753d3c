package com.abcdashboard.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.observability.ServiceMetrics;
import java.time.Clock;
import java.time.Duration;
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

        assertThat(limiter.hit(rule, KeyDigest.sha256Hex("sam@example.com"))
                        .orElseThrow()
                        .remaining())
                .as("the second hit on the digest key")
                .isEqualTo(1);
        assertThat(limiter.hit(rule, "sam@example.com").orElseThrow().remaining())
                .as("the plain address is a key never used")
                .isEqualTo(2);
    }
}
