package com.abcdashboard.bench.libs;

import com.abcdashboard.config.AppConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

/**
 * Redisson's {@link RRateLimiter}: a sliding window over a sorted set of the permits taken (one entry per
 * hit, kept for the window). {@code tryAcquire} answers only yes or no, so the remaining count takes a
 * second command ({@code availablePermits}), not atomic with the first; it has no reset time at all.
 */
final class RedissonRateLimit implements RateLimitContender {
    private final RedissonClient client;
    private final String prefix;
    private final AppConfig.Limit limit;
    private final Map<String, RRateLimiter> limiters = new ConcurrentHashMap<>();

    RedissonRateLimit(String url, String prefix, AppConfig.Limit limit) {
        this.client = RedisClients.redisson(url);
        this.prefix = prefix;
        this.limit = limit;
    }

    @Override
    public Verdict hit(String subject) {
        try {
            RRateLimiter limiter = limiters.computeIfAbsent(subject, this::create);
            boolean allowed = limiter.tryAcquire();
            return new Verdict(allowed, limiter.availablePermits(), -1, false);
        } catch (RedisException e) {
            limiters.remove(subject);
            return Verdict.open();
        }
    }

    /** A limiter must be configured in Redis before its first use (one more command per new subject). */
    private RRateLimiter create(String subject) {
        RRateLimiter limiter = client.getRateLimiter(prefix + ":rrl:" + subject);
        limiter.trySetRate(
                RateType.OVERALL, limit.max(), limit.window(), limit.window().multipliedBy(2));
        return limiter;
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
