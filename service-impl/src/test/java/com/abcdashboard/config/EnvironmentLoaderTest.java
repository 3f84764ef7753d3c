package com.abcdashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentLoaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFileOfTheChosenEnvironment() throws IOException {
        Files.writeString(dir.resolve("staging.env"), "PORT=7000\n# comment\nCLIENT_URL=https://x.example\n");

        var loaded = EnvironmentLoader.load(Map.of("APP_ENV", "staging", "ENV_DIR", dir.toString()));

        assertThat(loaded.variables()).containsEntry("PORT", "7000").containsEntry("CLIENT_URL", "https://x.example");
        assertThat(loaded.files()).containsExactly(dir.resolve("staging.env"));
    }

    @Test
    void realEnvironmentVariablesWinOverTheFile() throws IOException {
        Files.writeString(dir.resolve("development.env"), "PORT=7000\n");

        var loaded = EnvironmentLoader.load(Map.of("PORT", "8000", "ENV_DIR", dir.toString()));

        assertThat(loaded.variables()).containsEntry("PORT", "8000").containsEntry("APP_ENV", "development");
    }

    @Test
    void envFileOverridesTheDirectoryLookup() throws IOException {
        Path file = Files.writeString(dir.resolve("custom.env"), "LOG_LEVEL=warn\n");

        var loaded = EnvironmentLoader.load(Map.of("ENV_FILE", file.toString()));

        assertThat(loaded.variables()).containsEntry("LOG_LEVEL", "warn");
    }

    @Test
    void aMissingDefaultFileIsFineButAMissingEnvFileIsAnError() {
        assertThat(EnvironmentLoader.load(Map.of("ENV_DIR", dir.toString())).files())
                .isEmpty();
        assertThatThrownBy(() -> EnvironmentLoader.load(
                        Map.of("ENV_FILE", dir.resolve("nope.env").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ENV_FILE");
    }

    @Test
    void theCommittedEnvFilesAreValid() {
        Path repoEnv = Path.of(System.getProperty("repo.env.dir"));
        for (String env : new String[] {"development", "test"}) {
            AppConfig.from(EnvironmentLoader.load(Map.of("APP_ENV", env, "ENV_DIR", repoEnv.toString()))
                    .variables());
        }
        for (String env : new String[] {"staging", "production"}) {
            AppConfig config = AppConfig.from(EnvironmentLoader.load(Map.of(
                            "APP_ENV",
                            env,
                            "ENV_DIR",
                            repoEnv.toString(),
                            "JWT_SECRET",
                            "a-real-secret-from-the-secret-store-0123456789",
                            "MONGODB_URI",
                            "mongodb://mongo:27017/abc"))
                    .variables());
            assertThat(config.environment().id()).isEqualTo(env);
        }
    }
}
