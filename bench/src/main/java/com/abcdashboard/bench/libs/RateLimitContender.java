package com.abcdashboard.bench.libs;

import com.abcdashboard.config.AppConfig;

/**
 * One service instance's rate limiter, as the comparison drives it: one decision per request, with what
 * the answer's {@code X-RateLimit-Remaining} and {@code -Reset} headers could say. Each contender owns its
 * connections, so two of them over the same key prefix are two instances sharing the limits.
 */
interface RateLimitContender extends AutoCloseable {
    /** Counts one hit of {@code subject}; a Redis failure lets the request through (as ours does). */
    Verdict hit(String subject);

    @Override
    void close();

    /**
     * @param remaining hits left in the window, -1 when the limiter cannot say
     * @param resetMillis milliseconds until the window (or bucket) is full again, -1 when it cannot say
     * @param failedOpen Redis did not answer and the request was let through
     */
    record Verdict(boolean allowed, long remaining, long resetMillis, boolean failedOpen) {
        static Verdict open() {
            return new Verdict(true, -1, -1, true);
        }
    }

    /** The limiters compared, each opened as one instance against a Redis URL under a key prefix. */
    enum Kind {
        OURS("ours, as deployed (hits held locally far from the limit)"),
        OURS_EVERY_HIT("ours, every hit to Redis (as within 20 of the limit)"),
        REDISSON("Redisson RRateLimiter (tryAcquire + availablePermits)"),
        BUCKET4J_REDISSON("Bucket4j 8.14 over Redisson (CAS)"),
        BUCKET4J_LETTUCE("Bucket4j 8.14 over Lettuce (CAS)");

        final String title;

        Kind(String title) {
            this.title = title;
        }

        RateLimitContender open(String url, String prefix, AppConfig.Limit limit) {
            return switch (this) {
                case OURS -> new OurRateLimit(url, prefix, limit, false);
                case OURS_EVERY_HIT -> new OurRateLimit(url, prefix, limit, true);
                case REDISSON -> new RedissonRateLimit(url, prefix, limit);
                case BUCKET4J_REDISSON -> Bucket4jRateLimit.overRedisson(url, prefix, limit);
                case BUCKET4J_LETTUCE -> Bucket4jRateLimit.overLettuce(url, prefix, limit);
            };
        }
    }
}
