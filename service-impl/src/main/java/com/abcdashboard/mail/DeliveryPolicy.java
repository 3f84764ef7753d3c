package com.abcdashboard.mail;

import java.time.Duration;

/**
 * How the outbox worker paces delivery: a failed attempt is retried after {@code firstRetry}, doubling
 * each time up to {@code maxRetry}; after {@code maxAttempts} the message is given up as FAILED. A claim
 * holds a message for {@code lease}, which must outlast the slowest send (SMTP timeouts are 10 s per
 * operation), after which another worker may take it over. Between rounds the worker waits for an
 * enqueue signal or {@code pollInterval}, whichever comes first.
 */
public record DeliveryPolicy(
        int maxAttempts, Duration firstRetry, Duration maxRetry, Duration lease, Duration pollInterval) {
    /** 8 attempts over about an hour: 30 s, 1, 2, 4, 8, 16, 32 minutes. */
    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(
            8, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofSeconds(5));

    public DeliveryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("retry delays must satisfy 0 <= firstRetry <= maxRetry");
        }
        if (!lease.isPositive() || !pollInterval.isPositive()) {
            throw new IllegalArgumentException("lease and pollInterval must be positive");
        }
    }

    DeliveryPolicy withMaxAttempts(int attempts) {
        return new DeliveryPolicy(attempts, firstRetry, maxRetry, lease, pollInterval);
    }

    DeliveryPolicy withPollInterval(Duration interval) {
        return new DeliveryPolicy(maxAttempts, firstRetry, maxRetry, lease, interval);
    }

    /** The wait after the {@code attempts}-th failed attempt (1-based). */
    Duration retryDelay(int attempts) {
        int doublings = Math.min(Math.max(attempts, 1) - 1, 30);
        Duration delay = firstRetry.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    boolean isLastAttempt(int attempts) {
        return attempts >= maxAttempts;
    }
}
