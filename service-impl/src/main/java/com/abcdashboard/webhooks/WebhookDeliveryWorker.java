package com.abcdashboard.webhooks;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.webhook.Webhook;
import com.abcdashboard.domain.webhook.WebhookStore;
import com.abcdashboard.domain.webhook.WebhookStore.Claimed;
import com.abcdashboard.domain.webhook.WebhookTargets;
import com.abcdashboard.observability.ServiceMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the queued webhook deliveries, one at a time on one thread per instance; any number of
 * instances may share the queue. Each attempt claims a due delivery atomically with a lease (a claim whose
 * instance died is taken over when the lease ends — the receiver may then see it twice, never zero times;
 * the {@code webhook-id} lets it tell), checks the target again (SSRF: the name may point elsewhere now),
 * POSTs the signed body without following redirects, and settles: a 2xx succeeded; anything else is
 * retried on the {@link RetrySchedule}, then failed. An endpoint whose deliveries failed {@code
 * disableAfter} times in a row is disabled (audited).
 */
public final class WebhookDeliveryWorker {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryWorker.class);
    /** Kept of a failed attempt's error: enough to tell the cause, bounded in the stored document. */
    private static final int MAX_ERROR_LENGTH = 300;

    /** Timeouts and limits of the deliveries. */
    public record Settings(
            Duration connectTimeout, Duration requestTimeout, RetrySchedule retries, int disableAfter, Duration poll) {
        /** Long enough for one attempt to end, so a lease runs out only when its instance is gone. */
        Duration lease() {
            return connectTimeout.plus(requestTimeout).plusSeconds(30);
        }
    }

    private final WebhookStore store;
    private final WebhookTargets targets;
    private final AuditLog audit;
    private final ServiceMetrics metrics;
    private final Clock clock;
    private final Settings settings;
    private final RandomGenerator random;
    private final HttpClient http;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean stopping;
    private Thread thread;

    public WebhookDeliveryWorker(
            WebhookStore store,
            WebhookTargets targets,
            AuditLog audit,
            ServiceMetrics metrics,
            Clock clock,
            Settings settings,
            RandomGenerator random) {
        this.store = store;
        this.targets = targets;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = settings;
        this.random = random;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("The webhook delivery worker is already started");
        }
        thread = Thread.ofPlatform().name("webhook-delivery").daemon(true).start(this::loop);
    }

    /** Something is due now: deliver it rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    /** Stops the loop; an attempt still running is abandoned to its lease. */
    public void stop() {
        Thread running;
        synchronized (this) {
            running = thread;
            stopping = true;
        }
        wakeUp.release();
        if (running != null) {
            try {
                if (!running.join(Duration.ofSeconds(5))) {
                    running.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Makes every claimed delivery due now, as if its lease had ended. Only for a database no other process
     * can reach, before this worker starts: then every claim is a dead process's (its attempt may have
     * reached the receiver, which then sees the same {@code webhook-id} again).
     */
    public long releaseAbandonedClaims() {
        long released = store.releaseClaims(clock.instant());
        if (released > 0) {
            LOG.info("Webhooks: {} delivery(ies) claimed by a process that stopped are due again", released);
        }
        return released;
    }

    /** Deliveries due now, or -1 when the database cannot say (a gauge must not fail a scrape). */
    public long backlogOrUnknown() {
        try {
            return store.countDue(clock.instant());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Attempts every delivery due now on the caller's thread; returns how many were attempted. */
    public int drainDue() {
        int attempted = 0;
        while (!stopping) {
            Optional<Claimed> claimed = store.claimDue(clock.instant(), settings.lease());
            if (claimed.isEmpty()) {
                return attempted;
            }
            attempt(claimed.get());
            attempted++;
        }
        return attempted;
    }

    private void loop() {
        while (!stopping) {
            try {
                drainDue();
            } catch (RuntimeException e) {
                // The database may be away for a moment; the next round tries again.
                LOG.warn("Webhook delivery round failed: {}", e.getClass().getSimpleName());
            }
            try {
                wakeUp.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void attempt(Claimed delivery) {
        Optional<Webhook> webhook = store.find(delivery.webhookId());
        if (webhook.isEmpty() || !webhook.get().active()) {
            // Deleted or disabled meanwhile: given up without counting against the endpoint (redeliverable).
            store.failed(delivery, clock.instant(), null, webhook.isEmpty() ? "endpoint deleted" : "endpoint inactive");
            metrics.webhookDelivery("failed");
            return;
        }
        Outcome outcome = send(webhook.get(), delivery);
        Instant now = clock.instant();
        if (outcome.succeeded()) {
            store.succeeded(delivery, outcome.status(), now);
            store.countSuccess(delivery.webhookId());
            metrics.webhookDelivery("succeeded");
            return;
        }
        Optional<Instant> next = settings.retries().next(delivery.attempts(), now, random);
        if (next.isPresent()) {
            store.retryAt(delivery, next.get(), outcome.status(), outcome.error());
            metrics.webhookDelivery("retried");
            return;
        }
        if (!store.failed(delivery, now, outcome.status(), outcome.error())) {
            return; // redelivered or taken over meanwhile: not ours to count
        }
        metrics.webhookDelivery("failed");
        int inARow = store.countFailure(delivery.webhookId());
        if (inARow >= settings.disableAfter()) {
            String reason = inARow + " deliveries in a row failed";
            if (store.disable(delivery.webhookId(), reason, now)) {
                LOG.warn("Webhook {} disabled: {}", delivery.webhookId(), reason);
                audit.record(AuditEvent.of(
                        AuditAction.WEBHOOK_DISABLED,
                        now,
                        null,
                        delivery.webhookId(),
                        ClientInfo.UNKNOWN,
                        Map.of("reason", reason)));
            }
        }
    }

    /** @param status the HTTP status, null when none came */
    private record Outcome(Integer status, String error) {
        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private Outcome send(Webhook webhook, Claimed delivery) {
        URI target;
        try {
            target = URI.create(webhook.url());
            targets.requireAllowed(target, "url");
        } catch (DomainException | IllegalArgumentException e) {
            return new Outcome(null, bounded("target refused: " + e.getMessage()));
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(settings.requestTimeout())
                .header("content-type", "application/json")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        WebhookSignature.sign(webhook.secret(), delivery.id(), timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timed out");
        } catch (IOException e) {
            return new Outcome(null, bounded(e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        }
    }

    private static String bounded(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
