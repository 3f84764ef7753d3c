package com.abcdashboard.observability;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the instance is in its life: ready only between the end of start-up and the beginning of
 * shutdown. Doubles as the readiness check that reports it.
 */
public final class Lifecycle implements HealthCheck {
    public enum Phase {
        STARTING,
        RUNNING,
        STOPPING
    }

    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.STARTING);

    public void running() {
        phase.set(Phase.RUNNING);
    }

    public void stopping() {
        phase.set(Phase.STOPPING);
    }

    /** Moves to STOPPING; true only for the one caller that made the move (shutdown runs once). */
    public boolean beginStopping() {
        return phase.getAndSet(Phase.STOPPING) != Phase.STOPPING;
    }

    public Phase phase() {
        return phase.get();
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "lifecycle";
    }

    @Override
    public HealthCheckResponse call() {
        Phase current = phase.get();
        return HealthCheckResponse.builder()
                .status(current == Phase.RUNNING)
                .detail("phase", current.name().toLowerCase(java.util.Locale.ROOT))
                .build();
    }
}
