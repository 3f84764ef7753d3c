package com.abcdashboard.persistence;

import static com.abcdashboard.persistence.Documents.date;
import static com.abcdashboard.persistence.Documents.instant;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;

import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.user.UserEventType;
import com.abcdashboard.domain.webhook.DeliveryStatus;
import com.abcdashboard.domain.webhook.NewWebhook;
import com.abcdashboard.domain.webhook.Webhook;
import com.abcdashboard.domain.webhook.WebhookChanges;
import com.abcdashboard.domain.webhook.WebhookDelivery;
import com.abcdashboard.domain.webhook.WebhookStore;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * {@link WebhookStore} in two collections: {@code webhooks} (the endpoints, with their secret and count
 * of failed deliveries in a row) and {@code webhook_deliveries} (one document per event and endpoint —
 * a unique index on both makes queueing idempotent — claimed for an attempt like the mail outbox's
 * messages, see {@link LeasedClaims}).
 */
public final class MongoWebhookStore implements WebhookStore {
    public static final String WEBHOOKS = "webhooks";
    public static final String DELIVERIES = "webhook_deliveries";
    static final String PENDING = LeasedClaims.PENDING;
    static final String SENDING = "SENDING";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
    private static final String FAILURES = "consecutiveFailures";
    private static final long COUNT_TIMEOUT_MS = 2_000;
    private static final FindOneAndUpdateOptions RETURN_AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> webhooks;
    private final MongoCollection<Document> deliveries;

    public MongoWebhookStore(MongoDatabase database) {
        this.webhooks = database.getCollection(WEBHOOKS);
        this.deliveries = database.getCollection(DELIVERIES);
    }

    public void createIndexes() {
        deliveries.createIndex(
                Indexes.ascending("eventId", "webhookId"),
                new IndexOptions()
                        .name("webhook_deliveries_event_webhook_unique")
                        .unique(true));
        deliveries.createIndex(
                Indexes.ascending("status", "nextAttemptAt"), new IndexOptions().name("webhook_deliveries_due"));
        deliveries.createIndex(
                Indexes.compoundIndex(Indexes.ascending("webhookId"), Indexes.descending("createdAt", "_id")),
                new IndexOptions().name("webhook_deliveries_by_webhook"));
    }

    @Override
    public Webhook insert(NewWebhook webhook) {
        Document doc = new Document("_id", new ObjectId())
                .append("url", webhook.url())
                .append("events", ids(webhook.events()))
                .append("active", true)
                .append(FAILURES, 0)
                .append("secret", webhook.secret())
                .append("createdAt", date(webhook.createdAt()))
                .append("updatedAt", date(webhook.createdAt()))
                .append("createdBy", webhook.createdBy());
        if (webhook.description() != null) {
            doc.append("description", webhook.description());
        }
        webhooks.insertOne(doc);
        return toWebhook(doc);
    }

    @Override
    public List<Webhook> all() {
        List<Webhook> all = new ArrayList<>();
        webhooks.find().sort(Sorts.ascending("createdAt", "_id")).forEach(doc -> all.add(toWebhook(doc)));
        return all;
    }

    @Override
    public Optional<Webhook> find(String id) {
        return Documents.objectId(id)
                .map(oid -> webhooks.find(eq("_id", oid)).first())
                .map(MongoWebhookStore::toWebhook);
    }

