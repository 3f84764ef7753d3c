package com.abcdashboard.persistence;

import com.abcdashboard.config.AppConfig;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The embedded server in memory, reached through the real driver over TCP as the service reaches it.
 * One per test class; every test takes a fresh database with every index in place.
 */
final class EmbeddedMongo implements AutoCloseable {
    private final EmbeddedMongoServer server;
    private final MongoClient client;

    private EmbeddedMongo(EmbeddedMongoServer server, MongoClient client) {
        this.server = server;
        this.client = client;
    }

    static EmbeddedMongo start() {
        // The memory backend writes nothing; the directory is only required by the signature.
        EmbeddedMongoServer server = EmbeddedMongoServer.start(AppConfig.EmbeddedStorage.MEMORY, Path.of("target"));
        return new EmbeddedMongo(server, MongoClients.create(server.connectionString()));
    }

    MongoDatabase freshDatabase() {
        MongoDatabase database =
                client.getDatabase("test_" + UUID.randomUUID().toString().replace("-", ""));
        MongoIndexes.ensure(database);
        return database;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
