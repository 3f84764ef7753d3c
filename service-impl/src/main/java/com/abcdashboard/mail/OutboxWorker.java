package com.abcdashboard.mail;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.abcdashboard.domain.mail.EmailMessage;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox in the background. A message is claimed atomically (PENDING and due, or SENDING
 * with an expired lease — a crash mid-send loses nothing), sent, and marked SENT; a failure schedules a
 * retry with exponential backoff, and after {@code maxAttempts} the message is marked FAILED. Logs name
 * the template and the recipient's domain only: variables carry one-time links.
 */
final class OutboxWorker implements AutoCloseable {
    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY = Duration.ofHours(1);

    private final MongoCollection<Document> outbox;
    private final MailTemplates templates;
    private final MailSender sender;
    private final Clock clock;
    private final int maxAttempts;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean lastDeliveryFailed = new AtomicBoolean();
    private Thread thread;

    OutboxWorker(MongoDatabase database, MailTemplates templates, MailSender sender, Clock clock, int maxAttempts) {
        this.outbox = database.getCollection(MongoMailOutbox.COLLECTION);
        this.templates = templates;
        this.sender = sender;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    void start() {
        running.set(true);
        thread = Thread.ofPlatform().name("mail-outbox").daemon(true).start(this::loop);
    }

    void wake() {
        wakeUp.release();
    }

    boolean lastDeliveryFailed() {
        return lastDeliveryFailed.get();
    }

    /** Messages due now (PENDING whose time has come), for health. */
    long backlog() {
        return outbox.countDocuments(and(eq("status", PENDING), lte("nextAttemptAt", Date.from(clock.instant()))));
    }

    private void loop() {
        while (running.get()) {
            try {
                drainDue();
                wakeUp.tryAcquire(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be away for a moment; the next round tries again.
                LOG.warn("Mail outbox round failed: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    /** Delivers every message due now; returns how many were attempted. */
    int drainDue() {
        int attempted = 0;
        Document claimed;
        while ((claimed = claim()) != null) {
            deliver(claimed);
            attempted++;
        }
        return attempted;
    }

    private Document claim() {
        Date now = Date.from(clock.instant());
        Bson due = or(
                and(eq("status", PENDING), lte("nextAttemptAt", now)),
                and(eq("status", SENDING), lte("lockedUntil", now)));
        return outbox.findOneAndUpdate(
                due,
                Updates.combine(
                        Updates.set("status", SENDING),
                        Updates.set("lockedUntil", Date.from(clock.instant().plus(LEASE))),
                        Updates.inc("attempts", 1)),
                new FindOneAndUpdateOptions()
                        .sort(Sorts.ascending("nextAttemptAt"))
                        .returnDocument(ReturnDocument.AFTER));
    }

    private void deliver(Document message) {
        String to = message.getString("to");
        String template = message.getString("template");
        int attempts = message.getInteger("attempts", 1);
        try {
            Map<String, String> variables = new HashMap<>();
            message.get("variables", Document.class).forEach((k, v) -> variables.put(k, String.valueOf(v)));
            sender.send(to, templates.render(EmailMessage.Template.valueOf(template), variables));
            outbox.updateOne(
                    eq("_id", message.getObjectId("_id")),
                    Updates.combine(
                            Updates.set("status", SENT),
                            Updates.set("sentAt", Date.from(clock.instant())),
                            Updates.unset("lockedUntil")));
            lastDeliveryFailed.set(false);
            LOG.info("Mail {} sent to a recipient at {}", template, domainOf(to));
        } catch (Exception e) {
            lastDeliveryFailed.set(true);
            boolean giveUp = attempts >= maxAttempts;
            Instant next = clock.instant().plus(backoff(attempts));
            outbox.updateOne(
                    eq("_id", message.getObjectId("_id")),
                    Updates.combine(
                            Updates.set("status", giveUp ? FAILED : PENDING),
                            Updates.set("nextAttemptAt", Date.from(next)),
                            Updates.set("lastError", e.getClass().getSimpleName()),
                            Updates.unset("lockedUntil")));
            LOG.warn(
                    "Mail {} to a recipient at {} failed (attempt {}/{}): {}{}",
                    template,
                    domainOf(to),
                    attempts,
                    maxAttempts,
                    e.getClass().getSimpleName(),
                    giveUp ? "; giving up" : "; retry at " + next);
        }
    }

    static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 16));
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "?" : address.substring(at + 1);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the message in flight; gives the loop at most {@code bound} to finish. */
    void stop(Duration bound) {
        running.set(false);
        wakeUp.release();
        if (thread != null) {
            try {
                thread.join(bound.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
