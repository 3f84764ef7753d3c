package com.abcdashboard.mail;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.observability.ServiceMetrics;
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
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox in the background, on one thread per instance; any number of instances may share
 * the collection. A message is claimed atomically (PENDING and due, or SENDING whose lease expired — an
 * instance that died mid-send loses nothing; the message may then go out twice, never zero times),
 * rendered, sent and marked SENT. A failure schedules a retry with exponential backoff; after the last
 * attempt, or at once when no retry can help, the message is marked FAILED. Logs name the template, the
 * recipient's domain and the error class only: variables carry one-time links.
 */
final class OutboxWorker {
    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final long BACKLOG_QUERY_TIMEOUT_MS = 2_000;

    private final MongoCollection<Document> outbox;
    private final MailTemplates templates;
    private final MailSender sender;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean lastAttemptFailed;
    private volatile boolean stopping;
    private volatile long stopDeadlineNanos;
    private Thread thread;

    OutboxWorker(
            MongoDatabase database, MailTemplates templates, MailSender sender, Clock clock, DeliveryPolicy policy) {
        this.outbox = database.getCollection(MongoMailOutbox.COLLECTION);
        this.templates = templates;
        this.sender = sender;
        this.clock = clock;
        this.policy = policy;
    }

    synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("The mail outbox worker is already started");
        }
        thread = Thread.ofPlatform().name("mail-outbox").daemon(true).start(this::loop);
    }

    /** Something was enqueued: deliver now rather than at the next poll. */
    void wake() {
        wakeUp.release();
    }

    /** Whether the most recent delivery attempt of this instance failed (cleared by the next success). */
    boolean lastAttemptFailed() {
        return lastAttemptFailed;
    }

    /**
     * Messages waiting to be sent right now: due PENDING ones and SENDING ones whose claimant went away.
     * The whole call, finding a server included, is bounded: health and metrics ask while MongoDB may be
     * away, and must not wait the driver's 5 s server selection on top of their own ping.
     */
    long backlog() {
        return outbox.withTimeout(BACKLOG_QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .countDocuments(due(Date.from(clock.instant())));
    }

    /**
     * Makes every claimed message due now, as if its lease had ended. Only for a database no other
     * process can reach, before this worker starts: then every claim is a dead process's. The message may
     * have been sent just before that process died, so it may arrive twice (at least once, as always).
     */
    long releaseAbandonedClaims() {
        long released = outbox.updateMany(eq("status", SENDING), Updates.set("lockedUntil", Date.from(clock.instant())))
                .getModifiedCount();
        if (released > 0) {
            LOG.info("Mail outbox: {} message(s) claimed by a process that stopped are due again", released);
        }
        return released;
    }

    /** Delivers every message due now on the caller's thread; returns how many were attempted. */
    int drainDue() {
        return drain(() -> true);
    }

    /**
     * Stops the loop, first sending what is due (the message in flight included) as long as {@code
     * bound} allows; returns within about {@code bound}. A send still running then is abandoned to its
     * lease: another instance, or this one after a restart, takes it over.
     */
    void stop(Duration bound) {
        Thread running;
        synchronized (this) {
            if (thread == null || stopping) {
                return;
            }
            running = thread;
            stopDeadlineNanos = System.nanoTime() + bound.toNanos();
            stopping = true;
        }
        wakeUp.release();
        try {
            if (!running.join(bound)) {
                LOG.warn(
                        "Mail outbox worker still sending after {}; that message is retried once its lease ends",
                        bound);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (true) {
            try {
                drain(this::mayClaim);
                if (stopping) {
                    return;
                }
            } catch (RuntimeException e) {
                // The database may be away for a moment; the next round tries again.
                LOG.warn("Mail outbox round failed: {}", e.getClass().getSimpleName());
                if (stopping) {
                    return;
                }
            }
            try {
                wakeUp.tryAcquire(policy.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean mayClaim() {
        return !stopping || System.nanoTime() - stopDeadlineNanos < 0;
    }

    private int drain(BooleanSupplier mayClaim) {
        int attempted = 0;
        Document claimed;
        while (mayClaim.getAsBoolean() && (claimed = claim()) != null) {
            deliver(claimed);
            attempted++;
        }
        return attempted;
    }

    private static Bson due(Date now) {
        return or(
                and(eq("status", PENDING), lte("nextAttemptAt", now)),
                and(eq("status", SENDING), lte("lockedUntil", now)));
    }

    private Document claim() {
        Instant now = clock.instant();
        return outbox.findOneAndUpdate(
                due(Date.from(now)),
                Updates.combine(
                        Updates.set("status", SENDING),
                        Updates.set("lockedUntil", Date.from(now.plus(policy.lease()))),
                        // Names this claim: a worker whose lease ran out must not overwrite its successor's outcome.
                        Updates.set("claim", new ObjectId()),
                        Updates.inc("attempts", 1)),
                new FindOneAndUpdateOptions()
                        .sort(Sorts.ascending("nextAttemptAt"))
                        .returnDocument(ReturnDocument.AFTER));
    }

    /** Records the outcome of a claim, unless another worker took the message over meanwhile. */
    private boolean settle(Document claimed, Bson outcome) {
        Bson stillOurs = and(
                eq("_id", claimed.getObjectId("_id")),
                eq("status", SENDING),
                eq("claim", claimed.getObjectId("claim")));
        boolean settled = outbox.updateOne(
                                stillOurs,
                                Updates.combine(outcome, Updates.unset("lockedUntil"), Updates.unset("claim")))
                        .getModifiedCount()
                == 1;
        if (!settled) {
            LOG.warn(
                    "Mail {} outcome dropped: its lease ended and another worker took it over",
                    claimed.getString("template"));
        }
        return settled;
    }

    private void deliver(Document message) {
        String to = message.getString("to");
        String template = message.getString("template");
        int attempts = message.getInteger("attempts", 1);
        try {
            sender.send(to, render(template, message.get("variables", Document.class)));
        } catch (UndeliverableMailException e) {
            recordFailure(message, e, true);
            return;
        } catch (Exception e) {
            recordFailure(message, e, policy.isLastAttempt(attempts));
            return;
        }
        lastAttemptFailed = false;
        if (settle(
                message,
                Updates.combine(Updates.set("status", SENT), Updates.set("sentAt", Date.from(clock.instant()))))) {
            LOG.info("Mail {} sent to a recipient at {} (attempt {})", template, domainOf(to), attempts);
            ServiceMetrics.global().mail("sent");
        }
    }

    private MailTemplates.Rendered render(String template, Document stored) throws UndeliverableMailException {
        Map<String, String> variables = new HashMap<>();
        if (stored != null) {
            stored.forEach((name, value) -> variables.put(name, String.valueOf(value)));
        }
        try {
            // An unknown name (a template renamed under stored mail) or a missing variable: a bug, not a blip.
            return templates.render(EmailMessage.Template.valueOf(String.valueOf(template)), variables);
        } catch (IllegalArgumentException e) {
            throw new UndeliverableMailException("Mail template " + template + " cannot be rendered", e);
        }
    }

    private void recordFailure(Document message, Exception e, boolean giveUp) {
        lastAttemptFailed = true;
        int attempts = message.getInteger("attempts", 1);
        Instant now = clock.instant();
        Instant next = now.plus(policy.retryDelay(attempts));
        Bson outcome = giveUp
                ? Updates.combine(Updates.set("status", FAILED), Updates.set("failedAt", Date.from(now)))
                : Updates.combine(Updates.set("status", PENDING), Updates.set("nextAttemptAt", Date.from(next)));
        if (settle(
                message,
                Updates.combine(outcome, Updates.set("lastError", e.getClass().getSimpleName())))) {
            ServiceMetrics.global().mail(giveUp ? "failed" : "retried");
            LOG.warn(
                    "Mail {} to a recipient at {} failed (attempt {}/{}): {}{}",
                    message.getString("template"),
                    domainOf(message.getString("to")),
                    attempts,
                    policy.maxAttempts(),
                    e.getClass().getSimpleName(),
                    giveUp ? "; given up" : "; next attempt at " + next);
        }
    }

    static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "?" : address.substring(at + 1);
    }
}
