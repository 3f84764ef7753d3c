package com.abcdashboard.cache;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.Sha256;
import com.abcdashboard.domain.auth.ResetThrottle;
import com.abcdashboard.observability.ServiceMetrics;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Fixed-window rate limits over the shared store, where every instance counts into the same window (an
 * atomic INCRBY-and-expire script on Redis). While the store is away, limits are not enforced —
 * availability wins over throttling, and health says degraded.
 *
 * <p>Far from a limit, an instance does not send every hit to Redis: it holds hits back and adds them to
 * the shared window in one command once they exceed 1/20 of what the window had left at its last
 * exchange, or at the first hit 100 ms after that exchange. Each decision counts the shared total last
 * seen plus the hits held here. Below 20 hits left nothing is held (every hit goes to Redis), so:
 *
 * <ul>
 *   <li>one instance decides exactly as if every hit went to Redis (it holds all the hits it has not
 *       shared);
 *   <li>no instance refuses a request the shared count would allow (what it counts is never more than
 *       the true total);
 *   <li>with several instances, a window can let through at most the hits the other instances hold back
 *       at that moment: each holds less than 1/20 of what was left when it last exchanged, and nothing it
 *       received more than 100 ms before its latest hit.
 * </ul>
 */
public final class RateLimiter implements ResetThrottle {
    /** An instance may hold back 1/{@value} of what is left in a window before it must share its hits. */
    static final int LOCAL_SHARE = 20;

    /** Held-back hits are shared at the next hit this long after the last exchange, whatever their number. */
    static final Duration SHARE_EVERY = Duration.ofMillis(100);

    private static final long SHARE_EVERY_NANOS = SHARE_EVERY.toNanos();

    /** A named limit, e.g. {@code general}: {@code max} hits per {@code window}. */
    public record Rule(String name, AppConfig.Limit limit) {}

    /** The state of a window after a hit. */
    public record Decision(Rule rule, long remaining, Duration reset, boolean allowed) {}

    /** This instance's view of one window. */
    private static final class LocalWindow {
        /** Hits counted here and not yet added to the shared window. */
        final AtomicLong held = new AtomicLong();
        /** The shared window's count at the last exchange (this instance's shared hits included). */
        volatile long shared;
        /** When the window ends, and when this instance last exchanged with it ({@code nanoTime}). */
        volatile long endsAt;

        volatile long exchangedAt;

        LocalWindow(long shared, long endsAt, long exchangedAt) {
            this.shared = shared;
            this.endsAt = endsAt;
            this.exchangedAt = exchangedAt;
        }
    }

    private final ResilientStore store;
    private final Rule passwordReset;
    private final ServiceMetrics metrics;
    private final LongSupplier nanoTime;
    private final Cache<String, LocalWindow> windows =
            Caffeine.newBuilder().executor(Runnable::run).maximumSize(100_000).build();

    public RateLimiter(ResilientStore store, AppConfig.Limit passwordReset, ServiceMetrics metrics) {
        this(store, passwordReset, metrics, System::nanoTime);
    }

    RateLimiter(ResilientStore store, AppConfig.Limit passwordReset, ServiceMetrics metrics, LongSupplier nanoTime) {
        this.store = store;
        this.passwordReset = new Rule("password-reset", passwordReset);
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    /** Counts one hit of {@code subject} against the rule; empty while the store is unavailable. */
    public Optional<Decision> hit(Rule rule, String subject) {
        String key = "rate:" + rule.name() + ":" + subject;
        long now = nanoTime.getAsLong();
        LocalWindow window = windows.getIfPresent(key);
        long count;
        if (window == null || now - window.endsAt >= 0) {
            // The first hit this instance sees in the window: shared at once, and the window's end learnt.
            Optional<SharedStore.Window> shared = share(key, rule, 1);
            if (shared.isEmpty()) {
                return Optional.empty();
            }
            window = new LocalWindow(
                    shared.get().hits(), now + shared.get().remaining().toNanos(), now);
            windows.put(key, window);
            count = shared.get().hits();
        } else {
            long held = window.held.incrementAndGet();
            count = window.shared + held;
            long share = (rule.limit().max() - window.shared) / LOCAL_SHARE;
            if (held > share || now - window.exchangedAt >= SHARE_EVERY_NANOS) {
                long sending = window.held.getAndSet(0); // 0 when another request has just sent them
                if (sending > 0) {
                    Optional<SharedStore.Window> shared = share(key, rule, sending);
                    if (shared.isEmpty()) {
                        return Optional.empty();
                    }
                    window.shared = shared.get().hits();
                    window.endsAt = now + shared.get().remaining().toNanos();
                    window.exchangedAt = now;
                    count = shared.get().hits() + window.held.get();
                }
            }
        }
        boolean allowed = count <= rule.limit().max();
        if (!allowed) {
            metrics.rateLimitRejected(rule.name());
        }
        Duration reset = Duration.ofNanos(Math.max(0, window.endsAt - now));
        return Optional.of(new Decision(rule, Math.max(0, rule.limit().max() - count), reset, allowed));
    }

    /** Adds {@code hits} to the shared window; empty (and this instance's view dropped) while the store is away. */
    private Optional<SharedStore.Window> share(String key, Rule rule, long hits) {
        Optional<SharedStore.Window> shared = store.hit(key, rule.limit().window(), hits);
        if (shared.isEmpty()) {
            windows.invalidate(key);
        }
        return shared;
    }

    @Override
    public void check(String normalisedEmail) {
        // Counted per address, keyed by its digest: no email address in Redis keys.
        hit(passwordReset, Sha256.hex(normalisedEmail))
                .filter(decision -> !decision.allowed())
                .ifPresent(decision -> {
                    throw new RateLimitedException(
                            "Too many password reset requests for this address; try again later", decision.reset());
                });
    }
}
