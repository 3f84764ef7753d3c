package com.abcdashboard.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: after the n-th failed attempt, the n-th delay of the schedule
 * (growing roughly exponentially; {@code WEBHOOK_RETRY_SCHEDULE}, by default 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 14 h — a day and a half in all), jittered to a uniformly random point between half of it and all of it so that endpoints
 * recovering from an outage are not hit by every delivery at once. After the last delay, no more.
 */
public record RetrySchedule(List<Duration> delays) {
    public RetrySchedule {
        delays = List.copyOf(delays);
    }

    /** The next attempt after {@code attemptsMade} failed ones, or empty when the delivery is given up. */
    public Optional<Instant> next(int attemptsMade, Instant now, RandomGenerator random) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        long full = delays.get(attemptsMade - 1).toMillis();
        long half = full / 2;
        return Optional.of(now.plusMillis(half + (full - half == 0 ? 0 : random.nextLong(full - half + 1))));
    }
}
