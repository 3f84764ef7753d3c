package com.abcdashboard.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the detailed health report from real checks: a MongoDB round trip, JVM heap use, and the
 * state the mail and cache components report of themselves.
 */
public final class HealthReporter {
    public enum Status {
        HEALTHY,
        DEGRADED,
        UNHEALTHY
    }

    public record Memory(long used, long total, double percentage) {}

    public record Database(boolean connected, Optional<Duration> responseTime) {}

    public record Report(
            Status status,
            Instant timestamp,
            String version,
            double uptimeSeconds,
            Memory memory,
            Database database,
            ServiceState email,
            ServiceState cache,
            ServiceState webhooks) {}

    /** How a supporting service (mail, cache) is doing; {@code degraded} marks the whole report degraded. */
    public record ServiceState(String mode, boolean degraded) {}

    private final DatabasePing database;
    private final Clock clock;
    private final Instant startedAt;
    private final String version;
    private final Supplier<ServiceState> email;
    private final Supplier<ServiceState> cache;
    private final Supplier<ServiceState> webhooks;

    public HealthReporter(
            DatabasePing database,
            Clock clock,
            String version,
            Supplier<ServiceState> email,
            Supplier<ServiceState> cache,
            Supplier<ServiceState> webhooks) {
        this.database = database;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.version = version;
        this.email = email;
        this.cache = cache;
        this.webhooks = webhooks;
    }

    /** A state that is read from the database, while the database does not answer. */
    static final ServiceState READ_FROM_ABSENT_DATABASE = new ServiceState("unavailable", true);

    public Report report() {
        Optional<Duration> ping = database.ping();
        ServiceState emailState = email.get();
        ServiceState cacheState = cache.get();
        // Read from the database: asked only while it answers, or every query would wait out the driver's
        // server selection on top of the ping (the report took 6 s in an outage; monitors give up at 5 s).
        ServiceState webhooksState = ping.isPresent() ? webhooks.get() : READ_FROM_ABSENT_DATABASE;
        Status status = ping.isEmpty()
                ? Status.UNHEALTHY
                : (emailState.degraded() || cacheState.degraded() || webhooksState.degraded())
                        ? Status.DEGRADED
                        : Status.HEALTHY;
        Instant now = clock.instant();
        return new Report(
                status,
                now,
                version,
                Duration.between(startedAt, now).toMillis() / 1000.0,
                memory(),
                new Database(ping.isPresent(), ping),
                emailState,
                cacheState,
                webhooksState);
    }

    private static Memory memory() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long total = rt.maxMemory();
        double percentage = Math.round(used * 10000.0 / total) / 100.0;
        return new Memory(used, total, percentage);
    }
}
