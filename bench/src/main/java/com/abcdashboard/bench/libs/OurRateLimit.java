package com.abcdashboard.bench.libs;

import com.abcdashboard.cache.RateLimiter;
import com.abcdashboard.cache.RedisStore;
import com.abcdashboard.cache.ResilientStore;
import com.abcdashboard.cache.SharedStore;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.RedisEndpoint;
import com.abcdashboard.observability.ServiceMetrics;
import java.time.Duration;
import java.util.Optional;

/**
 * The service's own limiter, wired as {@code Application} wires it: {@link RateLimiter} over a
 * {@link ResilientStore} over a {@link RedisStore} (its near cache off: rate windows never use it). With
 * {@code everyHit} the window script runs on every hit, as the limiter does within 20 hits of a limit.
 */
final class OurRateLimit implements RateLimitContender {
    private final ResilientStore store;
    private final RateLimiter limiter;
    private final RateLimiter.Rule rule;
    private final boolean everyHit;

    OurRateLimit(String url, String prefix, AppConfig.Limit limit, boolean everyHit) {
        Duration second = Duration.ofSeconds(1);
        this.store = new ResilientStore(
                RedisStore.connect(RedisEndpoint.parse(url), prefix + ":ours", 0, second, second), second);
        this.limiter = new RateLimiter(store, limit, ServiceMetrics.global());
        this.rule = new RateLimiter.Rule("bench", limit);
        this.everyHit = everyHit;
    }

    @Override
    public Verdict hit(String subject) {
        if (everyHit) {
            Optional<SharedStore.Window> window =
                    store.hit("rate:bench:" + subject, rule.limit().window(), 1);
            return window.map(w -> new Verdict(
                            w.hits() <= rule.limit().max(),
                            Math.max(0, rule.limit().max() - w.hits()),
                            w.remaining().toMillis(),
                            false))
                    .orElseGet(Verdict::open);
        }
        return limiter.hit(rule, subject)
                .map(d -> new Verdict(d.allowed(), d.remaining(), d.reset().toMillis(), false))
                .orElseGet(Verdict::open);
    }

    @Override
    public void close() {
        store.close();
    }
}
