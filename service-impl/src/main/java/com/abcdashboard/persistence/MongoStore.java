package com.abcdashboard.persistence;

import com.abcdashboard.config.AppConfig;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.ConnectionPoolListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's one {@link MongoClient} and its database. Built from MONGODB_URI, or, when none is set,
 * from an {@link EmbeddedMongoServer} started here and stopped with this store.
 */
public final class MongoStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MongoStore.class);
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    private final MongoClient client;
    private final MongoDatabase database;
    private final Optional<EmbeddedMongoServer> embedded;

    private MongoStore(MongoClient client, MongoDatabase database, Optional<EmbeddedMongoServer> embedded) {
        this.client = client;
        this.database = database;
        this.embedded = embedded;
    }

    public static MongoStore open(AppConfig.Mongo config) {
        return open(config, List.of());
    }

    /** Opens the store with the driver's connection-pool events going to {@code poolListeners} (metrics). */
    public static MongoStore open(AppConfig.Mongo config, List<ConnectionPoolListener> poolListeners) {
        Optional<EmbeddedMongoServer> embedded = config.isEmbedded()
                ? Optional.of(EmbeddedMongoServer.start(config.embedded(), config.embeddedDataDir()))
                : Optional.empty();
        String uri = embedded.map(EmbeddedMongoServer::connectionString)
                .orElseGet(() -> config.connectionString().orElseThrow());
        ConnectionString connectionString = new ConnectionString(uri);
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(connectionString)
                .applicationName("abc-dashboard-api")
                // Fail fast when the database is away, so requests answer 503 instead of hanging.
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(5, TimeUnit.SECONDS))
                .applyToConnectionPoolSettings(b -> poolListeners.forEach(b::addConnectionPoolListener))
                .build();
        MongoClient client = MongoClients.create(settings);
        LOG.info(
                "MongoDB client created for {} (database {})",
                embedded.map(e -> "embedded server " + e.description()).orElseGet(() -> redacted(connectionString)),
                config.database());
        return new MongoStore(client, client.getDatabase(config.database()), embedded);
    }

    public MongoDatabase database() {
        return database;
    }

    public boolean isEmbedded() {
        return embedded.isPresent();
    }

    /** A real round trip ({@code ping}); the time it took, or empty when the database did not answer. */
    public Optional<Duration> ping() {
        long start = System.nanoTime();
        try {
            database.withTimeout(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).runCommand(new Document("ping", 1));
            return Optional.of(Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            LOG.warn("MongoDB ping failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Hosts and database only: the URI may carry credentials, which are never logged. */
    private static String redacted(ConnectionString cs) {
        return "mongodb hosts " + cs.getHosts();
    }

    @Override
    public void close() {
        client.close();
        embedded.ifPresent(EmbeddedMongoServer::close);
    }
}
