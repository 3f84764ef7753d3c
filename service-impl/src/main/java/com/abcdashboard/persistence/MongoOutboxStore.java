package com.abcdashboard.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.OutboxStore;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * {@link OutboxStore} in the {@code email_outbox} collection: one document per message with its status
 * ({@code PENDING}, {@code SENDING} while claimed, {@code SENT}, {@code FAILED}), attempts, next due time,
 * and while claimed the lease end ({@code lockedUntil}) and the claim's id. Every step is one atomic
 * single-document operation, so any number of instances may share the collection.
 */
public final class MongoOutboxStore implements OutboxStore {
    public static final String COLLECTION = "email_outbox";
    static final String PENDING = LeasedClaims.PENDING;
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private static final long COUNT_TIMEOUT_MS = 2_000;

    private final MongoCollection<Document> outbox;

    public MongoOutboxStore(MongoDatabase database) {
        this.outbox = database.getCollection(COLLECTION);
    }

    public void createIndexes() {
        outbox.createIndex(Indexes.ascending("status", "nextAttemptAt"), new IndexOptions().name("email_outbox_due"));
    }

    @Override
    public void add(EmailMessage message, Instant now) {
        Date at = Date.from(now);
        outbox.insertOne(new Document("_id", new ObjectId())
                .append("to", message.to())
                .append("template", message.template().name())
                .append("variables", new Document(message.variables()))
                .append("status", PENDING)
                .append("attempts", 0)
                .append("createdAt", at)
                .append("nextAttemptAt", at));
    }

    @Override
    public Optional<Claimed> claimDue(Instant now, Duration lease) {
        return Optional.ofNullable(LeasedClaims.claimDue(outbox, SENDING, now, lease))
                .map(MongoOutboxStore::claimed);
    }

    @Override
    public boolean markSent(Claimed message, Instant at) {
        return settle(message, SENT, "sentAt", at, null);
    }

    @Override
    public boolean retryAt(Claimed message, Instant next, String error) {
        return settle(message, PENDING, "nextAttemptAt", next, error);
    }

    @Override
    public boolean markFailed(Claimed message, Instant at, String error) {
        return settle(message, FAILED, "failedAt", at, error);
    }

    /**
     * The whole call, finding a server included, is bounded: health and metrics ask while MongoDB may be
     * away, and must not wait the driver's 5 s server selection on top of their own ping.
     */
    @Override
    public long countDue(Instant now) {
        return outbox.withTimeout(COUNT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .countDocuments(LeasedClaims.due(SENDING, now));
    }

    @Override
    public long releaseClaims(Instant now) {
        return outbox.updateMany(eq("status", SENDING), Updates.set("lockedUntil", Date.from(now)))
                .getModifiedCount();
    }

    /**
     * Records the outcome of a claim — the new status, when ({@code timeField}), and what went wrong if
     * anything did — unless another deliverer took the message over meanwhile.
     */
    private boolean settle(Claimed message, String status, String timeField, Instant time, String error) {
        Bson stillOurs = and(
                eq("_id", new ObjectId(message.id())),
                eq("status", SENDING),
                eq("claim", new ObjectId(message.claim())));
        List<Bson> outcome = new ArrayList<>(List.of(
                Updates.set("status", status),
                Updates.set(timeField, Date.from(time)),
                Updates.unset("lockedUntil"),
                Updates.unset("claim")));
        if (error != null) {
            outcome.add(Updates.set("lastError", error));
        }
        return outbox.updateOne(stillOurs, Updates.combine(outcome)).getModifiedCount() == 1;
    }

    private static Claimed claimed(Document document) {
        return new Claimed(
                document.getObjectId("_id").toHexString(),
                document.getObjectId("claim").toHexString(),
                document.getString("to"),
                String.valueOf(document.getString("template")),
                Documents.strings(document.get("variables", Document.class)),
                document.getInteger("attempts", 1));
    }
}
