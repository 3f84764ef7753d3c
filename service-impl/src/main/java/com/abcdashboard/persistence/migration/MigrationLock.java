package com.abcdashboard.persistence.migration;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease on one document of {@code migration_lock}, so that of several instances (or a deploy job and an
 * instance) starting together exactly one migrates while the others wait, then find nothing pending.
 *
 * <p>Acquiring is one {@code findOneAndUpdate} whose filter is "free, expired, or mine" (compare-and-set,
 * no transaction needed). The holder renews the lease every third of its length; a holder that dies
 * leaves a lease that expires, so a crashed run blocks the next one for at most {@link #lease}.
 */
public final class MigrationLock {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    static final String COLLECTION = "migration_lock";
    static final String LOCK_ID = "migrations";
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final MongoCollection<Document> locks;
    private final String owner;
    private final Duration lease;
    private final Duration maxWait;
    private final Clock clock;

    public MigrationLock(MongoDatabase database, String owner, Duration lease, Duration maxWait, Clock clock) {
        this.locks = database.getCollection(COLLECTION);
        this.owner = owner;
        this.lease = lease;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** A lock owned by this process (host, pid and a random suffix, so two runners in one JVM differ). */
    public static MigrationLock forThisProcess(MongoDatabase database, Clock clock) {
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        return new MigrationLock(database, owner, DEFAULT_LEASE, DEFAULT_MAX_WAIT, clock);
    }

    public String owner() {
        return owner;
    }

    /** Waits for the lock (at most the maximum wait), runs {@code work} holding it, and releases it. */
    public <T> T holding(Supplier<T> work) {
        acquire();
        ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "migration-lock-renewal");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, lease.toMillis() / 3);
        renewal.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
        try {
            return work.get();
        } finally {
            renewal.shutdownNow();
            release();
        }
    }

    void acquire() {
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean announced = false;
        while (!tryAcquire()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Migration lock still held by " + holder() + " after waiting " + maxWait
                        + "; if that run died, the lease expires by itself");
            }
            if (!announced) {
                LOG.info("Waiting for the migration lock held by {}", holder());
                announced = true;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the migration lock", e);
            }
        }
        LOG.debug("Migration lock acquired by {}", owner);
    }

    boolean tryAcquire() {
        Instant now = clock.instant();
        createLockDocument(now);
        Document after = locks.findOneAndUpdate(
                and(
                        eq("_id", LOCK_ID),
                        or(exists("owner", false), lt("expiresAt", Date.from(now)), eq("owner", owner))),
                Updates.combine(
                        Updates.set("owner", owner),
                        Updates.set("acquiredAt", Date.from(now)),
                        Updates.set("expiresAt", Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return after != null && owner.equals(after.getString("owner"));
    }

    /** The lock document exists once; creating it concurrently is a duplicate key, which is fine. */
    private void createLockDocument(Instant now) {
        try {
            locks.updateOne(
                    eq("_id", LOCK_ID),
                    Updates.setOnInsert("createdAt", Date.from(now)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(e.getErrorCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private void renew() {
        try {
            Instant now = clock.instant();
            long matched = locks.updateOne(
                            and(eq("_id", LOCK_ID), eq("owner", owner)),
                            Updates.set("expiresAt", Date.from(now.plus(lease))))
                    .getMatchedCount();
            if (matched == 0) {
                LOG.error("Migration lock lost by {}: another runner may migrate concurrently", owner);
            }
        } catch (RuntimeException e) {
            LOG.warn("Renewing the migration lock failed: {}", e.getMessage());
        }
    }

    void release() {
        locks.updateOne(
                and(eq("_id", LOCK_ID), eq("owner", owner)),
                Updates.combine(
                        Updates.unset("owner"),
                        Updates.unset("expiresAt"),
                        Updates.set("releasedAt", Date.from(clock.instant()))));
        LOG.debug("Migration lock released by {}", owner);
    }

    private String holder() {
        Document lock = locks.find(eq("_id", LOCK_ID)).first();
        return lock == null ? "nobody" : String.valueOf(lock.get("owner"));
    }
}
