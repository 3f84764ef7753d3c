package com.abcdashboard.persistence;

import com.abcdashboard.config.AppConfig;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire-compatible server used in development and tests when no MONGODB_URI is
 * set. It listens on a free loopback port and the service reaches it through the real driver over TCP,
 * exactly as it reaches a real MongoDB. It has no sessions or transactions: every write in this service
 * is a single-document atomic operation. On the H2 file backend every write is committed and synced to
 * disk before it is acknowledged ({@link DurableH2Backend}).
 */
public final class EmbeddedMongoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private static final int WORKER_THREADS = 16;

    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address, String description) {
        this.server = server;
        this.address = address;
        this.description = description;
    }

    public static EmbeddedMongoServer start(AppConfig.EmbeddedStorage storage, Path dataDir) {
        MongoBackend backend;
        String description;
        if (storage == AppConfig.EmbeddedStorage.MEMORY) {
            backend = new MemoryBackend();
            description = "in memory";
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the embedded MongoDB data directory " + dataDir, e);
            }
            Path file = dataDir.resolve("embedded-mongo.mv").toAbsolutePath();
            backend = DurableH2Backend.open(file);
            description = "persisting to " + file + ", every write on disk before it is acknowledged";
        }
        MongoServer server = new MongoServer(backend);
        // A write waits on its worker thread for the group commit; more workers than Netty's default
        // (two per core) let more concurrent writes share one commit.
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, WORKER_THREADS);
        InetSocketAddress address = server.getLocalAddress();
        LOG.info("Embedded MongoDB listening on {}:{} ({})", address.getHostString(), address.getPort(), description);
        return new EmbeddedMongoServer(server, address, description);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        server.shutdownNow();
        LOG.info("Embedded MongoDB stopped");
    }
}
