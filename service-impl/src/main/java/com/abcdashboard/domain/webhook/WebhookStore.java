package com.abcdashboard.domain.webhook;

import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhook endpoints and their deliveries. Every method is one atomic single-document operation (or an
 * idempotent series of them), so any number of instances may share the store.
 */
public interface WebhookStore {

    Webhook insert(NewWebhook webhook);

    /** Every endpoint, oldest first. */
    List<Webhook> all();

    Optional<Webhook> find(String id);

    /** Applies the changes; {@code active = true} also clears the failure count and the disabled reason. */
    Optional<Webhook> update(String id, WebhookChanges changes, Instant at);

    /** Deletes the endpoint and its deliveries; false when it does not exist. */
    boolean delete(String id);

    /** Active endpoints subscribed to the event type. */
    List<Webhook> subscribedTo(String eventType);

    /**
     * Queues a delivery of the event to the endpoint, due now. Idempotent: one delivery per (event,
     * endpoint) however often this is called; the existing one is returned then.
     */
    WebhookDelivery enqueue(String webhookId, String eventId, String eventType, String body, Instant now);

    /** The endpoint's deliveries, newest first (ties by id). */
    Page<WebhookDelivery> deliveries(String webhookId, PageRequest page);

    /** Starts a new series of attempts, due now; empty when the delivery is unknown. */
    Optional<WebhookDelivery> redeliver(String webhookId, String deliveryId, Instant now);

    /** A delivery claimed for one attempt: nobody else attempts it until {@code claim}'s lease ends. */
    record Claimed(String id, String claim, String webhookId, String eventType, String body, int attempts) {}

    /** Claims the delivery due longest (pending and due, or claimed with an ended lease), counting an attempt. */
    Optional<Claimed> claimDue(Instant now, Duration lease);

    /** Settles the claim as succeeded; false when the claim was lost meanwhile. */
    boolean succeeded(Claimed delivery, int responseCode, Instant at);

    /** Schedules the next attempt; false when the claim was lost meanwhile. */
    boolean retryAt(Claimed delivery, Instant next, Integer responseCode, String error);

    /** Gives the delivery up; false when the claim was lost meanwhile. */
    boolean failed(Claimed delivery, Instant at, Integer responseCode, String error);

    /** Counts a given-up delivery against the endpoint; returns its failures in a row. */
    int countFailure(String webhookId);

    /** A success starts the endpoint's failure count again. */
    void countSuccess(String webhookId);

    /** Disables an active endpoint; false when it was not active (or is gone). */
    boolean disable(String webhookId, String reason, Instant at);

    /** Makes every claimed delivery due now, as if its lease had ended; returns how many. */
    long releaseClaims(Instant now);

    /** Deliveries due now (or claimed by a process that died). */
    long countDue(Instant now);

    /** Deliveries due since before {@code before}: overdue ones. */
    long countOverdue(Instant before);

    /** Deliveries given up at or after {@code since}. */
    long countFailedSince(Instant since);
}
