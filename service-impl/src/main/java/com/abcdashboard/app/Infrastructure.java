package com.abcdashboard.app;

import com.abcdashboard.cache.MemoryStore;
import com.abcdashboard.cache.RedisStore;
import com.abcdashboard.cache.ResilientStore;
import com.abcdashboard.cache.SharedStore;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.mail.MailOutbox;
import com.abcdashboard.mail.DeliveryPolicy;
import com.abcdashboard.mail.MailTransport;
import com.abcdashboard.mail.OutboxWorker;
import com.abcdashboard.mail.SmtpMailSender;
import com.abcdashboard.mail.StoredMailOutbox;
import com.abcdashboard.observability.MeteredAuditLog;
import com.abcdashboard.observability.MeteredPasswordHasher;
import com.abcdashboard.observability.MongoPoolGauges;
import com.abcdashboard.observability.ServiceMetrics;
import com.abcdashboard.persistence.EmbeddedCapacity;
import com.abcdashboard.persistence.MongoAuditLog;
import com.abcdashboard.persistence.MongoLinkRequests;
import com.abcdashboard.persistence.MongoOutboxStore;
import com.abcdashboard.persistence.MongoPendingUserEvents;
import com.abcdashboard.persistence.MongoStore;
import com.abcdashboard.persistence.MongoWebhookStore;
import com.abcdashboard.security.BcryptPasswordHasher;
import com.abcdashboard.security.OffloadedPasswordHasher;
import com.abcdashboard.webhooks.EventRelay;
import com.abcdashboard.webhooks.RetrySchedule;
import com.abcdashboard.webhooks.TargetAddresses;
import com.abcdashboard.webhooks.UserEventPayloads;
import com.abcdashboard.webhooks.WebhookDeliveryWorker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the use cases stand on and what has a lifecycle: the database (migrated), the shared store (Redis
 * or memory), mail, the password hasher's threads and the background link requests. {@link #open} starts
 * them in order and closes what it started if a later one fails; {@link #close()} stops them in reverse.
 */
final class Infrastructure implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);
    /** How often an unreachable Redis is tried again. */
    private static final Duration SHARED_STORE_PROBE = Duration.ofSeconds(1);

    final Clock clock;
    final ServiceMetrics metrics;
    final MongoStore store;
    final ResilientStore shared;
    final MailTransport mailTransport;
    final OutboxWorker mailWorker;
    final MailOutbox mail;
    final OffloadedPasswordHasher passwords;
    final MongoLinkRequests linkRequests;
    final Webhooks webhooks;

    /** The webhook side: the endpoints' store, the SSRF rule, the delivery worker and the event relay. */
    record Webhooks(MongoWebhookStore store, TargetAddresses targets, WebhookDeliveryWorker worker, EventRelay relay) {}

    private Infrastructure(
            Clock clock,
            ServiceMetrics metrics,
            MongoStore store,
            ResilientStore shared,
            MailTransport mailTransport,
            OutboxWorker mailWorker,
            MailOutbox mail,
            OffloadedPasswordHasher passwords,
            MongoLinkRequests linkRequests,
            Webhooks webhooks) {
        this.clock = clock;
        this.metrics = metrics;
        this.store = store;
        this.shared = shared;
        this.mailTransport = mailTransport;
        this.mailWorker = mailWorker;
        this.mail = mail;
        this.passwords = passwords;
        this.linkRequests = linkRequests;
        this.webhooks = webhooks;
    }

    static Infrastructure open(AppConfig config, Clock clock, ServiceMetrics metrics) {
        MongoStore store = MongoStore.open(config.mongo(), List.of(new MongoPoolGauges(metrics, "main")));
        MailTransport mailTransport = null;
        OutboxWorker mailWorker = null;
        OffloadedPasswordHasher passwords = null;
        Webhooks webhooks = null;
        ResilientStore shared = sharedStore(config, clock);
        try {
            // Pending migrations (indexes included) and the first admin, under the migration lock.
            DatabaseSetup.migrate(config, store.database(), clock, System.out);
            if (store.isEmbedded()) {
                EmbeddedCapacity.warnIfOutgrown(store.database(), EmbeddedCapacity.COMFORTABLE_USERS);
            }
            // Mail: stored in the outbox by the request, delivered over SMTP by the worker's thread.
            MongoOutboxStore outboxStore = new MongoOutboxStore(store.database());
            outboxStore.createIndexes();
            mailTransport = MailTransport.open(config);
            mailWorker = new OutboxWorker(
                    outboxStore, new SmtpMailSender(mailTransport.smtp()), clock, DeliveryPolicy.DEFAULT);
            if (store.isEmbedded()) {
                // No other process reaches the embedded store: a claim left unsettled is a dead process's.
                mailWorker.releaseAbandonedClaims();
            }
            mailWorker.start();
            MailOutbox mail = new StoredMailOutbox(outboxStore, clock, mailWorker::wake);
            metrics.gauge("mail.queued", "Mail messages due for delivery now", mailWorker::backlogOrUnknown);
            // bcrypt on its own threads: a sign-in flood must not hold the request threads' carriers.
            passwords = new OffloadedPasswordHasher(
                    new MeteredPasswordHasher(new BcryptPasswordHasher(config.security()), metrics));
            // Forgot-password and resend-verification store a request and answer; the account-specific
            // work (lookup, token, outbox) runs in the background (started with the use cases), so
            // their time tells nothing.
            MongoLinkRequests linkRequests = new MongoLinkRequests(store.database(), clock);
            linkRequests.createIndexes();
            webhooks = webhooks(config, store, clock, metrics);
            return new Infrastructure(
                    clock, metrics, store, shared, mailTransport, mailWorker, mail, passwords, linkRequests, webhooks);
        } catch (RuntimeException e) {
            if (webhooks != null) {
                webhooks.relay().stop();
                webhooks.worker().stop();
            }
            if (passwords != null) {
                passwords.close();
            }
            if (mailWorker != null) {
                mailWorker.stop();
            }
            if (mailTransport != null) {
                mailTransport.close();
            }
            shared.close();
            store.close();
            throw e;
        }
    }

    /**
     * Webhooks: deliveries attempted by this instance's worker; events written into the changed accounts
     * handed to deliveries by its relay (at once for this instance's writes, by a sweep for the rest).
     */
    private static Webhooks webhooks(AppConfig config, MongoStore store, Clock clock, ServiceMetrics metrics) {
        AppConfig.Webhooks settings = config.webhooks();
        MongoWebhookStore webhookStore = new MongoWebhookStore(store.database());
        webhookStore.createIndexes();
        TargetAddresses targets = new TargetAddresses(settings.allowHttp(), settings.allowPrivateTargets());
        WebhookDeliveryWorker worker = new WebhookDeliveryWorker(
                webhookStore,
                targets,
                new MeteredAuditLog(new MongoAuditLog(store.database()), metrics),
                metrics,
                clock,
                new WebhookDeliveryWorker.Settings(
                        settings.connectTimeout(),
                        settings.requestTimeout(),
                        new RetrySchedule(settings.retrySchedule()),
                        settings.disableAfterFailures(),
                        settings.pollInterval()),
                RandomGenerator.getDefault());
        if (store.isEmbedded()) {
            // No other process reaches the embedded store: a claim left unsettled is a dead process's.
            worker.releaseAbandonedClaims();
        }
        worker.start();
        EventRelay relay = new EventRelay(
                new MongoPendingUserEvents(store.database()),
                webhookStore,
                new UserEventPayloads(StrictJson.objectMapper()),
                worker::wake,
                clock,
                settings.relaySweepInterval());
        relay.start();
        metrics.gauge(
                "webhook.deliveries.due",
                "Webhook deliveries due now (-1: the database cannot say)",
                worker::backlogOrUnknown);
        return new Webhooks(webhookStore, targets, worker, relay);
    }

    /** Redis when {@code REDIS_URL} is set, else in-process (one instance only); health names which. */
    private static ResilientStore sharedStore(AppConfig config, Clock clock) {
        SharedStore store = config.cache()
                .redisUrl()
                .<SharedStore>map(url -> RedisStore.connect(
                        url,
                        config.cache().keyPrefix(),
                        config.cache().localMaxEntries(),
                        config.cache().localTtl(),
                        SHARED_STORE_PROBE))
                .orElseGet(() -> new MemoryStore(clock));
        LOG.info("Cache, rate limits and shared state: {}", store.kind());
        return new ResilientStore(store, SHARED_STORE_PROBE);
    }

    /** In reverse order of opening; the link-request worker stops before the mail it feeds. */
    @Override
    public void close() {
        webhooks.relay().stop();
        webhooks.worker().stop();
        passwords.close();
        linkRequests.close();
        mailWorker.stop(); // sends what is due, within its bound
        mailTransport.close();
        shared.close();
        store.close();
    }
}
