package com.abcdashboard.domain;

import java.time.Duration;

/** Too many attempts: the caller may try again after {@link #retryAfter()}. */
public final class RateLimitedException extends DomainException {
    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(ErrorCategory.RATE_LIMIT, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, at least 1: the value of a Retry-After header. */
    public long retryAfterSeconds() {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }
}
