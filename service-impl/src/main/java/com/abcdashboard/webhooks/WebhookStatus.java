package com.abcdashboard.webhooks;

import com.abcdashboard.domain.webhook.WebhookStore;
import com.abcdashboard.observability.HealthReporter.ServiceState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Webhooks' line in the health report: {@code backlogged} (degraded) while a delivery has been due for
 * longer than {@code overdueAfter} — the workers do not keep up, or none runs — or more than {@code
 * failedPerHour} deliveries were given up in the last hour (receivers are failing). Degraded webhooks
 * never make the service unhealthy: the deliveries wait in the store.
 */
public record WebhookStatus(WebhookStore store, Clock clock, Duration overdueAfter, long failedPerHour)
        implements Supplier<ServiceState> {
    static final String DELIVERING = "delivering";
    static final String BACKLOGGED = "backlogged";
    static final String UNAVAILABLE = "unavailable";

    @Override
    public ServiceState get() {
        Instant now = clock.instant();
        try {
            boolean backlogged = store.countOverdue(now.minus(overdueAfter)) > 0
                    || store.countFailedSince(now.minus(Duration.ofHours(1))) > failedPerHour;
            return new ServiceState(backlogged ? BACKLOGGED : DELIVERING, backlogged);
        } catch (RuntimeException databaseAway) {
            // The database check reports the outage itself.
            return new ServiceState(UNAVAILABLE, true);
        }
    }
}
