package com.abcdashboard.observability;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.time.Duration;
import java.util.Optional;

/** Readiness: the instance can serve only while the database (MongoDB) answers a ping. */
public final class DatabaseCheck implements HealthCheck {
    private final DatabasePing database;

    public DatabaseCheck(DatabasePing database) {
        this.database = database;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "mongodb";
    }

    @Override
    public HealthCheckResponse call() {
        Optional<Duration> rtt = database.ping();
        HealthCheckResponse.Builder response = HealthCheckResponse.builder().status(rtt.isPresent());
        rtt.ifPresent(d -> response.detail("responseTimeMs", d.toMillis()));
        return response.build();
    }
}