    @Override
    public Optional<Webhook> update(String id, WebhookChanges changes, Instant at) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("updatedAt", date(at)));
        if (changes.url() != null) {
            updates.add(Updates.set("url", changes.url()));
        }
        if (changes.events() != null) {
            updates.add(Updates.set("events", ids(changes.events())));
        }
        if (changes.description() != null) {
            updates.add(
                    changes.description().isBlank()
                            ? Updates.unset("description")
                            : Updates.set("description", changes.description()));
        }
        if (changes.active() != null) {
            updates.add(Updates.set("active", changes.active()));
            if (changes.active()) {
                updates.add(Updates.set(FAILURES, 0));
                updates.add(Updates.unset("disabledReason"));
            }
        }
        return Documents.objectId(id)
                .map(oid -> webhooks.findOneAndUpdate(eq("_id", oid), Updates.combine(updates), RETURN_AFTER))
                .map(MongoWebhookStore::toWebhook);
    }

    @Override
    public boolean delete(String id) {
        Optional<ObjectId> oid = Documents.objectId(id);
        if (oid.isEmpty() || webhooks.deleteOne(eq("_id", oid.get())).getDeletedCount() == 0) {
            return false;
        }
        deliveries.deleteMany(eq("webhookId", id));
        return true;
    }

    @Override
    public List<Webhook> subscribedTo(String eventType) {
        List<Webhook> subscribed = new ArrayList<>();
        webhooks.find(and(eq("active", true), eq("events", eventType))).forEach(doc -> subscribed.add(toWebhook(doc)));
        return subscribed;
    }

    @Override
    public WebhookDelivery enqueue(String webhookId, String eventId, String eventType, String body, Instant now) {
        Document doc = new Document("_id", "msg_" + new ObjectId().toHexString())
                .append("webhookId", webhookId)
                .append("eventId", eventId)
                .append("eventType", eventType)
                .append("body", body)
                .append("status", PENDING)
                .append("attempts", 0)
                .append("createdAt", date(now))
                .append("nextAttemptAt", date(now));
        try {
            deliveries.insertOne(doc);
            return toDelivery(doc);
        } catch (MongoWriteException e) {
            if (DuplicateKey.violatedIndex(e).isEmpty()) {
                throw e;
            }
            Document existing = deliveries
                    .find(and(eq("eventId", eventId), eq("webhookId", webhookId)))
                    .first();
            if (existing == null) {
                throw e;
            }
            return toDelivery(existing);
        }
    }

    @Override
    public Page<WebhookDelivery> deliveries(String webhookId, PageRequest page) {
        Bson filter = eq("webhookId", webhookId);
        long total = deliveries.countDocuments(filter);
        List<WebhookDelivery> items = new ArrayList<>();
        if (page.offset() < total) {
            deliveries
                    .find(filter)
                    .sort(Sorts.descending("createdAt", "_id"))
                    .skip((int) page.offset())
                    .limit(page.limit())
                    .forEach(doc -> items.add(toDelivery(doc)));
        }
        return new Page<>(items, total, page);
    }

    @Override
    public Optional<WebhookDelivery> redeliver(String webhookId, String deliveryId, Instant now) {
        Document after = deliveries.findOneAndUpdate(
                and(eq("_id", deliveryId), eq("webhookId", webhookId)),
                Updates.combine(
                        Updates.set("status", PENDING),
                        Updates.set("attempts", 0),
                        Updates.set("nextAttemptAt", date(now)),
                        Updates.unset("completedAt"),
                        Updates.unset("lockedUntil"),
                        Updates.unset("claim")),
                RETURN_AFTER);
        return Optional.ofNullable(after).map(MongoWebhookStore::toDelivery);
    }

    @Override
    public Optional<Claimed> claimDue(Instant now, Duration lease) {
        return Optional.ofNullable(LeasedClaims.claimDue(deliveries, SENDING, now, lease))
                .map(doc -> new Claimed(
                        doc.getString("_id"),
                        doc.getObjectId("claim").toHexString(),
                        doc.getString("webhookId"),
                        doc.getString("eventType"),
                        doc.getString("body"),
                        doc.getInteger("attempts", 1)));
    }

    @Override
    public boolean succeeded(Claimed delivery, int responseCode, Instant at) {
        return settle(delivery, SUCCEEDED, at, null, responseCode, null);
    }

    @Override
    public boolean retryAt(Claimed delivery, Instant next, Integer responseCode, String error) {
        return settle(delivery, PENDING, null, next, responseCode, error);
    }

    @Override
    public boolean failed(Claimed delivery, Instant at, Integer responseCode, String error) {
        return settle(delivery, FAILED, at, null, responseCode, error);
    }

    /** The attempt's outcome, unless the claim was lost (lease ended, redelivered) meanwhile. */
    private boolean settle(
            Claimed delivery, String status, Instant completedAt, Instant next, Integer code, String error) {
        Bson stillOurs =
                and(eq("_id", delivery.id()), eq("status", SENDING), eq("claim", new ObjectId(delivery.claim())));
        List<Bson> outcome = new ArrayList<>(
                List.of(Updates.set("status", status), Updates.unset("lockedUntil"), Updates.unset("claim")));
        outcome.add(code == null ? Updates.unset("lastResponseCode") : Updates.set("lastResponseCode", code));
        outcome.add(error == null ? Updates.unset("lastError") : Updates.set("lastError", error));
        outcome.add(next == null ? Updates.unset("nextAttemptAt") : Updates.set("nextAttemptAt", date(next)));
        if (completedAt != null) {
            outcome.add(Updates.set("completedAt", date(completedAt)));
        }
        return deliveries.updateOne(stillOurs, Updates.combine(outcome)).getModifiedCount() == 1;
    }

    @Override
    public int countFailure(String webhookId) {
        Document after = Documents.objectId(webhookId)
                .map(oid -> webhooks.findOneAndUpdate(eq("_id", oid), Updates.inc(FAILURES, 1), RETURN_AFTER))
                .orElse(null);
        return after == null ? 0 : after.getInteger(FAILURES, 0);
    }

    @Override
    public void countSuccess(String webhookId) {
        Documents.objectId(webhookId)
                .ifPresent(oid -> webhooks.updateOne(and(eq("_id", oid), gt(FAILURES, 0)), Updates.set(FAILURES, 0)));
    }

    @Override
    public boolean disable(String webhookId, String reason, Instant at) {
        return Documents.objectId(webhookId)
                .map(oid -> webhooks.updateOne(
                                        and(eq("_id", oid), eq("active", true)),
                                        Updates.combine(
                                                Updates.set("active", false),
                                                Updates.set("disabledReason", reason),
                                                Updates.set("updatedAt", date(at))))
                                .getModifiedCount()
                        == 1)
                .orElse(false);
    }

    @Override
    public long releaseClaims(Instant now) {
        return deliveries
                .updateMany(eq("status", SENDING), Updates.set("lockedUntil", date(now)))
                .getModifiedCount();
    }

    @Override
    public long countDue(Instant now) {
        return countBounded(LeasedClaims.due(SENDING, now));
    }

    @Override
    public long countOverdue(Instant before) {
        return countBounded(LeasedClaims.due(SENDING, before));
    }

    @Override
    public long countFailedSince(Instant since) {
        return countBounded(and(eq("status", FAILED), gte("completedAt", date(since))));
    }

    /** Bounded like the mail outbox's count: health and metrics ask while the database may be away. */
    private long countBounded(Bson filter) {
        return deliveries.withTimeout(COUNT_TIMEOUT_MS, TimeUnit.MILLISECONDS).countDocuments(filter);
    }

    private static List<String> ids(Set<UserEventType> events) {
        return events.stream()
                .sorted(Comparator.naturalOrder())
                .map(UserEventType::id)
                .toList();
    }

    private static Webhook toWebhook(Document doc) {
        Set<UserEventType> events = doc.getList("events", String.class, List.of()).stream()
                .map(UserEventType::parse)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return new Webhook(
                doc.getObjectId("_id").toHexString(),
                doc.getString("url"),
                events,
                doc.getString("description"),
                doc.getBoolean("active", true),
                doc.getString("disabledReason"),
                instant(doc, "createdAt"),
                doc.getString("secret"));
    }

    private static WebhookDelivery toDelivery(Document doc) {
        String stored = doc.getString("status");
        DeliveryStatus status = switch (stored) {
            case SUCCEEDED -> DeliveryStatus.SUCCEEDED;
            case FAILED -> DeliveryStatus.FAILED;
            default -> DeliveryStatus.PENDING;
        };
        return new WebhookDelivery(
                doc.getString("_id"),
                doc.getString("webhookId"),
                doc.getString("eventType"),
                status,
                doc.getInteger("attempts", 0),
                doc.getInteger("lastResponseCode"),
                doc.getString("lastError"),
                status == DeliveryStatus.PENDING ? instant(doc, "nextAttemptAt") : null,
                instant(doc, "createdAt"),
                instant(doc, "completedAt"));
    }
}
