package com.abcdashboard.mail;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.AppEnvironment;
import com.abcdashboard.domain.mail.MailOutbox;
import com.abcdashboard.observability.HealthReporter.ServiceState;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything mail, started in one call: the outbox the domain writes to, the worker that delivers it
 * over SMTP (to EMAIL_HOST, or to the in-process capture server in development and tests), and the
 * health state the report shows.
 */
public final class MailModule implements AutoCloseable {
    static final int MAX_ATTEMPTS = 8;
    /** Fixed in development so a mail client can stay configured; free ports in tests. */
    private static final int DEV_SMTP_PORT = 3025;

    private static final int DEV_IMAP_PORT = 3143;
    private static final long BACKLOG_DEGRADED = 100;

    private final MongoMailOutbox outbox;
    private final OutboxWorker worker;
    private final Optional<DevMailServer> devServer;

    private MailModule(MongoMailOutbox outbox, OutboxWorker worker, Optional<DevMailServer> devServer) {
        this.outbox = outbox;
        this.worker = worker;
        this.devServer = devServer;
    }

    public static MailModule start(AppConfig config, MongoDatabase database, Clock clock) {
        Optional<DevMailServer> dev = Optional.empty();
        String host;
        int port;
        if (config.email().capturesInProcess()) {
            boolean fixed = config.environment() == AppEnvironment.DEVELOPMENT;
            DevMailServer server = startDevServer(fixed);
            dev = Optional.of(server);
            host = "127.0.0.1";
            port = server.smtpPort();
        } else {
            host = config.email().host().orElseThrow();
            port = config.email().port();
        }
        MailTemplates templates = new MailTemplates();
        OutboxWorker[] worker = new OutboxWorker[1];
        MongoMailOutbox outbox = new MongoMailOutbox(database, clock, () -> worker[0].wake());
        outbox.createIndexes();
        AppConfig.Email emailConfig = config.email().capturesInProcess()
                ? new AppConfig.Email(
                        Optional.of(host),
                        port,
                        false,
                        Optional.empty(),
                        Optional.empty(),
                        config.email().fromAddress(),
                        config.email().fromName())
                : config.email();
        worker[0] =
                new OutboxWorker(database, templates, new SmtpMailSender(host, port, emailConfig), clock, MAX_ATTEMPTS);
        worker[0].start();
        return new MailModule(outbox, worker[0], dev);
    }

    private static DevMailServer startDevServer(boolean fixedPorts) {
        if (fixedPorts) {
            try {
                return DevMailServer.start(DEV_SMTP_PORT, DEV_IMAP_PORT);
            } catch (RuntimeException portsTaken) {
                // Another instance holds the development ports: capture on free ones instead.
            }
        }
        return DevMailServer.start(0, 0);
    }

    public MailOutbox outbox() {
        return outbox;
    }

    public Optional<DevMailServer> devServer() {
        return devServer;
    }

    /** {@code smtp} or {@code dev-capture}; degraded while deliveries fail or the due backlog is large. */
    public Supplier<ServiceState> health() {
        String mode = devServer.isPresent() ? "dev-capture" : "smtp";
        return () -> {
            boolean degraded;
            try {
                degraded = worker.lastDeliveryFailed() || worker.backlog() > BACKLOG_DEGRADED;
            } catch (RuntimeException databaseAway) {
                degraded = true;
            }
            return new ServiceState(mode, degraded);
        };
    }

    /** Delivers what is due right now on the caller's thread (shutdown flush and tests). */
    public int deliverDueNow() {
        return worker.drainDue();
    }

    @Override
    public void close() {
        worker.stop(Duration.ofSeconds(5));
        devServer.ifPresent(DevMailServer::close);
    }
}
