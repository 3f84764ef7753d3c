package com.abcdashboard.persistence;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 file backend of the embedded server, made to answer a write only once it is on disk.
 *
 * <p>Left to itself, H2's MVStore commits from a background thread about once a second, so a process
 * killed right after answering loses the last second of acknowledged writes (measured: about a quarter
 * of the users created under load before a SIGKILL). Here automatic commits are off, and every write
 * command waits for a {@link GroupCommit}: commit (the chunk written to the file) and {@code fsync},
 * shared by the writes that ran concurrently. Reads pass straight through.
 *
 * <p>Since nothing else commits, every commit also lies between whole commands: a command is never
 * half on disk (an index entry without its document), which the background thread could not promise.
 */
final class DurableH2Backend extends H2Backend {
    /** Commands that change data; everything else only reads. Compared in lower case. */
    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert",
            "update",
            "delete",
            "findandmodify",
            "create",
            "createindexes",
            "drop",
            "dropindexes",
            "dropdatabase",
            "renamecollection",
            "collmod");

    /**
     * Housekeeping, once a second: when less than this share of the chunks' data is live, rewrite the
     * live pages of up to {@link #COMPACT_WRITE_BYTES} of the emptiest chunks. Measured with 8 writers,
     * against H2's background commit: 80% and 16 MiB, 0.15-0.25 of its write throughput; no compaction,
     * 0.53 but a file growing without bound (340 MiB in 20 s); 50% and 4 MiB, 0.53 with about 5 KiB of
     * file per user written (1.7 KiB before).
     */
    private static final int COMPACT_BELOW_FILL_RATE = 50;

    private static final int COMPACT_WRITE_BYTES = 4 * 1024 * 1024;

    private static final long HOUSEKEEPING_INTERVAL_NANOS = 1_000_000_000L;

    private final GroupCommit groupCommit;

    private DurableH2Backend(MVStore store) {
        super(store);
        Housekeeping housekeeping = new Housekeeping(store);
        this.groupCommit = new GroupCommit(
                "embedded-mongo-commit",
                () -> {
                    housekeeping.compactNowAndThen();
                    store.commit();
                },
                store::sync,
                () -> {
                    housekeeping.compactNowAndThen();
                    store.commit();
                    store.sync();
                });
    }

    /**
     * What H2's background thread did besides committing: rewrite the live pages of chunks that are mostly
     * garbage, so their space can be reused. A commit per group of writes leaves many small chunks each
     * holding a few live pages; without this the file grew by hundreds of MiB a minute under load.
     * Rewriting only marks pages as changed: the next commit writes them, between whole commands.
     */
    private static final class Housekeeping {
        private final MVStore store;
        private long lastRun = System.nanoTime();

        Housekeeping(MVStore store) {
            this.store = store;
        }

        void compactNowAndThen() {
            long now = System.nanoTime();
            if (now - lastRun >= HOUSEKEEPING_INTERVAL_NANOS) {
                lastRun = now;
                store.compact(COMPACT_BELOW_FILL_RATE, COMPACT_WRITE_BYTES);
            }
        }
    }

    static DurableH2Backend open(Path file) {
        return open(file, cacheMegabytes());
    }

    /**
     * H2's page cache: a quarter of the heap, at least H2's default 16 MiB. A page read from the file is
     * decoded (Java deserialisation of every document in it) unless it is in the cache, and a list or
     * search reads every document: with the default 16 MiB, 100,000 users no longer fit and a list took
     * 17-20 s here, against about 1 s once they do.
     */
    static int cacheMegabytes() {
        return (int) Math.max(16, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
    }

    static DurableH2Backend open(Path file, int cacheMegabytes) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(cacheMegabytes)
                // No background commits (delay 0) and none triggered by the amount of unsaved changes
                // (buffer 0): only the group commit writes, always between whole commands.
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .open();
        // H2 keeps a dead chunk 45 s before reusing its space, for readers still walking an older version
        // of a map. A commit per group of writes makes hundreds of chunks a second, and keeping them
        // made the file grow by about 500 MiB a minute under load. Here every command, read or write,
        // registers the version it works on (handleCommand), which H2 never reclaims while in use; so
        // dead chunks can be reused at once. Queries read all their documents within the command.
        store.setRetentionTime(0);
        return new DurableH2Backend(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * mongo-java-server's H2 database with this store's collections. An inner class: the superclass opens
     * the existing collections from its constructor, before a field of a subclass could be set.
     */
    private final class Database extends H2Database {
        /** mongo-java-server 1.47's names of a collection's maps ({@code H2Database}); the data must stay readable. */
        private static final String DATA_MAP_PREFIX = "databases.";

        private static final String META_MAP_PREFIX = "meta.";

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = getMvStore().openMap(DATA_MAP_PREFIX + fullName);
            MVMap<String, Object> metaMap = getMvStore().openMap(META_MAP_PREFIX + fullName);
            return new TopKH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            return groupCommit.write(() -> inOneVersion(() -> super.handleCommand(channel, database, command, query)));
        }
        return inOneVersion(() -> super.handleCommand(channel, database, command, query));
    }

    /** Keeps the pages the command reads from being overwritten while it runs (see {@link #open}). */
    private Document inOneVersion(Supplier<Document> command) {
        MVStore.TxCounter inUse = getMvStore().registerVersionUsage();
        try {
            return command.get();
        } finally {
            getMvStore().deregisterVersionUsage(inUse);
        }
    }

    /** How many commits made writes durable so far (fewer than the writes when they ran concurrently). */
    long commits() {
        return groupCommit.commits();
    }

    @Override
    public void close() {
        groupCommit.close();
        super.close();
    }
}
