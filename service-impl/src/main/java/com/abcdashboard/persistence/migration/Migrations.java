package com.abcdashboard.persistence.migration;

import java.util.List;

/**
 * The service's migrations, the one place to add one. A versioned migration gets the next id
 * ({@code 0001-short-name}, {@code 0002-…}) and must be idempotent; never edit or renumber one that has
 * shipped. Indexes are not migrations: they are defined in the repositories and created by the
 * repeatable {@link IndexDefinitions} step (a changed definition under an existing name needs a
 * versioned migration that drops the old index first).
 */
public final class Migrations {
    private Migrations() {}

    public static List<Migration> all() {
        return List.of(new UsernameBackfill(), new IndexDefinitions());
    }
}
