package com.abcdashboard.observability;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Runs an expensive check at most once per interval and answers from its last result in between. The
 * deadlock check asks the JVM for every thread's monitors, which stops all threads at a safepoint: on a
 * probe polled by load balancers (or flooded) that pause would be paid by every request in flight. While
 * one caller refreshes the result, the others answer the previous one instead of queueing behind it.
 */
public final class ThrottledCheck implements HealthCheck {
    private record Result(HealthCheckResponse response, long atNanos) {}

    private final HealthCheck check;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Result last;

    public ThrottledCheck(HealthCheck check, Duration interval) {
        this(check, interval, System::nanoTime);
    }

    ThrottledCheck(HealthCheck check, Duration interval, LongSupplier nanoTime) {
        this.check = check;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public HealthCheckType type() {
        return check.type();
    }

    @Override
    public String name() {
        return check.name();
    }

    @Override
    public String path() {
        return check.path();
    }

    @Override
    public HealthCheckResponse call() {
        Result seen = last;
        if (seen != null && nanoTime.getAsLong() - seen.atNanos() < intervalNanos) {
            return seen.response();
        }
        if (seen != null && !refreshing.tryLock()) {
            return seen.response();
        }
        if (seen == null) {
            refreshing.lock();
        }
        try {
            Result current = last;
            if (current != null && current != seen && nanoTime.getAsLong() - current.atNanos() < intervalNanos) {
                return current.response();
            }
            HealthCheckResponse response = check.call();
            last = new Result(response, nanoTime.getAsLong());
            return response;
        } finally {
            refreshing.unlock();
        }
    }
}
