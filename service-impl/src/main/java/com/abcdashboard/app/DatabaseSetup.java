package com.abcdashboard.app;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.auth.EmailLinks;
import com.abcdashboard.domain.auth.FirstAdmin;
import com.abcdashboard.domain.auth.OpaqueTokens;
import com.abcdashboard.persistence.MongoOneTimeTokenRepository;
import com.abcdashboard.persistence.MongoUserRepository;
import com.abcdashboard.persistence.migration.MigrationLock;
import com.abcdashboard.persistence.migration.MigrationRunner;
import com.abcdashboard.persistence.migration.MigrationStatus;
import com.abcdashboard.persistence.migration.Migrations;
import com.abcdashboard.security.BcryptPasswordHasher;
import com.mongodb.client.MongoDatabase;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database up to date: under the migration lock, applies pending migrations (the index step
 * included), then seeds the first administrator if there is none. Run at every start-up and by the
 * {@code migrate} command; a second instance waits for the lock and then finds nothing to do.
 */
public final class DatabaseSetup {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSetup.class);

    /** What one run did. */
    public record Result(List<MigrationStatus> applied, FirstAdmin.Outcome admin) {}

    private DatabaseSetup() {}

    /**
     * @param out where a set-password link for a password-less first admin is printed, once; never a log
     */
    public static Result migrate(AppConfig config, MongoDatabase database, Clock clock, PrintStream out) {
        MigrationRunner runner = new MigrationRunner(database, Migrations.all(), clock);
        MigrationLock lock = MigrationLock.forThisProcess(database, clock);
        Result result = lock.holding(() -> new Result(
                runner.applyPending(),
                firstAdmin(config, database, clock)
                        .ensure(
                                config.initialAdmin().email(),
                                config.initialAdmin().password(),
                                config.initialAdmin().username())));
        switch (result.admin()) {
            case FirstAdmin.Outcome.CreatedWithPassword created ->
                LOG.info("First administrator {} created", created.admin().id());
            case FirstAdmin.Outcome.CreatedWithLink created -> {
                LOG.info(
                        "First administrator {} created without a password; set-password link printed",
                        created.admin().id());
                out.println("First administrator " + created.admin().email() + " created without a password.");
                out.println("Set it (link valid " + UseCases.SET_PASSWORD_TTL.toHours() + " h, shown once): "
                        + created.setPasswordLink());
                out.flush();
            }
            case FirstAdmin.Outcome.NotNeeded notNeeded ->
                LOG.debug("No first administrator created: {}", notNeeded.reason());
        }
        return result;
    }

    public static List<MigrationStatus> status(MongoDatabase database, Clock clock) {
        return new MigrationRunner(database, Migrations.all(), clock).status();
    }

    private static FirstAdmin firstAdmin(AppConfig config, MongoDatabase database, Clock clock) {
        MongoUserRepository users = new MongoUserRepository(database);
        // The seed prints its link; nothing here is mailed.
        EmailLinks links = new EmailLinks(
                new MongoOneTimeTokenRepository(database),
                new OpaqueTokens(new SecureRandom()),
                message -> {
                    throw new IllegalStateException("The first-admin seed never sends mail");
                },
                UseCases.authSettings(config),
                clock);
        return new FirstAdmin(users, users::anyAdmin, new BcryptPasswordHasher(config.security()), links, clock);
    }
}
