package com.abcdashboard.app;

import com.abcdashboard.app.CommandLine.Backup;
import com.abcdashboard.app.CommandLine.Command;
import com.abcdashboard.app.CommandLine.Migrate;
import com.abcdashboard.app.CommandLine.Restore;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.DomainException;
import com.abcdashboard.observability.BuildInfo;
import com.abcdashboard.persistence.MongoStore;
import com.abcdashboard.persistence.backup.BackupManifest;
import com.abcdashboard.persistence.backup.DatabaseBackup;
import com.abcdashboard.persistence.backup.DatabaseRestore;
import com.abcdashboard.persistence.migration.MigrationStatus;
import com.mongodb.client.MongoDatabase;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-shot operations commands ({@code migrate}, {@code backup}, {@code restore}): each opens the
 * database exactly as the service does (embedded server included), does its work, reports on {@code
 * out} and returns the exit status.
 */
final class Commands {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

    private final AppConfig config;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    Commands(AppConfig config, Clock clock, PrintStream out, PrintStream err) {
        this.config = config;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    int run(Command command) {
        try (MongoStore store = MongoStore.open(config.mongo())) {
            MongoDatabase db = store.database();
            switch (command) {
                case Migrate m when m.statusOnly() -> printStatus(DatabaseSetup.status(db, clock));
                case Migrate m -> migrate(db);
                case Backup b -> backup(db, b);
                case Restore r -> restore(db, r);
                default -> throw new IllegalArgumentException("Not an operations command: " + command);
            }
            return EXIT_OK;
        } catch (RuntimeException e) {
            // DomainException: ADMIN_* refused; BackupException/IllegalStateException: said for the operator.
            boolean expected = e instanceof DomainException
                    || e instanceof IllegalStateException
                    || e instanceof com.abcdashboard.persistence.backup.BackupException;
            LOG.error("{} failed", command, e);
            err.println("Failed: " + (expected ? e.getMessage() : e.toString()));
            return EXIT_FAILED;
        }
    }

    private void migrate(MongoDatabase db) {
        DatabaseSetup.Result result = DatabaseSetup.migrate(config, db, clock, out);
        if (result.applied().isEmpty()) {
            out.println("Nothing to migrate: the database is up to date.");
        } else {
            out.println("Applied " + result.applied().size() + " migration(s): "
                    + String.join(
                            ", ",
                            result.applied().stream().map(MigrationStatus::id).toList()));
        }
    }

    private void printStatus(List<MigrationStatus> statuses) {
        String row = "%-32s %-10s %-18s %-24s %s%n";
        out.printf(row, "ID", "KIND", "STATE", "APPLIED AT", "CHECKSUM");
        for (MigrationStatus s : statuses) {
            out.printf(
                    row,
                    s.id(),
                    s.repeatable() ? "repeatable" : "versioned",
                    s.state().name().toLowerCase(java.util.Locale.ROOT),
                    s.appliedAt().map(Object::toString).orElse("-"),
                    s.checksum());
        }
        long pending = statuses.stream().filter(MigrationStatus::pending).count();
        out.println(pending == 0 ? "Up to date." : pending + " pending.");
    }

    private void backup(MongoDatabase db, Backup command) {
        BackupManifest manifest =
                DatabaseBackup.export(db, command.out(), BuildInfo.load().version(), clock);
        long documents = manifest.collections().stream()
                .mapToLong(BackupManifest.Entry::documents)
                .sum();
        out.println("Backed up " + manifest.collections().size() + " collection(s), " + documents + " document(s) of "
                + db.getName() + " to " + command.out().toAbsolutePath());
    }

    private void restore(MongoDatabase db, Restore command) {
        DatabaseRestore.Result result = DatabaseRestore.restore(db, command.from(), command.drop());
        out.println("Restored " + result.manifest().collections().size() + " collection(s), " + result.documents()
                + " document(s) into " + db.getName() + " from a backup of "
                + result.manifest().createdAt()
                + " (version " + result.manifest().toolVersion() + ")");
    }
}
