package com.abcdashboard.mail;

import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.OutboxStore;
import com.abcdashboard.domain.mail.OutboxStore.Claimed;
import com.abcdashboard.observability.ServiceMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
public final class OutboxWorker {
    /** How long {@link #stop()} lets the worker send what is due. */
    public static final Duration STOP_BOUND = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private final OutboxStore outbox;
    private final MailTemplates templates = new MailTemplates();
    private final MailSender sender;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean lastAttemptFailed;
    private volatile boolean stopping;
    private volatile long stopDeadlineNanos;
    private Thread thread;

    public OutboxWorker(OutboxStore outbox, MailSender sender, Clock clock, DeliveryPolicy policy) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.policy = policy;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("The mail outbox worker is already started");
        }
        thread = Thread.ofPlatform().name("mail-outbox").daemon(true).start(this::loop);
    }

    /** Something was enqueued: deliver now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    /** Whether the most recent delivery attempt of this instance failed (cleared by the next success). */
    boolean lastAttemptFailed() {
        return lastAttemptFailed;
    }

    /**
     * Messages waiting to be sent right now: due PENDING ones and claimed ones whose claimant went away
     * (bounded in time by the store).
     */
    long backlog() {
        return outbox.countDue(clock.instant());
    }

    /**
     * Makes every claimed message due now, as if its lease had ended. Only for a database no other
     * process can reach, before this worker starts: then every claim is a dead process's. The message may
     * have been sent just before that process died, so it may arrive twice (at least once, as always).
     */
    public long releaseAbandonedClaims() {
        long released = outbox.releaseClaims(clock.instant());
        if (released > 0) {
            LOG.info("Mail outbox: {} message(s) claimed by a process that stopped are due again", released);
        }
        return released;
    }

    /** Messages due for delivery now, or -1 when the database cannot say (a gauge must not fail a scrape). */
    public long backlogOrUnknown() {
        try {
            return backlog();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Delivers every message due now on the caller's thread; returns how many were attempted. */
    public int drainDue() {
        return drain(() -> true);
    }

    /** {@link #stop(Duration)} within {@link #STOP_BOUND}. */
    public void stop() {
        stop(STOP_BOUND);
    }

    /**
     * Stops the loop, first sending what is due (the message in flight included) as long as {@code
     * bound} allows; returns within about {@code bound}. A send still running then is abandoned to its
     * lease: another instance, or this one after a restart, takes it over.
     */
    public void stop(Duration bound) {
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
        Optional<Claimed> claimed;
        while (mayClaim.getAsBoolean() && (claimed = outbox.claimDue(clock.instant(), policy.lease())).isPresent()) {
            deliver(claimed.get());
            attempted++;
        }
        return attempted;
    }

    private void deliver(Claimed message) {
        try {
            sender.send(message.to(), render(message));
        } catch (UndeliverableMailException e) {
            recordFailure(message, e, true);
            return;
        } catch (Exception e) {
            recordFailure(message, e, policy.isLastAttempt(message.attempts()));
            return;
        }
        lastAttemptFailed = false;
        if (settled(message, outbox.markSent(message, clock.instant()))) {
            LOG.info(
                    "Mail {} sent to a recipient at {} (attempt {})",
                    message.template(),
                    domainOf(message.to()),
                    message.attempts());
            ServiceMetrics.global().mail("sent");
        }
    }

    private MailTemplates.Rendered render(Claimed message) throws UndeliverableMailException {
        try {
            // An unknown name (a template renamed under stored mail) or a missing variable: a bug, not a blip.
            return templates.render(EmailMessage.Template.valueOf(message.template()), message.variables());
        } catch (IllegalArgumentException e) {
            throw new UndeliverableMailException("Mail template " + message.template() + " cannot be rendered", e);
        }
    }

    private void recordFailure(Claimed message, Exception e, boolean giveUp) {
        lastAttemptFailed = true;
        Instant now = clock.instant();
        Instant next = now.plus(policy.retryDelay(message.attempts()));
        String error = e.getClass().getSimpleName();
        boolean recorded = giveUp ? outbox.markFailed(message, now, error) : outbox.retryAt(message, next, error);
        if (settled(message, recorded)) {
            ServiceMetrics.global().mail(giveUp ? "failed" : "retried");
            LOG.warn(
                    "Mail {} to a recipient at {} failed (attempt {}/{}): {}{}",
                    message.template(),
                    domainOf(message.to()),
                    message.attempts(),
                    policy.maxAttempts(),
                    error,
                    giveUp ? "; given up" : "; next attempt at " + next);
        }
    }

    /** Whether the outcome was recorded; when not, another worker took the message over after its lease ended. */
    private static boolean settled(Claimed message, boolean recorded) {
        if (!recorded) {
            LOG.warn("Mail {} outcome dropped: its lease ended and another worker took it over", message.template());
        }
        return recorded;
    }

    static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "?" : address.substring(at + 1);
    }
}
