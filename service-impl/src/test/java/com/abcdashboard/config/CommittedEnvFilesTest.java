package com.abcdashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The env files under {@code env/} and the variable table in {@code docs/configuration.md} are part of
 * the product: these tests load the committed files themselves (the repository root comes from a
 * surefire system property) so a broken, leaky or incomplete file fails the build.
 */
class CommittedEnvFilesTest {
    private static final Path ENV_DIR = Path.of(System.getProperty("repo.env.dir"));
    private static final Path DOCS = Path.of(System.getProperty("repo.docs.dir"), "configuration.md");
    private static final Set<String> SECRETS =
            Set.of("JWT_SECRET", "MFA_ENCRYPTION_KEY", "EMAIL_PASS", "MONGODB_URI", "REDIS_URL", "ADMIN_PASSWORD");
    private static final String STORE_SECRET = "a-real-secret-from-the-secret-store-0123456789";

    private static Map<String, String> fileValues(String environment) {
        return EnvironmentLoader.load(
                        Map.of("ENV_FILE", ENV_DIR.resolve(environment + ".env").toString()))
                .variables();
    }

    private static ConfigException refused(Map<String, String> variables) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> AppConfig.from(variables));
        assertThat(e).as("expected the configuration to be refused").isNotNull();
        return e;
    }

    /** Every variable AppConfig reads, found by watching it read a valid configuration. */
    private static Set<String> variablesTheServiceReads() {
        Set<String> read = new TreeSet<>();
        Map<String, String> watched = new HashMap<>(Map.of("JWT_SECRET", STORE_SECRET)) {
            @Override
            public String get(Object key) {
                read.add((String) key);
                return super.get(key);
            }
        };
        AppConfig.from(watched);
        return read;
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "test"})
    void theLocalFilesAreValidAsCommitted(String environment) {
        AppConfig config = AppConfig.from(fileValues(environment));

        assertThat(config.environment().id()).isEqualTo(environment);
        assertThat(config.mongo().isEmbedded()).isTrue();
    }

    @Test
    void theTestFileKeepsTheSuiteFastAndOffDisk() {
        AppConfig config = AppConfig.from(fileValues("test"));

        assertThat(config.server().port()).isZero();
        assertThat(config.mongo().embedded()).isEqualTo(AppConfig.EmbeddedStorage.MEMORY);
        assertThat(config.security().bcryptRounds()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theDeployedFilesAreValidOnceTheSecretStoreSuppliesTheSecrets(String environment) {
        Map<String, String> real = Map.of(
                "APP_ENV",
                environment,
                "ENV_DIR",
                ENV_DIR.toString(),
                "JWT_SECRET",
                STORE_SECRET,
                "MFA_ENCRYPTION_KEY",
                STORE_SECRET,
                "MONGODB_URI",
                "mongodb://app:pw@mongo-1:27017,mongo-2:27017/abc_dashboard?replicaSet=rs0",
                "EMAIL_PASS",
                "smtp-password");

        AppConfig config = AppConfig.from(EnvironmentLoader.load(real).variables());

        assertThat(config.environment().id()).isEqualTo(environment);
        assertThat(config.email().capturesInProcess()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theDeployedFilesHoldNoSecret(String environment) {
        assertThat(fileValues(environment)).doesNotContainKeys(SECRETS.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theDeployedFilesAloneRefuseToStartAndNameTheMissingSecrets(String environment) {
        ConfigException e = refused(fileValues(environment));

        assertThat(e.problems())
                .extracting(p -> p.substring(0, p.indexOf(' ')))
                .containsExactlyInAnyOrder("JWT_SECRET", "MFA_ENCRYPTION_KEY", "MONGODB_URI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "test"})
    void theSecretCommittedForLocalUseIsRefusedInProduction(String environment) {
        String committedSecret = fileValues(environment).get("JWT_SECRET");
        Map<String, String> production = new HashMap<>(fileValues("production"));
        production.put("JWT_SECRET", committedSecret);
        production.put("MFA_ENCRYPTION_KEY", STORE_SECRET);
        production.put("MONGODB_URI", "mongodb://mongo:27017/abc_dashboard");

        ConfigException e = refused(production);

        assertThat(e.problems()).singleElement().asString().startsWith("JWT_SECRET is a development secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "test", "staging", "production"})
    void everyFileNamesEveryVariableAsAValueOrAComment(String environment) throws IOException {
        String file = Files.readString(ENV_DIR.resolve(environment + ".env"));

        assertThat(variablesTheServiceReads())
                .allSatisfy(name -> assertThat(file)
                        .as("%s.env mentions %s", environment, name)
                        .containsPattern(Pattern.compile("(?m)^(# ?(SECRET )?)?" + name + "\\b")));
    }

    @Test
    void theDocumentationTableDescribesEveryVariable() throws IOException {
        String tableRows = Files.readString(DOCS)
                .lines()
                .filter(line -> line.startsWith("| `"))
                .reduce("", (all, line) -> all + line + "\n");

        assertThat(variablesTheServiceReads())
                .allSatisfy(name ->
                        assertThat(tableRows).as("docs table row for %s", name).contains("`" + name + "`"));
    }
}
