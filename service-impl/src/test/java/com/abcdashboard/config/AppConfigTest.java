package com.abcdashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {
    private static final String GOOD_SECRET = "a-production-grade-secret-of-48-characters-000000";

    private static Map<String, String> dev(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("JWT_SECRET", "dev-only-jwt-secret-change-me-0123456789abcdef"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static Map<String, String> production(String... pairs) {
        Map<String, String> env = dev(
                "APP_ENV", "production",
                "JWT_SECRET", GOOD_SECRET,
                "MONGODB_URI", "mongodb://db1:27017,db2:27017/abc?replicaSet=rs0",
                "EMAIL_HOST", "smtp.example.com");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static ConfigException problems(Map<String, String> env) {
        return catchThrowableOfType(ConfigException.class, () -> AppConfig.from(env));
    }

    @Test
    void developmentDefaultsNeedOnlyASecret() {
        AppConfig config = AppConfig.from(dev());

        assertThat(config.environment()).isEqualTo(AppEnvironment.DEVELOPMENT);
        assertThat(config.server().port()).isEqualTo(5000);
        assertThat(config.mongo().isEmbedded()).isTrue();
        assertThat(config.mongo().embedded()).isEqualTo(AppConfig.EmbeddedStorage.FILE);
        assertThat(config.mongo().embeddedDataDir()).isEqualTo(Path.of("data"));
        assertThat(config.jwt().accessTokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.security().bcryptRounds()).isEqualTo(12);
        assertThat(config.security().maxFailedLogins()).isEqualTo(5);
        assertThat(config.email().capturesInProcess()).isTrue();
    }

    @Test
    void productionShortensTheAccessTokenLifetimeByDefault() {
        assertThat(AppConfig.from(production()).jwt().accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void productionWithAShortSecretNamesJwtSecretWithoutEchoingIt() {
        ConfigException e = problems(production("JWT_SECRET", "short"));

        assertThat(e.problems())
                .anySatisfy(p -> assertThat(p).startsWith("JWT_SECRET").contains("32"));
        assertThat(e.getMessage()).doesNotContain("short\"").doesNotContain("=short");
    }

    @Test
    void everyInvalidValueIsReportedAtOnce() {
        ConfigException e = problems(dev(
                "PORT", "eighty",
                "MONGODB_URI", "mysql://nope",
                "JWT_EXPIRES_IN", "soon",
                "LOG_LEVEL", "loud",
                "CLIENT_URL", "ftp://x",
                "REDIS_URL", "http://cache:6379",
                "BCRYPT_ROUNDS", "99",
                "EMAIL_FROM", "not-an-address"));

        assertThat(e.problems())
                .extracting(p -> p.substring(0, p.indexOf(' ')))
                .containsExactlyInAnyOrder(
                        "PORT",
                        "MONGODB_URI",
                        "JWT_EXPIRES_IN",
                        "LOG_LEVEL",
                        "CLIENT_URL",
                        "REDIS_URL",
                        "BCRYPT_ROUNDS",
                        "EMAIL_FROM");
    }

    @Test
    void portOutOfRangeIsRejected() {
        assertThat(problems(dev("PORT", "70000")).problems())
                .singleElement()
                .asString()
                .startsWith("PORT");
    }

    @Test
    void anUnknownEnvironmentIsRejected() {
        assertThat(problems(dev("APP_ENV", "prod")).problems())
                .singleElement()
                .asString()
                .startsWith("APP_ENV");
    }

    @Test
    void deployedEnvironmentsRefuseRepositorySecretsEmbeddedMongoAndMissingSmtp() {
        ConfigException e = problems(Map.of(
                "APP_ENV", "staging",
                "JWT_SECRET", "test-only-jwt-secret-0123456789abcdef0123",
                "BCRYPT_ROUNDS", "4"));

        assertThat(e.problems())
                .extracting(p -> p.substring(0, p.indexOf(' ')))
                .containsExactlyInAnyOrder("JWT_SECRET", "MONGODB_URI", "EMAIL_HOST", "BCRYPT_ROUNDS");
    }

    @Test
    void aMissingSecretIsRequiredEverywhere() {
        assertThat(problems(Map.of()).problems()).containsExactly("JWT_SECRET is required");
    }

    @Test
    void durationsAcceptTheGuideNotation() {
        AppConfig config = AppConfig.from(dev(
                "JWT_EXPIRES_IN", "15m",
                "JWT_REFRESH_EXPIRES_IN", "7d",
                "JWT_EMAIL_VERIFICATION_EXPIRES_IN", "24h",
                "JWT_PASSWORD_RESET_EXPIRES_IN", "600"));

        assertThat(config.jwt().accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.jwt().refreshTokenTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(config.jwt().emailVerificationTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(config.jwt().passwordResetTtl()).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void aRealMongoUriTakesItsDatabaseFromThePath() {
        AppConfig config = AppConfig.from(dev("MONGODB_URI", "mongodb://localhost:27017/dashboard"));

        assertThat(config.mongo().isEmbedded()).isFalse();
        assertThat(config.mongo().database()).isEqualTo("dashboard");
    }

    @Test
    void embeddedMemoryKeepsNothingOnDisk() {
        assertThat(AppConfig.from(dev("MONGODB_URI", "embedded:memory")).mongo().embedded())
                .isEqualTo(AppConfig.EmbeddedStorage.MEMORY);
    }

    @Test
    void secretsDoNotAppearInToString() {
        AppConfig config = AppConfig.from(production("EMAIL_PASS", "smtp-password-123"));

        assertThat(config.toString()).doesNotContain(GOOD_SECRET).doesNotContain("smtp-password-123");
    }
}
