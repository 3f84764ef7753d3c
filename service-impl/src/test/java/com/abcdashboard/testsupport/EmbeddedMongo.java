package com.abcdashboard.testsupport;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.persistence.EmbeddedMongoServer;
import com.abcdashboard.persistence.MongoIndexes;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded server in memory, reached through the real driver over TCP as the service reaches it.
 * One per test class ({@code @RegisterExtension static final EmbeddedMongo mongo = new EmbeddedMongo();});
 * every test takes a fresh database with every index in place.
 */
public final class EmbeddedMongo implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedMongoServer server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        // The memory backend writes nothing; the directory is only required by the signature.
        server = EmbeddedMongoServer.start(AppConfig.EmbeddedStorage.MEMORY, Path.of("target"));
        client = MongoClients.create(server.connectionString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** A new database with no collections yet. */
    public MongoDatabase emptyDatabase() {
        return client.getDatabase("test_" + UUID.randomUUID().toString().replace("-", ""));
    }

    public MongoDatabase freshDatabase() {
        MongoDatabase database =
                client.getDatabase("test_" + UUID.randomUUID().toString().replace("-", ""));
        MongoIndexes.ensure(database);
        return database;
    }

    /** For a test that needs a client of its own (e.g. one it closes). */
    public String connectionString() {
        return server.connectionString();
    }

    public void close() {
        client.close();
        server.close();
    }
}
