package com.abcdashboard.mail;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.persistence.MongoOutboxStore;
import com.abcdashboard.persistence.MongoStore;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/** A fresh database on the in-memory embedded server, reached through the real driver over TCP. */
final class OutboxDatabase implements AutoCloseable {
    private final MongoStore store;

    OutboxDatabase() {
        store = MongoStore.open(new AppConfig.Mongo(
                Optional.empty(),
                AppConfig.EmbeddedStorage.MEMORY,
                Path.of("unused"),
                "mail_" + UUID.randomUUID().toString().replace("-", "")));
    }

    MongoDatabase database() {
        return store.database();
    }

    /** The outbox store on this database (its index created). */
    MongoOutboxStore outboxStore() {
        MongoOutboxStore outbox = new MongoOutboxStore(store.database());
        outbox.createIndexes();
        return outbox;
    }

    MongoCollection<Document> outbox() {
        return store.database().getCollection(MongoOutboxStore.COLLECTION);
    }

    /** The one message of the outbox. */
    Document only() {
        return outbox().find().first();
    }

    @Override
    public void close() {
        store.close();
    }
}
