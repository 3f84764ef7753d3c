package com.abcdashboard.persistence.migration;

import com.abcdashboard.domain.Sha256;
import com.mongodb.client.MongoDatabase;

/**
 * One change to the database, recorded in the {@code migrations} collection once applied.
 *
 * <p>A <b>versioned</b> migration runs once, in the order of its id ({@code 0001-…}, {@code 0002-…}); a
 * <b>repeatable</b> one runs again whenever its {@link #checksum()} differs from the recorded one, after
 * every versioned migration. Either must be idempotent: the embedded server has no transactions, so a
 * migration interrupted half-way is simply run again, in full, next time.
 */
public interface Migration {

    /** Unique and stable; versioned ids sort in the order they must run. */
    String id();

    String description();

    default boolean repeatable() {
        return false;
    }

    /** What identifies this migration's content; a repeatable migration re-runs when it changes. */
    default String checksum() {
        return Sha256.hex(id() + "\n" + description() + "\n" + getClass().getName());
    }

    void apply(MongoDatabase database);
}
