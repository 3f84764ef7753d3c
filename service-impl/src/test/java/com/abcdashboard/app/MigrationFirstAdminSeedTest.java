package com.abcdashboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.ConfigException;
import com.abcdashboard.domain.auth.FirstAdmin;
import com.abcdashboard.domain.auth.OpaqueTokens;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.persistence.MongoStore;
import com.abcdashboard.persistence.MongoUserRepository;
import com.abcdashboard.security.BcryptPasswordHasher;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The first-admin seed as the start-up and {@code migrate} run it: through {@link DatabaseSetup}. */
class MigrationFirstAdminSeedTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final String PASSWORD = "Adm1nSecret";

    private MongoStore store;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private static AppConfig config(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "APP_ENV", "test",
                "JWT_SECRET", "test-only-jwt-secret-0123456789abcdef0123",
                "MONGODB_URI", "embedded:memory",
                "BCRYPT_ROUNDS", "4",
                "CLIENT_URL", "https://dashboard.example.com"));
        env.putAll(extra);
        return AppConfig.from(env);
    }

    private DatabaseSetup.Result migrate(AppConfig config) {
        if (store == null) {
            store = MongoStore.open(config.mongo());
        }
        return DatabaseSetup.migrate(
                config, store.database(), CLOCK, new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withAPasswordTheAdminIsActiveVerifiedAndCanSignInAndNothingIsPrinted() {
        AppConfig config = config(Map.of("ADMIN_EMAIL", "Root@Example.com", "ADMIN_PASSWORD", PASSWORD));

        DatabaseSetup.Result result = migrate(config);

        assertThat(result.admin()).isInstanceOf(FirstAdmin.Outcome.CreatedWithPassword.class);
        User admin = new MongoUserRepository(store.database())
                .findByEmail("root@example.com")
                .orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.active()).isTrue();
        assertThat(admin.emailVerified()).isTrue();
        assertThat(admin.firstLogin()).isFalse();
        assertThat(new BcryptPasswordHasher(config.security()).matches(PASSWORD, admin.passwordHash()))
                .isTrue();
        assertThat(printed()).isEmpty();
    }

    @Test
    void withoutAPasswordTheAdminMustSetOneThroughALinkPrintedOnce() {
        AppConfig config = config(Map.of("ADMIN_EMAIL", "root@example.com"));

        DatabaseSetup.Result first = migrate(config);
        String firstOutput = printed();
        DatabaseSetup.Result second = migrate(config);

        assertThat(first.admin()).isInstanceOf(FirstAdmin.Outcome.CreatedWithLink.class);
        assertThat(second.admin()).isInstanceOf(FirstAdmin.Outcome.NotNeeded.class);
        assertThat(printed()).isEqualTo(firstOutput);
        Matcher link = Pattern.compile("https://dashboard\\.example\\.com/reset-password\\?token=([A-Za-z0-9_-]+)")
                .matcher(firstOutput);
        assertThat(link.find()).as("link in %s", firstOutput).isTrue();

        MongoDatabase db = store.database();
        User admin = new MongoUserRepository(db).findByEmail("root@example.com").orElseThrow();
        assertThat(admin.firstLogin()).isTrue();
        assertThat(admin.passwordHash()).isNull();
        assertThat(admin.emailVerified()).isTrue();
        Document token = db.getCollection("one_time_tokens")
                .find(new Document("tokenHash", OpaqueTokens.hash(link.group(1))))
                .first();
        assertThat(token).isNotNull();
        assertThat(token.getString("purpose")).isEqualTo("SET_PASSWORD");
        assertThat(token.getString("userId")).isEqualTo(admin.id());
        assertThat(db.getCollection("email_outbox").countDocuments()).isZero();
    }

    @Test
    void anExistingAdminMeansNoSeedAndASecondMigrateAppliesNothing() {
        migrate(config(Map.of("ADMIN_EMAIL", "root@example.com", "ADMIN_PASSWORD", PASSWORD)));

        DatabaseSetup.Result again =
                migrate(config(Map.of("ADMIN_EMAIL", "other@example.com", "ADMIN_PASSWORD", PASSWORD)));

        assertThat(again.applied()).isEmpty();
        assertThat(again.admin()).isEqualTo(new FirstAdmin.Outcome.NotNeeded("an administrator exists"));
        assertThat(new MongoUserRepository(store.database()).findByEmail("other@example.com"))
                .isEmpty();
    }

    @Test
    void withoutAdminEmailNoAccountIsCreated() {
        DatabaseSetup.Result result = migrate(config(Map.of()));

        assertThat(result.admin()).isInstanceOf(FirstAdmin.Outcome.NotNeeded.class);
        assertThat(store.database().getCollection("users").countDocuments()).isZero();
    }

    @Test
    void aWeakAdminPasswordIsAConfigurationProblemThatNeverShowsThePassword() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> config(Map.of("ADMIN_EMAIL", "root@example.com", "ADMIN_PASSWORD", "weakling")));

        assertThat(e.problems())
                .singleElement()
                .asString()
                .startsWith("ADMIN_PASSWORD must")
                .doesNotContain("weakling");
    }

    @Test
    void anAdminPasswordWithoutAnEmailOrAnInvalidEmailIsRefused() {
        ConfigException withoutEmail =
                catchThrowableOfType(ConfigException.class, () -> config(Map.of("ADMIN_PASSWORD", PASSWORD)));
        ConfigException badEmail =
                catchThrowableOfType(ConfigException.class, () -> config(Map.of("ADMIN_EMAIL", "not-an-email")));

        assertThat(withoutEmail.problems()).containsExactly("ADMIN_PASSWORD is set without ADMIN_EMAIL");
        assertThat(badEmail.problems()).containsExactly("ADMIN_EMAIL must be an email address");
    }

    @Test
    void theConfigurationNeverPrintsTheAdminPassword() {
        AppConfig config = config(Map.of("ADMIN_EMAIL", "root@example.com", "ADMIN_PASSWORD", PASSWORD));

        assertThat(config.toString()).doesNotContain(PASSWORD).contains("root@example.com");
    }
}
