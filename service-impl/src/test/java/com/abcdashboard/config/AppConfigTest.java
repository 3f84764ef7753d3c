package com.abcdashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.abcdashboard.domain.user.Role;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppConfigTest {
    private static final String DEV_SECRET = "a-development-secret-of-enough-length-0123456789";
    private static final String GOOD_SECRET = "a-production-grade-secret-of-48-characters-000000";
    private static final String GOOD_MFA_KEY = "another-production-grade-key-of-48-characters-0000";

    private static Map<String, String> dev(String... pairs) {
        return with(new HashMap<>(Map.of("JWT_SECRET", DEV_SECRET)), pairs);
    }

    /** A complete, valid production configuration; {@code pairs} change or add to it. */
    private static Map<String, String> production(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of(
                "APP_ENV", "production",
                "JWT_SECRET", GOOD_SECRET,
                "MFA_ENCRYPTION_KEY", GOOD_MFA_KEY,
                "MONGODB_URI", "mongodb://db1:27017,db2:27017/abc?replicaSet=rs0",
                "EMAIL_HOST", "smtp.example.com"));
        return with(env, pairs);
    }

    private static Map<String, String> with(Map<String, String> env, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    private static ConfigException problems(Map<String, String> env) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> AppConfig.from(env));
        assertThat(e).as("expected the configuration to be refused").isNotNull();
        return e;
    }

    /** The variable each problem is about: every message starts with its name. */
    private static List<String> variablesNamedBy(ConfigException e) {
        return e.problems().stream().map(p -> p.substring(0, p.indexOf(' '))).toList();
    }

    @Test
    void webhooksToPrivateAddressesAreForDevelopmentAndTestOnly() {
        assertThat(AppConfig.from(dev("WEBHOOK_ALLOW_PRIVATE_TARGETS", "true"))
                        .webhooks()
                        .allowPrivateTargets())
                .isTrue();
        assertThat(variablesNamedBy(problems(production("WEBHOOK_ALLOW_PRIVATE_TARGETS", "true"))))
                .containsExactly("WEBHOOK_ALLOW_PRIVATE_TARGETS");
        assertThat(AppConfig.from(production()).webhooks().allowPrivateTargets())
                .isFalse();
    }

    @Test
    void corsAllowsTheDashboardsTracingHeadersByDefault() {
        assertThat(AppConfig.from(dev()).server().corsAllowedHeaders())
                .containsExactly(
                        "Authorization",
                        "Content-Type",
                        "X-Correlation-ID",
                        "X-Request-ID",
                        "X-Trace-ID",
                        "X-Span-ID",
                        "X-Parent-Span-ID",
                        "X-Sampled",
                        "traceparent",
                        "tracestate");
    }

    @Test
    void corsAllowedHeadersAreAConfigurableList() {
        assertThat(AppConfig.from(dev("CORS_ALLOWED_HEADERS", " Authorization, Content-Type,,X-Tenant ,Authorization"))
                        .server()
                        .corsAllowedHeaders())
                .containsExactly("Authorization", "Content-Type", "X-Tenant");
    }

    @ParameterizedTest
    @ValueSource(strings = {" , ", "Authorization, X Trace", "Content-Type;charset", "X-Trace-ID\r\nSet-Cookie"})
    void corsAllowedHeadersMustBeHeaderNames(String raw) {
        assertThat(variablesNamedBy(problems(dev("CORS_ALLOWED_HEADERS", raw))))
                .containsExactly("CORS_ALLOWED_HEADERS");
    }

    @Test
    void developmentNeedsOnlyASecretAndDefaultsEverythingElse() {
        AppConfig config = AppConfig.from(dev());

        assertThat(config.environment()).isEqualTo(AppEnvironment.DEVELOPMENT);
        assertThat(config.server())
                .isEqualTo(new AppConfig.Server(
                        "0.0.0.0",
                        5000,
                        URI.create("http://localhost:3000"),
                        100 * 1024,
                        AppConfig.Server.DEFAULT_CORS_ALLOWED_HEADERS,
                        Duration.ofSeconds(10),
                        Optional.empty()));
        assertThat(config.mongo().isEmbedded()).isTrue();
        assertThat(config.mongo().embedded()).isEqualTo(AppConfig.EmbeddedStorage.FILE);
        assertThat(config.mongo().embeddedDataDir()).isEqualTo(Path.of("data"));
        assertThat(config.mongo().database()).isEqualTo("abc_dashboard");
        assertThat(config.jwt().accessTokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.jwt().refreshTokenTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(config.jwt().emailVerificationTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(config.jwt().passwordResetTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.jwt().refreshReuseGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.email().capturesInProcess()).isTrue();
        assertThat(config.email().port()).isEqualTo(587);
        assertThat(config.security()).isEqualTo(new AppConfig.Security(12, 5, Duration.ofMinutes(15)));
        assertThat(config.cache())
                .isEqualTo(new AppConfig.Cache(
                        java.util.Optional.empty(),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(1),
                        "abc-dashboard",
                        10_000,
                        Duration.ofSeconds(1)));
        assertThat(config.logging()).isEqualTo(new AppConfig.Logging(AppConfig.LogLevel.INFO, Path.of("logs"), true));
    }

    @Test
    void productionShortensTheAccessTokenLifetimeByDefault() {
        assertThat(AppConfig.from(production()).jwt().accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aCompleteProductionConfigurationIsAccepted() {
        AppConfig config = AppConfig.from(production());

        assertThat(config.environment()).isEqualTo(AppEnvironment.PRODUCTION);
        assertThat(config.mongo().isEmbedded()).isFalse();
        assertThat(config.email().capturesInProcess()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eighty", "80.5", "5000x", "99999999999"})
    void anUnparseablePortIsReported(String port) {
        assertThat(problems(dev("PORT", port)).problems())
                .containsExactly("PORT must be a whole number between 0 and 65535");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "65536", "70000"})
    void aPortOutOfRangeIsReported(String port) {
        assertThat(problems(dev("PORT", port)).problems()).containsExactly("PORT must be between 0 and 65535");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mysql://db:3306/abc",
                "localhost:27017",
                "mongodb://",
                "mongodb://db:notaport/abc",
                "mongodb+srv://db:27017/abc"
            })
    void aMalformedMongoUriIsReported(String uri) {
        assertThat(variablesNamedBy(problems(dev("MONGODB_URI", uri)))).containsExactly("MONGODB_URI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "15 minutes", "-5m", "1w", "1.5h", "0", "0s", "3651d", "99999999999999999999"})
    void anInvalidDurationIsReported(String duration) {
        assertThat(variablesNamedBy(problems(dev("JWT_EXPIRES_IN", duration)))).containsExactly("JWT_EXPIRES_IN");
    }

    @Test
    void aRefreshReuseGraceOverAMinuteIsRefused() {
        assertThat(AppConfig.from(dev("REFRESH_REUSE_GRACE", "1m")).jwt().refreshReuseGrace())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(variablesNamedBy(problems(dev("REFRESH_REUSE_GRACE", "61s"))))
                .containsExactly("REFRESH_REUSE_GRACE");
    }

    @ParameterizedTest
    @CsvSource({"30s, PT30S", "15m, PT15M", "1h, PT1H", "7d, PT168H", "24h, PT24H", "600, PT10M", "250ms, PT0.25S"})
    void durationsAcceptTheDeploymentGuideNotationAndPlainSeconds(String written, Duration expected) {
        AppConfig config = AppConfig.from(dev("JWT_PASSWORD_RESET_EXPIRES_IN", written));

        assertThat(config.jwt().passwordResetTtl()).isEqualTo(expected);
    }

    @Test
    void anUnknownLogLevelIsReported() {
        assertThat(problems(dev("LOG_LEVEL", "loud")).problems())
                .containsExactly("LOG_LEVEL must be one of [error, warn, info, debug, trace]");
    }

    @Test
    void logLevelsAreCaseInsensitive() {
        assertThat(AppConfig.from(dev("LOG_LEVEL", "WARN")).logging().level()).isEqualTo(AppConfig.LogLevel.WARN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev", "live"})
    void anUnknownEnvironmentIsReported(String appEnv) {
        assertThat(problems(dev("APP_ENV", appEnv)).problems())
                .containsExactly("APP_ENV must be one of [development, test, staging, production]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://dashboard.example.com", "localhost:3000", "dashboard.example.com", "http://"})
    void aClientUrlThatIsNotAnHttpUrlIsReported(String url) {
        assertThat(variablesNamedBy(problems(dev("CLIENT_URL", url)))).containsExactly("CLIENT_URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://cache:6379", "tcp://cache:6379", "cache:6379"})
    void aRedisUrlWithAnotherSchemeIsReported(String url) {
        assertThat(problems(dev("REDIS_URL", url)).problems())
                .containsExactly("REDIS_URL must be a URL starting with one of [redis://, rediss://, "
                        + "redis-sentinel://, rediss-sentinel://, redis-cluster://, rediss-cluster://]");
    }

    @Test
    void aRedisUrlWithTlsAndPasswordIsAccepted() {
        AppConfig config = AppConfig.from(dev("REDIS_URL", "rediss://:pass@redis:6380"));

        RedisEndpoint redis = config.cache().redisUrl().orElseThrow();
        assertThat(redis.tls()).isTrue();
        assertThat(redis.password()).contains("pass");
        assertThat(redis.nodes()).containsExactly(new RedisEndpoint.Node("redis", 6380));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "redis://a:1,b:2",
                "redis-sentinel://s1:26379",
                "redis-cluster://c1:6379/3",
                "redis://cache:99999",
                "redis://cache/x",
                "redis://",
                "redis://cache:6379?timeout=1"
            })
    void aMalformedRedisUrlIsReportedWithoutItsValue(String url) {
        ConfigException e = problems(dev("REDIS_URL", url));

        assertThat(variablesNamedBy(e)).containsExactly("REDIS_URL");
        assertThat(e.getMessage()).doesNotContain(url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"has space", "a/b", "an-overly-long-prefix-that-goes-on-and-on-well-beyond-sixty-four-chars"})
    void aCacheKeyPrefixOutsideTheSafeAlphabetIsReported(String prefix) {
        assertThat(variablesNamedBy(problems(dev("CACHE_KEY_PREFIX", prefix)))).containsExactly("CACHE_KEY_PREFIX");
    }

    @Test
    void productionWithAShortSecretNamesJwtSecretWithoutRepeatingIt() {
        ConfigException e = problems(production("JWT_SECRET", "short"));

        assertThat(e.problems()).containsExactly("JWT_SECRET must be at least 32 characters in production");
        assertThat(e.getMessage()).doesNotContain("short");
    }

    @Test
    void aShortSecretIsRefusedInDevelopmentToo() {
        assertThat(variablesNamedBy(problems(dev("JWT_SECRET", "0123456789abcdef0123456789abcde"))))
                .containsExactly("JWT_SECRET");
    }

    @Test
    void aMissingSecretIsRequiredEverywhere() {
        assertThat(problems(Map.of()).problems()).containsExactly("JWT_SECRET is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void deployedEnvironmentsRefuseEveryRepositorySecret(String appEnv) {
        for (String committed : AppConfig.KNOWN_DEV_SECRETS) {
            ConfigException e = problems(production("APP_ENV", appEnv, "JWT_SECRET", committed));

            assertThat(e.problems())
                    .containsExactly(
                            "JWT_SECRET is a development secret from the repository; set a real one in " + appEnv);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void deployedEnvironmentsNeedTheirOwnMfaEncryptionKey(String appEnv) {
        assertThat(problems(production("APP_ENV", appEnv, "MFA_ENCRYPTION_KEY", null))
                        .problems())
                .containsExactly("MFA_ENCRYPTION_KEY is required in " + appEnv);
        for (String committed : AppConfig.KNOWN_DEV_MFA_KEYS) {
            assertThat(problems(production("APP_ENV", appEnv, "MFA_ENCRYPTION_KEY", committed))
                            .problems())
                    .containsExactly(
                            "MFA_ENCRYPTION_KEY is a development key from the repository; set a real one in " + appEnv);
        }
    }

    @Test
    void anMfaEncryptionKeyShorterThan32CharactersIsRefusedEverywhere() {
        assertThat(problems(dev("MFA_ENCRYPTION_KEY", "short-mfa-key")).problems())
                .containsExactly("MFA_ENCRYPTION_KEY must be at least 32 characters");
    }

    @Test
    void developmentWithoutAnMfaKeyUsesTheDevelopmentOneAndNoRoleMustEnrol() {
        AppConfig config = AppConfig.from(dev());

        assertThat(config.mfa().encryptionKey()).isEqualTo(AppConfig.DEVELOPMENT_MFA_KEY);
        assertThat(config.mfa().requiredRoles()).isEmpty();
        assertThat(config.mfa().toString()).doesNotContain(AppConfig.DEVELOPMENT_MFA_KEY);
    }

    @Test
    void mfaRequiredRolesAreACommaSeparatedListOfRoles() {
        assertThat(AppConfig.from(dev("MFA_REQUIRED_ROLES", " admin, Manager "))
                        .mfa()
                        .requiredRoles())
                .containsExactlyInAnyOrder(Role.ADMIN, Role.MANAGER);
        assertThat(problems(dev("MFA_REQUIRED_ROLES", "admin,root")).problems())
                .containsExactly("MFA_REQUIRED_ROLES must name roles among admin, manager, staff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "embedded:memory", ""})
    void productionRefusesTheEmbeddedDatabase(String uri) {
        assertThat(problems(production("MONGODB_URI", uri)).problems())
                .containsExactly("MONGODB_URI must point at a real MongoDB in production (embedded is for dev/test)");
    }

    @Test
    void productionRefusesToRunWithoutAnSmtpServer() {
        assertThat(problems(production("EMAIL_HOST", null)).problems())
                .containsExactly("EMAIL_HOST is required in production (in-process mail capture is for dev/test)");
    }

    @Test
    void stagingRefusesATestGradeBcryptCost() {
        assertThat(problems(production("APP_ENV", "staging", "BCRYPT_ROUNDS", "4"))
                        .problems())
                .containsExactly("BCRYPT_ROUNDS must be at least 10 in staging");
    }

    @Test
    void everyProblemIsListedInOneException() {
        ConfigException e = problems(dev(
                "PORT", "eighty",
                "MONGODB_URI", "mysql://nope",
                "JWT_EXPIRES_IN", "soon",
                "LOG_LEVEL", "loud",
                "CLIENT_URL", "ftp://x",
                "REDIS_URL", "http://cache:6379",
                "BCRYPT_ROUNDS", "99",
                "EMAIL_FROM", "not-an-address",
                "EMAIL_SECURE", "maybe"));

        assertThat(variablesNamedBy(e))
                .containsExactlyInAnyOrder(
                        "PORT",
                        "CLIENT_URL",
                        "MONGODB_URI",
                        "JWT_EXPIRES_IN",
                        "EMAIL_FROM",
                        "EMAIL_SECURE",
                        "BCRYPT_ROUNDS",
                        "REDIS_URL",
                        "LOG_LEVEL");
        assertThat(e.getMessage()).startsWith("Invalid configuration:");
        assertThat(e.getMessage().lines().skip(1))
                .allSatisfy(line -> assertThat(line).startsWith("  - "));
        assertThat(e.getMessage().lines().count()).isEqualTo(1 + e.problems().size());
    }

    @Test
    void productionListsEveryMissingPieceAtOnce() {
        ConfigException e = problems(Map.of("APP_ENV", "production", "JWT_SECRET", "short"));

        assertThat(variablesNamedBy(e))
                .containsExactlyInAnyOrder("JWT_SECRET", "MFA_ENCRYPTION_KEY", "MONGODB_URI", "EMAIL_HOST");
    }

    @Test
    void noProblemMessageRepeatsTheValueItRejects() {
        ConfigException e = problems(production(
                "JWT_SECRET", "tiny-s3cret",
                "MONGODB_URI", "mongodb://admin:mongo-pw-123@db:notaport/abc",
                "REDIS_URL", "http://:redis-pw-456@cache:6379",
                "CLIENT_URL", "ftp://client-marker",
                "PORT", "70000",
                "BCRYPT_ROUNDS", "3",
                "JWT_EXPIRES_IN", "99999999999999999999",
                "EMAIL_FROM", "from-marker",
                "LOG_LEVEL", "level-marker"));

        assertThat(e.problems()).hasSize(9);
        assertThat(e.getMessage())
                .doesNotContain("tiny-s3cret")
                .doesNotContain("mongo-pw-123")
                .doesNotContain("redis-pw-456")
                .doesNotContain("client-marker")
                .doesNotContain("70000")
                .doesNotContain("99999999999999999999")
                .doesNotContain("from-marker")
                .doesNotContain("level-marker");
    }

    @Test
    void aRealMongoUriTakesItsDatabaseFromThePathUnlessOneIsNamed() {
        AppConfig fromPath = AppConfig.from(dev("MONGODB_URI", "mongodb://localhost:27017/dashboard"));
        AppConfig named =
                AppConfig.from(dev("MONGODB_URI", "mongodb://localhost:27017/dashboard", "MONGODB_DATABASE", "other"));

        assertThat(fromPath.mongo().isEmbedded()).isFalse();
        assertThat(fromPath.mongo().database()).isEqualTo("dashboard");
        assertThat(named.mongo().database()).isEqualTo("other");
    }

    @Test
    void embeddedMemoryKeepsNothingOnDisk() {
        assertThat(AppConfig.from(dev("MONGODB_URI", "embedded:memory")).mongo().embedded())
                .isEqualTo(AppConfig.EmbeddedStorage.MEMORY);
    }

    @Test
    void accountSettingsDefaultToVerificationRequiredUsPhonesNoNewDeviceMailAndTheAdminUsernameAdmin() {
        AppConfig config = AppConfig.from(dev());

        assertThat(config.accounts()).isEqualTo(new AppConfig.Accounts(true, "US", false));
        assertThat(config.initialAdmin().username()).isEqualTo("admin");
    }

    @Test
    void accountSettingsAreReadAndAnUnknownRegionOrABadUsernameIsAProblem() {
        AppConfig config = AppConfig.from(dev(
                "REQUIRE_EMAIL_VERIFICATION",
                "false",
                "DEFAULT_PHONE_REGION",
                "VN",
                "ADMIN_USERNAME",
                "root_1",
                "NOTIFY_NEW_DEVICE",
                "true"));
        assertThat(config.accounts()).isEqualTo(new AppConfig.Accounts(false, "VN", true));
        assertThat(config.initialAdmin().username()).isEqualTo("root_1");

        ConfigException e = problems(dev("DEFAULT_PHONE_REGION", "XX", "ADMIN_USERNAME", "no spaces"));
        assertThat(variablesNamedBy(e)).contains("DEFAULT_PHONE_REGION", "ADMIN_USERNAME");
    }

    @Test
    void theConfigurationPrintsWithoutAnySecret() {
        AppConfig config = AppConfig.from(production(
                "MONGODB_URI", "mongodb://admin:mongo-pw-123@db1:27017,db2:27017/abc?replicaSet=rs0",
                "EMAIL_PASS", "smtp-password-123",
                "REDIS_URL", "rediss-sentinel://:redis-pw-456@s1:26379,s2/mymaster"));

        assertThat(config.toString())
                .doesNotContain(GOOD_SECRET)
                .doesNotContain(GOOD_MFA_KEY)
                .doesNotContain("mongo-pw-123")
                .doesNotContain("admin")
                .doesNotContain("smtp-password-123")
                .doesNotContain("redis-pw-456")
                .contains("db1:27017,db2:27017/abc")
                .contains("rediss-sentinel://:***@s1:26379,s2:26379/mymaster");
    }
}
