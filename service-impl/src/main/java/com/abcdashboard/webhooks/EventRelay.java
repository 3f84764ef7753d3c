package com.abcdashboard.webhooks;

import com.abcdashboard.domain.user.PendingUserEvent;
import com.abcdashboard.domain.user.PendingUserEvents;
import com.abcdashboard.domain.webhook.Webhook;
import com.abcdashboard.domain.webhook.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the events recorded in the changed accounts into webhook deliveries: one per active endpoint
 * subscribed to the event (queued idempotently, keyed by event and endpoint), then removes the event from
 * its account. An account written by this instance is handed over at once ({@link #recorded}); a sweep
 * every {@code sweepInterval} takes whatever is left — events of a process that died between the change
 * and the relay, or of a relay round that failed. Any number of instances may relay at once: a second
 * hand-over of the same event queues nothing new.
 */
public final class EventRelay {
    private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);
    /** Accounts taken per sweep; the next sweep takes the rest. */
    static final int SWEEP_BATCH = 200;

    private final PendingUserEvents pending;
    private final WebhookStore store;
    private final UserEventPayloads payloads;
    private final Runnable deliveriesQueued;
    private final Clock clock;
    private final Duration sweepInterval;
    private final LinkedBlockingQueue<String> recorded = new LinkedBlockingQueue<>();
    private volatile boolean stopping;
    private Thread thread;

    public EventRelay(
            PendingUserEvents pending,
            WebhookStore store,
            UserEventPayloads payloads,
            Runnable deliveriesQueued,
            Clock clock,
            Duration sweepInterval) {
        this.pending = pending;
        this.store = store;
        this.payloads = payloads;
        this.deliveriesQueued = deliveriesQueued;
        this.clock = clock;
        this.sweepInterval = sweepInterval;
    }

    /** The account's write recorded events: relay them now rather than at the next sweep. */
    public void recorded(String userId) {
        recorded.offer(userId);
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("The webhook event relay is already started");
        }
        thread = Thread.ofPlatform().name("webhook-relay").daemon(true).start(this::loop);
    }

    /** Stops the loop; what is left stays in the accounts for the next sweep of any instance. */
    public void stop() {
        Thread running;
        synchronized (this) {
            running = thread;
            stopping = true;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Relays every event recorded up to now, on the caller's thread; returns how many accounts had some. */
    public int sweep() {
        List<String> users = pending.usersWithEventsSince(clock.instant(), SWEEP_BATCH);
        users.forEach(this::relay);
        return users.size();
    }

    /** Relays the account's pending events; returns how many deliveries that queued (or found queued). */
    public int relay(String userId) {
        int queued = 0;
        for (PendingUserEvent event : pending.of(userId)) {
            List<Webhook> subscribed = store.subscribedTo(event.type().id());
            if (!subscribed.isEmpty()) {
                String body = payloads.render(event);
                for (Webhook webhook : subscribed) {
                    store.enqueue(webhook.id(), event.eventId(), event.type().id(), body, clock.instant());
                    queued++;
                }
            }
            pending.acknowledge(userId, event.eventId());
        }
        if (queued > 0) {
            deliveriesQueued.run();
        }
        return queued;
    }

    private void loop() {
        long nextSweep = System.nanoTime();
        while (!stopping) {
            try {
                if (System.nanoTime() - nextSweep >= 0) {
                    sweep();
                    nextSweep = System.nanoTime() + sweepInterval.toNanos();
                }
                String userId =
                        recorded.poll(Math.max(1, (nextSweep - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (userId != null) {
                    relay(userId);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database may be away for a moment: the events stay in the accounts for the next sweep.
                LOG.warn("Webhook event relay round failed: {}", e.getClass().getSimpleName());
                nextSweep = System.nanoTime() + sweepInterval.toNanos();
            }
        }
    }
}
