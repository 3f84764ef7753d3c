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
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Fixed-window rate limits over the shared store, where every instance counts into the same window (an
 * atomic INCRBY-and-expire script on Redis). While the store is away, limits are not enforced —
 * availability wins over throttling, and health says degraded.
 *
 * <p>Far from a limit, an instance does not send every hit to Redis: it admits up to 1/20 of what the
 * window had left (as it last knew it) locally, and adds those held hits to the shared window together
 * with the next hit it sends, which is the first hit beyond that share, or the first hit 100 ms after its
 * last exchange (unless one is under way). A sent hit is decided by Redis's answer (the window's total after it, the held hits it
 * carried included); a held hit by this instance's count: the shared total last seen plus the hits on
 * their way to Redis plus the hits held here. Below 20 hits left nothing is held (every hit goes to
 * Redis), so:
 *
 * <ul>
 *   <li>one instance admits exactly as many hits as the limit, however many requests arrive at once;
 *   <li>with several instances, a window can let through at most the hits the other instances hold back
 *       at that moment: each holds at most 1/20 of what was left when it last exchanged, and nothing it
 *       received more than 100 ms before its latest hit.
 * </ul>
 *
 * Measured against Bucket4j and Redisson's {@code RRateLimiter} in docs/architecture.md.
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

    /** This instance's view of one window; every field guarded by {@code lock}. */
    private static final class LocalWindow {
        final ReentrantLock lock = new ReentrantLock();
        /** Signalled when a batch carrying held hits has its answer. */
        final Condition heldArrived = lock.newCondition();
        /** Hits admitted here and not yet sent to the shared window. */
        long held;
        /** Hits sent to the shared window whose answer has not come back. */
        long inFlight;
        /** Sent batches that carry held (already admitted) hits and have no answer yet. */
        int heldBatchesInFlight;
        /** The shared window's count at the latest answer (the highest seen). */
        long shared;
        /** When the window ends and when this instance last exchanged with it ({@code nanoTime}). */
        long endsAt;

        long exchangedAt;
        /** An answer has come back: {@code shared} and {@code endsAt} are known. */
        boolean known;

        /** What this instance knows the window to hold: shared, on the way there, and held here. */
        long count() {
            return shared + inFlight + held;
        }

        boolean endedAt(long now) {
            return known && now - endsAt >= 0;
        }

        /**
         * Whether one more hit may be admitted here without asking Redis: the window is known, this
         * instance holds less than its share of what is left, and an exchange is under way or happened
         * less than {@link #SHARE_EVERY} ago.
         */
        boolean mayHold(long max, long now) {
            long share = known ? (max - shared - inFlight) / LOCAL_SHARE : 0;
            return held < share && (inFlight > 0 || now - exchangedAt < SHARE_EVERY_NANOS);
        }

        /**
         * Puts this hit and every held one on their way to Redis; returns how many. Batches carrying held
         * (already admitted) hits go first: a hit sent now must not overtake them, or it could take a
         * place in the window they were promised.
         */
        long send() {
            while (heldBatchesInFlight > 0) {
                heldArrived.awaitUninterruptibly();
            }
            long sending = held + 1;
            held = 0;
            inFlight += sending;
            if (sending > 1) {
                heldBatchesInFlight++;
            }
            return sending;
        }

        /** Redis answered a batch of {@code sent} hits (null: it did not answer). */
        void answered(long sent, SharedStore.Window answer, long sentAt) {
            inFlight -= sent;
            if (sent > 1) {
                heldBatchesInFlight--;
                heldArrived.signalAll();
            }
            if (answer != null) {
                shared = Math.max(shared, answer.hits());
                endsAt = sentAt + answer.remaining().toNanos();
                exchangedAt = sentAt;
                known = true;
            }
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
        LocalWindow window = windowAt(key, now);
        long sending;
        window.lock.lock();
        try {
            if (window.mayHold(rule.limit().max(), now)) {
                window.held++;
                return Optional.of(decide(rule, window.count(), window.endsAt - now));
            }
            sending = window.send();
        } finally {
            window.lock.unlock();
        }
        return send(key, rule, window, sending, now);
    }

    /**
     * This instance's view of the window; a window it has not seen yet, or one that has ended, starts
     * empty (hits held for an ended window are dropped with it: they belong to no window any more).
     */
    private LocalWindow windowAt(String key, long now) {
        return windows.asMap().compute(key, (k, old) -> {
            if (old != null) {
                old.lock.lock();
                try {
                    if (!old.endedAt(now)) {
                        return old;
                    }
                } finally {
                    old.lock.unlock();
                }
            }
            return new LocalWindow();
        });
    }

    /**
     * Adds {@code sending} hits (this one last) to the shared window. This hit's place is the window's
     * total in Redis's answer: after every hit counted before it and the held hits it carried.
     */
    private Optional<Decision> send(String key, Rule rule, LocalWindow window, long sending, long now) {
        Optional<SharedStore.Window> answer = Optional.empty();
        long known;
        try {
            answer = store.hit(key, rule.limit().window(), sending);
        } finally {
            window.lock.lock();
            try {
                window.answered(sending, answer.orElse(null), now);
                known = window.count();
            } finally {
                window.lock.unlock();
            }
        }
        if (answer.isEmpty()) {
            windows.asMap().remove(key, window);
            return Optional.empty();
        }
        long total = answer.get().hits();
        Decision decision = decide(rule, total, answer.get().remaining().toNanos());
        long remaining = Math.max(0, rule.limit().max() - Math.max(total, known));
        return Optional.of(new Decision(rule, remaining, decision.reset(), decision.allowed()));
    }

    private Decision decide(Rule rule, long count, long resetNanos) {
        boolean allowed = count <= rule.limit().max();
        if (!allowed) {
            metrics.rateLimitRejected(rule.name());
        }
        return new Decision(
                rule, Math.max(0, rule.limit().max() - count), Duration.ofNanos(Math.max(0, resetNanos)), allowed);
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
