package com.abcdashboard.cache;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.auth.ResetThrottle;
import com.abcdashboard.observability.ServiceMetrics;
import java.time.Duration;
import java.util.Optional;

/**
 * Fixed-window rate limits over the shared store: one atomic INCR-and-expire per hit (a Lua script on
 * Redis), so every instance counts into the same window. While the store is away, limits are not
 * enforced — availability wins over throttling, and health says degraded.
 */
public final class RateLimiter implements ResetThrottle {
    /** A named limit, e.g. {@code general}: {@code max} hits per {@code window}. */
    public record Rule(String name, AppConfig.Limit limit) {}

    /** The state of a window after a hit. */
    public record Decision(Rule rule, long remaining, Duration reset, boolean allowed) {}

    private final ResilientStore store;
    private final Rule passwordReset;
    private final ServiceMetrics metrics;

    public RateLimiter(ResilientStore store, AppConfig.Limit passwordReset, ServiceMetrics metrics) {
        this.store = store;
        this.passwordReset = new Rule("password-reset", passwordReset);
        this.metrics = metrics;
    }

    /** Counts one hit of {@code subject} against the rule; empty while the store is unavailable. */
    public Optional<Decision> hit(Rule rule, String subject) {
        return store.hit("rate:" + rule.name() + ":" + subject, rule.limit().window())
                .map(window -> {
                    boolean allowed = window.hits() <= rule.limit().max();
                    if (!allowed) {
                        metrics.rateLimitRejected(rule.name());
                    }
                    return new Decision(
                            rule, Math.max(0, rule.limit().max() - window.hits()), window.remaining(), allowed);
                });
    }

    @Override
    public void check(String normalisedEmail) {
        // Counted per address, keyed by its digest: no email address in Redis keys.
        hit(passwordReset, KeyDigest.sha256Hex(normalisedEmail))
                .filter(decision -> !decision.allowed())
                .ifPresent(decision -> {
                    throw new RateLimitedException(
                            "Too many password reset requests for this address; try again later", decision.reset());
                });
    }
}
