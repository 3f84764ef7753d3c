package com.abcdashboard.persistence;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many users the embedded store serves comfortably. It builds no secondary indexes, so every list,
 * search and stats request scans the users: measured through the API (bench/run's growth phase), a
 * cache-missed list page took 11 ms at 1,000 users, 54 ms at 10,000 and 700 ms at 100,000
 * (docs/performance.md). Past this size the start-up log says to move to MongoDB.
 */
public final class EmbeddedCapacity {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCapacity.class);

    /** Users (deleted ones included: they are scanned too) the embedded store lists within tens of ms. */
    public static final long COMFORTABLE_USERS = 10_000;

    private EmbeddedCapacity() {}

    /** Logs a warning when {@code database} holds more than {@code comfortable} users; returns whether it did. */
    public static boolean warnIfOutgrown(MongoDatabase database, long comfortable) {
        long users = database.getCollection(MongoUserRepository.COLLECTION).countDocuments(new Document());
        if (users <= comfortable) {
            return false;
        }
        LOG.warn(
                "The embedded store holds {} users, more than the {} it lists and searches comfortably (every"
                        + " list is a scan here); move to MongoDB: backup, then restore with MONGODB_URI set"
                        + " (docs/persistence.md, docs/operations.md)",
                users,
                comfortable);
        return true;
    }
}
