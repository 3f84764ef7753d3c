package com.abcdashboard.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.OutboxStore;
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
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
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
    static final String PENDING = "PENDING";
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
        Document claimed = outbox.findOneAndUpdate(
                due(Date.from(now)),
                Updates.combine(
                        Updates.set("status", SENDING),
                        Updates.set("lockedUntil", Date.from(now.plus(lease))),
                        // Names this claim: a deliverer whose lease ran out must not overwrite its successor's outcome.
                        Updates.set("claim", new ObjectId()),
                        Updates.inc("attempts", 1)),
                new FindOneAndUpdateOptions()
                        .sort(Sorts.ascending("nextAttemptAt"))
                        .returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(MongoOutboxStore::claimed);
    }

    @Override
    public boolean markSent(Claimed message, Instant at) {
        return settle(message, Updates.combine(Updates.set("status", SENT), Updates.set("sentAt", Date.from(at))));
    }

    @Override
    public boolean retryAt(Claimed message, Instant next, String error) {
        return settle(
                message,
                Updates.combine(
                        Updates.set("status", PENDING),
                        Updates.set("nextAttemptAt", Date.from(next)),
                        Updates.set("lastError", error)));
    }

    @Override
    public boolean markFailed(Claimed message, Instant at, String error) {
        return settle(
                message,
                Updates.combine(
                        Updates.set("status", FAILED),
                        Updates.set("failedAt", Date.from(at)),
                        Updates.set("lastError", error)));
    }

    /**
     * The whole call, finding a server included, is bounded: health and metrics ask while MongoDB may be
     * away, and must not wait the driver's 5 s server selection on top of their own ping.
     */
    @Override
    public long countDue(Instant now) {
        return outbox.withTimeout(COUNT_TIMEOUT_MS, TimeUnit.MILLISECONDS).countDocuments(due(Date.from(now)));
    }

    @Override
    public long releaseClaims(Instant now) {
        return outbox.updateMany(eq("status", SENDING), Updates.set("lockedUntil", Date.from(now)))
                .getModifiedCount();
    }

    private static Bson due(Date now) {
        return or(
                and(eq("status", PENDING), lte("nextAttemptAt", now)),
                and(eq("status", SENDING), lte("lockedUntil", now)));
    }

    /** Records the outcome of a claim, unless another deliverer took the message over meanwhile. */
    private boolean settle(Claimed message, Bson outcome) {
        Bson stillOurs = and(
                eq("_id", new ObjectId(message.id())),
                eq("status", SENDING),
                eq("claim", new ObjectId(message.claim())));
        return outbox.updateOne(
                                stillOurs,
                                Updates.combine(outcome, Updates.unset("lockedUntil"), Updates.unset("claim")))
                        .getModifiedCount()
                == 1;
    }

    private static Claimed claimed(Document document) {
        Map<String, String> variables = new HashMap<>();
        Document stored = document.get("variables", Document.class);
        if (stored != null) {
            stored.forEach((name, value) -> variables.put(name, String.valueOf(value)));
        }
        return new Claimed(
                document.getObjectId("_id").toHexString(),
                document.getObjectId("claim").toHexString(),
                document.getString("to"),
                String.valueOf(document.getString("template")),
                variables,
                document.getInteger("attempts", 1));
    }
}
