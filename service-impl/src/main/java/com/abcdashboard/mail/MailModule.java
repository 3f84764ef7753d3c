package com.abcdashboard.mail;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.AppEnvironment;
import com.abcdashboard.domain.mail.MailOutbox;
import com.abcdashboard.domain.mail.OutboxStore;
import com.abcdashboard.observability.HealthReporter.ServiceState;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything mail, started in one call: the outbox the domain writes to, the worker that delivers it
 * over SMTP (to EMAIL_HOST, or to the in-process capture server in development and tests), and the
 * health state the report shows. {@link #close()} lets the worker finish what is due (bounded), then
 * stops the capture server.
 */
public final class MailModule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailModule.class);
    /** Fixed in development so a mail client can stay configured; free ports in tests. */
    static final int DEV_SMTP_PORT = 3025;

    static final int DEV_IMAP_PORT = 3143;
    static final Duration CLOSE_FLUSH_BOUND = Duration.ofSeconds(5);

    private final MailOutbox outbox;
    private final OutboxWorker worker;
    private final MailStatus status;
    private final Optional<DevMailServer> devServer;

    private MailModule(MailOutbox outbox, OutboxWorker worker, MailStatus status, Optional<DevMailServer> devServer) {
        this.outbox = outbox;
        this.worker = worker;
        this.status = status;
        this.devServer = devServer;
    }

    public static MailModule start(AppConfig config, OutboxStore store, Clock clock) {
        return start(config, store, clock, false);
    }

    /**
     * @param onlyInstance no other process can reach {@code store} (the embedded store, which one
     *     process holds at a time): a message claimed but not settled was abandoned by a process that died,
     *     and is sent again at once instead of when its lease ends (up to two minutes later)
     */
    public static MailModule start(AppConfig config, OutboxStore store, Clock clock, boolean onlyInstance) {
        return start(config, store, clock, DeliveryPolicy.DEFAULT, onlyInstance);
    }

    static MailModule start(AppConfig config, OutboxStore store, Clock clock, DeliveryPolicy policy) {
        return start(config, store, clock, policy, false);
    }

    static MailModule start(
            AppConfig config, OutboxStore store, Clock clock, DeliveryPolicy policy, boolean onlyInstance) {
        Optional<DevMailServer> devServer = config.email().capturesInProcess()
                ? Optional.of(startDevServer(config.environment() == AppEnvironment.DEVELOPMENT))
                : Optional.empty();
        try {
            AppConfig.Email smtp =
                    devServer.map(dev -> towards(dev, config.email())).orElse(config.email());
            OutboxWorker worker = new OutboxWorker(store, new MailTemplates(), new SmtpMailSender(smtp), clock, policy);
            MailOutbox outbox = new StoredMailOutbox(store, clock, worker::wake);
            MailStatus status = new MailStatus(
                    devServer.isPresent() ? MailStatus.DEV_CAPTURE : MailStatus.SMTP,
                    worker,
                    MailStatus.DEFAULT_BACKLOG_THRESHOLD);
            if (onlyInstance) {
                worker.releaseAbandonedClaims();
            }
            worker.start();
            return new MailModule(outbox, worker, status, devServer);
        } catch (RuntimeException e) {
            devServer.ifPresent(DevMailServer::close);
            throw e;
        }
    }

    private static DevMailServer startDevServer(boolean fixedPorts) {
        if (fixedPorts) {
            try {
                return DevMailServer.start(DEV_SMTP_PORT, DEV_IMAP_PORT);
            } catch (IllegalStateException portsTaken) {
                LOG.warn(
                        "Development mail ports {}/{} are taken (another instance?); capturing on free ports",
                        DEV_SMTP_PORT,
                        DEV_IMAP_PORT);
            }
        }
        return DevMailServer.start(0, 0);
    }

    /** Plain SMTP to the capture server on loopback, keeping the configured sender. */
    private static AppConfig.Email towards(DevMailServer dev, AppConfig.Email configured) {
        return new AppConfig.Email(
                Optional.of(DevMailServer.HOST),
                dev.smtpPort(),
                false,
                Optional.empty(),
                Optional.empty(),
                configured.fromAddress(),
                configured.fromName());
    }

    public MailOutbox outbox() {
        return outbox;
    }

    /** The capture server, when mail is captured in-process (development and tests). */
    public Optional<DevMailServer> devServer() {
        return devServer;
    }

    /** Mail's state for the health report: {@code smtp} or {@code dev-capture}, degraded or not. */
    public Supplier<ServiceState> health() {
        return status;
    }

    /** Delivers what is due right now on the caller's thread (tests that move the clock). */
    /** Messages due for delivery now, or -1 when the database cannot say (a gauge must not fail a scrape). */
    public long backlog() {
        try {
            return worker.backlog();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    public int deliverDueNow() {
        return worker.drainDue();
    }

    @Override
    public void close() {
        worker.stop(CLOSE_FLUSH_BOUND);
        devServer.ifPresent(DevMailServer::close);
    }
}
