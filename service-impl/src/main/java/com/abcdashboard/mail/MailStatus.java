package com.abcdashboard.mail;

import com.abcdashboard.observability.HealthReporter.ServiceState;
import java.util.function.Supplier;

/**
 * Mail's line in the health report: the mode ({@code smtp}, or {@code dev-capture} when the in-process
 * server receives the mail) and whether delivery is degraded — the last attempt of this instance failed,
 * or more than {@code backlogThreshold} messages are waiting to be sent now. Degraded mail never makes the
 * service unhealthy: requests still succeed, the outbox keeps the messages.
 */
public record MailStatus(String mode, OutboxWorker worker, long backlogThreshold) implements Supplier<ServiceState> {
    static final String SMTP = "smtp";
    static final String DEV_CAPTURE = "dev-capture";
    public static final long DEFAULT_BACKLOG_THRESHOLD = 100;

    @Override
    public ServiceState get() {
        return new ServiceState(mode, degraded());
    }

    private boolean degraded() {
        if (worker.lastAttemptFailed()) {
            return true;
        }
        try {
            return worker.backlog() > backlogThreshold;
        } catch (RuntimeException databaseAway) {
            // The database check reports the outage itself; mail cannot be delivered meanwhile.
            return true;
        }
    }
}
