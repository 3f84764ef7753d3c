package com.abcdashboard.persistence.migration;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies pending {@link Migration}s and records each in {@code migrations} ({@code _id} = the migration's
 * id, with description, checksum, time and duration). Versioned migrations run first, in id order, then
 * the repeatable ones. The caller holds the {@link MigrationLock}; a migration that fails stops the run
 * unrecorded, so it is retried in full next time.
 */
public final class MigrationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);
    public static final String COLLECTION = "migrations";

    private final MongoDatabase database;
    private final MongoCollection<Document> records;
    private final List<Migration> ordered;
    private final Clock clock;

    public MigrationRunner(MongoDatabase database, List<Migration> migrations, Clock clock) {
        Set<String> ids = new HashSet<>();
        for (Migration migration : migrations) {
            if (!ids.add(migration.id())) {
                throw new IllegalArgumentException("Two migrations share the id " + migration.id());
            }
        }
        this.database = database;
        this.records = database.getCollection(COLLECTION);
        this.ordered = new ArrayList<>(migrations.stream()
                .filter(m -> !m.repeatable())
                .sorted(Comparator.comparing(Migration::id))
                .toList());
        this.ordered.addAll(migrations.stream().filter(Migration::repeatable).toList());
        this.clock = clock;
    }

    /** Every known migration, in the order it runs, with what the database records about it. */
    public List<MigrationStatus> status() {
        Map<String, Document> applied = new HashMap<>();
        for (Document record : records.find()) {
            applied.put(record.getString("_id"), record);
        }
        return ordered.stream()
                .map(m -> {
                    Optional<Document> record = Optional.ofNullable(applied.get(m.id()));
                    return new MigrationStatus(
                            m.id(),
                            m.description(),
                            m.repeatable(),
                            m.checksum(),
                            record.map(r -> r.getDate("appliedAt").toInstant()),
                            record.map(r -> r.getString("checksum")));
                })
                .toList();
    }

    /**
     * Applies what is pending, in order. Call it holding the lock.
     *
     * @return the migrations applied by this call, as they stood before
     */
    public List<MigrationStatus> applyPending() {
        List<MigrationStatus> pending =
                status().stream().filter(MigrationStatus::pending).toList();
        Map<String, Migration> byId = new HashMap<>();
        ordered.forEach(m -> byId.put(m.id(), m));
        for (MigrationStatus status : pending) {
            Migration migration = byId.get(status.id());
            LOG.info("Applying migration {}: {}", migration.id(), migration.description());
            long start = System.nanoTime();
            migration.apply(database);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            record(migration, status.checksum(), clock.instant(), took);
            LOG.info("Applied migration {} in {} ms", migration.id(), took.toMillis());
        }
        return pending;
    }

    private void record(Migration migration, String checksum, Instant at, Duration took) {
        records.replaceOne(
                eq("_id", migration.id()),
                new Document("_id", migration.id())
                        .append("description", migration.description())
                        .append("repeatable", migration.repeatable())
                        .append("checksum", checksum)
                        .append("appliedAt", Date.from(at))
                        .append("durationMs", took.toMillis()),
                new ReplaceOptions().upsert(true));
    }
}
