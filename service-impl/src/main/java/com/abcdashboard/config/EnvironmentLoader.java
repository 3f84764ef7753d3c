package com.abcdashboard.config;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
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
        String appEnv = realEnvironment.getOrDefault("APP_ENV", "development").trim();
        Path file = realEnvironment.containsKey("ENV_FILE")
                ? Path.of(realEnvironment.get("ENV_FILE"))
                : Path.of(realEnvironment.getOrDefault("ENV_DIR", "env"), appEnv + ".env");

        if (realEnvironment.containsKey("ENV_FILE") && !Files.isRegularFile(file)) {
            throw new ConfigException(List.of("ENV_FILE names a file that does not exist: " + file));
        }
        Map<String, String> merged = new HashMap<>();
        List<Path> files = List.of();
        if (Files.isRegularFile(file)) {
            Dotenv dotenv = Dotenv.configure()
                    .directory(file.toAbsolutePath().getParent().toString())
                    .filename(file.getFileName().toString())
                    .load();
            for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                merged.put(entry.getKey(), entry.getValue());
            }
            files = List.of(file);
        }
        merged.putAll(realEnvironment);
        merged.put("APP_ENV", appEnv);
        return new LoadedEnvironment(Map.copyOf(merged), files);
    }
}
