package com.abcdashboard.observability;

import com.abcdashboard.persistence.MongoStore;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.time.Duration;
import java.util.Optional;

/** Readiness: the instance can serve only while MongoDB answers a ping. */
public final class DatabaseCheck implements HealthCheck {
    private final MongoStore store;

    public DatabaseCheck(MongoStore store) {
        this.store = store;
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
        Optional<Duration> rtt = store.ping();
        HealthCheckResponse.Builder response = HealthCheckResponse.builder().status(rtt.isPresent());
        rtt.ifPresent(d -> response.detail("responseTimeMs", d.toMillis()));
        return response.build();
    }
}
