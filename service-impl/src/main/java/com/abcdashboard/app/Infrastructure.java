package com.abcdashboard.app;

import com.abcdashboard.cache.MemoryStore;
import com.abcdashboard.cache.RedisStore;
import com.abcdashboard.cache.ResilientStore;
import com.abcdashboard.cache.SharedStore;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.mail.MailModule;
import com.abcdashboard.observability.MeteredPasswordHasher;
import com.abcdashboard.observability.MongoPoolGauges;
import com.abcdashboard.observability.ServiceMetrics;
import com.abcdashboard.persistence.EmbeddedCapacity;
import com.abcdashboard.persistence.MongoLinkRequests;
import com.abcdashboard.persistence.MongoOutboxStore;
import com.abcdashboard.persistence.MongoStore;
import com.abcdashboard.security.BcryptPasswordHasher;
import com.abcdashboard.security.OffloadedPasswordHasher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
    final MailModule mail;
    final OffloadedPasswordHasher passwords;
    final MongoLinkRequests linkRequests;

    private Infrastructure(
            Clock clock,
            ServiceMetrics metrics,
            MongoStore store,
            ResilientStore shared,
            MailModule mail,
            OffloadedPasswordHasher passwords,
            MongoLinkRequests linkRequests) {
        this.clock = clock;
        this.metrics = metrics;
        this.store = store;
        this.shared = shared;
        this.mail = mail;
        this.passwords = passwords;
        this.linkRequests = linkRequests;
    }

    static Infrastructure open(AppConfig config, Clock clock, ServiceMetrics metrics) {
        MongoStore store = MongoStore.open(config.mongo(), List.of(new MongoPoolGauges(metrics, "main")));
        MailModule mail = null;
        OffloadedPasswordHasher passwords = null;
        ResilientStore shared = sharedStore(config, clock);
        try {
            // Pending migrations (indexes included) and the first admin, under the migration lock.
            DatabaseSetup.migrate(config, store.database(), clock, System.out);
            if (store.isEmbedded()) {
                EmbeddedCapacity.warnIfOutgrown(store.database(), EmbeddedCapacity.COMFORTABLE_USERS);
            }
            MongoOutboxStore outboxStore = new MongoOutboxStore(store.database());
            outboxStore.createIndexes();
            mail = MailModule.start(config, outboxStore, clock, store.isEmbedded());
            metrics.gauge("mail.queued", "Mail messages due for delivery now", mail::backlog);
            // bcrypt on its own threads: a sign-in flood must not hold the request threads' carriers.
            passwords = new OffloadedPasswordHasher(
                    new MeteredPasswordHasher(new BcryptPasswordHasher(config.security()), metrics));
            // Forgot-password and resend-verification store a request and answer; the account-specific
            // work (lookup, token, outbox) runs in the background (started with the use cases), so
            // their time tells nothing.
            MongoLinkRequests linkRequests = new MongoLinkRequests(store.database(), clock);
            linkRequests.createIndexes();
            return new Infrastructure(clock, metrics, store, shared, mail, passwords, linkRequests);
        } catch (RuntimeException e) {
            if (passwords != null) {
                passwords.close();
            }
            if (mail != null) {
                mail.close();
            }
            shared.close();
            store.close();
            throw e;
        }
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
        passwords.close();
        linkRequests.close();
        mail.close();
        shared.close();
        store.close();
    }
}
