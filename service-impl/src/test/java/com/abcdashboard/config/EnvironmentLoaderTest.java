package com.abcdashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentLoaderTest {
    @TempDir
    Path dir;

    private static ConfigException refusedLoading(Map<String, String> realEnvironment) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> EnvironmentLoader.load(realEnvironment));
        assertThat(e).as("expected the environment to be refused").isNotNull();
        return e;
    }

    @Test
    void readsTheFileOfTheChosenEnvironment() throws IOException {
        Files.writeString(
                dir.resolve("staging.env"),
                "PORT=7000\n# a comment\n\nCLIENT_URL=https://x.example\nEMAIL_FROM_NAME=\"ABC Dashboard\"\n");

        var loaded = EnvironmentLoader.load(Map.of("APP_ENV", "staging", "ENV_DIR", dir.toString()));

        assertThat(loaded.variables())
                .containsEntry("PORT", "7000")
                .containsEntry("CLIENT_URL", "https://x.example")
                .containsEntry("EMAIL_FROM_NAME", "ABC Dashboard");
        assertThat(loaded.files()).containsExactly(dir.resolve("staging.env"));
    }

    @Test
    void withoutAppEnvTheDevelopmentFileIsRead() throws IOException {
        Files.writeString(dir.resolve("development.env"), "PORT=7000\n");

        var loaded = EnvironmentLoader.load(Map.of("ENV_DIR", dir.toString()));

        assertThat(loaded.files()).containsExactly(dir.resolve("development.env"));
    }

    @Test
    void appEnvChoosesItsFileWhateverItsCase() throws IOException {
        Files.writeString(dir.resolve("production.env"), "PORT=7000\n");

        var loaded = EnvironmentLoader.load(Map.of("APP_ENV", " Production ", "ENV_DIR", dir.toString()));

        assertThat(loaded.files()).containsExactly(dir.resolve("production.env"));
    }

    @Test
    void realEnvironmentVariablesWinOverTheFile() throws IOException {
        Files.writeString(dir.resolve("development.env"), "PORT=7000\nLOG_LEVEL=debug\n");

        var loaded = EnvironmentLoader.load(Map.of("PORT", "8000", "ENV_DIR", dir.toString()));

        assertThat(loaded.variables()).containsEntry("PORT", "8000").containsEntry("LOG_LEVEL", "debug");
    }

    @Test
    void envFileReplacesTheDirectoryLookup() throws IOException {
        Files.writeString(dir.resolve("development.env"), "LOG_LEVEL=debug\n");
        Path file = Files.writeString(dir.resolve("custom.env"), "LOG_LEVEL=warn\n");

        var loaded = EnvironmentLoader.load(Map.of("ENV_FILE", file.toString(), "ENV_DIR", dir.toString()));

        assertThat(loaded.variables()).containsEntry("LOG_LEVEL", "warn");
        assertThat(loaded.files()).containsExactly(file);
    }

    @Test
    void theEnvironmentNamedInsideAnEnvFileIsKeptWhenTheRealEnvironmentNamesNone() throws IOException {
        Path file = Files.writeString(dir.resolve("prod-like.env"), "APP_ENV=production\n");

        var loaded = EnvironmentLoader.load(Map.of("ENV_FILE", file.toString()));

        assertThat(loaded.variables()).containsEntry("APP_ENV", "production");
    }

    @Test
    void theRealAppEnvWinsOverTheOneInsideAnEnvFile() throws IOException {
        Path file = Files.writeString(dir.resolve("prod-like.env"), "APP_ENV=production\n");

        var loaded = EnvironmentLoader.load(Map.of("ENV_FILE", file.toString(), "APP_ENV", "staging"));

        assertThat(loaded.variables()).containsEntry("APP_ENV", "staging");
    }

    @Test
    void aMissingEnvironmentFileIsFine() {
        var loaded = EnvironmentLoader.load(Map.of("APP_ENV", "staging", "ENV_DIR", dir.toString(), "PORT", "1"));

        assertThat(loaded.files()).isEmpty();
        assertThat(loaded.variables()).containsEntry("PORT", "1");
    }

    @Test
    void anEnvFileThatDoesNotExistIsAnError() {
        ConfigException e =
                refusedLoading(Map.of("ENV_FILE", dir.resolve("nope.env").toString()));

        assertThat(e.problems()).singleElement().asString().startsWith("ENV_FILE");
    }

    @Test
    void aMalformedLineIsReportedWithoutShowingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.env"), "PORT=7000\nJWT_SECRET s3cret-on-a-bad-line\n");

        ConfigException e = refusedLoading(Map.of("ENV_FILE", file.toString()));

        assertThat(e.getMessage()).contains("bad.env").doesNotContain("s3cret-on-a-bad-line");
    }
}
