package com.abcdashboard.persistence;

import com.abcdashboard.config.AppConfig;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/** A fresh database on the embedded server, reached through the real driver over TCP. */
final class EmbeddedDatabase implements AutoCloseable {
    private final MongoStore store;

    EmbeddedDatabase() {
        store = MongoStore.open(new AppConfig.Mongo(
                Optional.empty(),
                AppConfig.EmbeddedStorage.MEMORY,
                Path.of("unused"),
                "test_" + UUID.randomUUID().toString().replace("-", "")));
    }

    MongoDatabase database() {
        return store.database();
    }

    @Override
    public void close() {
        store.close();
    }
}
