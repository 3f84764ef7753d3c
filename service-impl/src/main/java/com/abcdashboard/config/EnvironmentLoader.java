package com.abcdashboard.config;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the flat variable map the configuration is read from: the env file of the chosen environment
 * ({@code <ENV_DIR>/<APP_ENV>.env}, or {@code ENV_FILE}) first, then the real environment on top, so a
 * real variable always wins over the file.
 */
public final class EnvironmentLoader {
    private EnvironmentLoader() {}

    /** The variables in force and the env file they were read from, if any. */
    public record LoadedEnvironment(Map<String, String> variables, List<Path> files) {}

    public static LoadedEnvironment load(Map<String, String> realEnvironment) {
        Path file = chooseFile(realEnvironment);
        if (realEnvironment.containsKey("ENV_FILE") && !Files.isRegularFile(file)) {
            throw new ConfigException(List.of("ENV_FILE names a file that does not exist: " + file));
        }
        Map<String, String> merged = new HashMap<>();
        List<Path> files = List.of();
        if (Files.isRegularFile(file)) {
            merged.putAll(read(file));
            files = List.of(file);
        }
        // A file's own APP_ENV stays in force unless the real environment sets one: a file named by
        // ENV_FILE that says production must not be validated with development's lenient rules.
        merged.putAll(realEnvironment);
        return new LoadedEnvironment(Map.copyOf(merged), files);
    }

    private static Path chooseFile(Map<String, String> realEnvironment) {
        if (realEnvironment.containsKey("ENV_FILE")) {
            return Path.of(realEnvironment.get("ENV_FILE"));
        }
        String appEnv = realEnvironment.getOrDefault("APP_ENV", "development").trim();
        String name = AppEnvironment.parse(appEnv).map(AppEnvironment::id).orElse(appEnv);
        return Path.of(realEnvironment.getOrDefault("ENV_DIR", "env"), name + ".env");
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> values = new HashMap<>();
        try {
            Dotenv dotenv = Dotenv.configure()
                    .directory(file.toAbsolutePath().getParent().toString())
                    .filename(file.getFileName().toString())
                    .load();
            for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                values.put(entry.getKey(), entry.getValue());
            }
        } catch (DotenvException e) {
            // dotenv's message for a malformed entry quotes the line, which may hold a secret.
            boolean malformed = String.valueOf(e.getMessage()).startsWith("Malformed entry");
            throw new ConfigException(List.of(
                    malformed
                            ? file + " has a line that is not NAME=value (not shown: it may hold a secret)"
                            : file + " cannot be read"));
        }
        return values;
    }
}
