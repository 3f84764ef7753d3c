package com.abcdashboard.mail;

import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.MailOutbox;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Persists mail in {@code email_outbox} before anything is sent, then nudges the worker. A request only
 * pays for one insert; delivery, retries and restarts are the worker's business.
 */
final class MongoMailOutbox implements MailOutbox {
    static final String COLLECTION = "email_outbox";

    private final MongoCollection<Document> outbox;
    private final Clock clock;
    private final Runnable wakeWorker;

    MongoMailOutbox(MongoDatabase database, Clock clock, Runnable wakeWorker) {
        this.outbox = database.getCollection(COLLECTION);
        this.clock = clock;
        this.wakeWorker = wakeWorker;
    }

    void createIndexes() {
        outbox.createIndex(Indexes.ascending("status", "nextAttemptAt"), new IndexOptions().name("email_outbox_due"));
    }

    @Override
    public void enqueue(EmailMessage message) {
        Date now = Date.from(clock.instant());
        outbox.insertOne(new Document("_id", new ObjectId())
                .append("to", message.to())
                .append("template", message.template().name())
                .append("variables", new Document(message.variables()))
                .append("status", OutboxWorker.PENDING)
                .append("attempts", 0)
                .append("createdAt", now)
                .append("nextAttemptAt", now));
        wakeWorker.run();
    }
}
