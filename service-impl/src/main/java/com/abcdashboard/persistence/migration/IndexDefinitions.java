package com.abcdashboard.persistence.migration;

import com.abcdashboard.persistence.MongoIndexes;
import com.mongodb.client.MongoDatabase;

/**
 * Creates every index the repositories define ({@link MongoIndexes#definitions()}). Repeatable, keyed by
 * the checksum of all definitions: adding or changing an index in a repository re-runs it; an unchanged
 * set costs nothing at start-up.
 */
public final class IndexDefinitions implements Migration {
    public static final String ID = "indexes";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "create the indexes defined by the repositories";
    }

    @Override
    public boolean repeatable() {
        return true;
    }

    @Override
    public String checksum() {
        return MongoIndexes.checksum();
    }

    @Override
    public void apply(MongoDatabase database) {
        MongoIndexes.ensure(database);
    }
}
