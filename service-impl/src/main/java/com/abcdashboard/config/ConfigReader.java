package com.abcdashboard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values from a flat key/value source and collects every problem instead of failing on the
 * first, so that start-up can report all of them at once. Messages name the variable and never repeat
 * its value (values may be secrets).
 */
final class ConfigReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
    /**
     * Lifetimes are added to instants (token expiry, cache entries): a value big enough to overflow that
     * arithmetic would fail requests at run time. Ten years is far beyond any sensible lifetime.
     */
    private static final Duration MAX_DURATION = Duration.ofDays(3650);

    private static final String TOO_LONG = "must be at most 3650d";

    private final Map<String, String> source;
    private final List<String> problems = new ArrayList<>();

    ConfigReader(Map<String, String> source) {
        this.source = source;
    }

    Optional<String> optional(String key) {
        String value = source.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    int integer(String key, int defaultValue, int min, int max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                problem(key, "must be between " + min + " and " + max);
                return defaultValue;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(key, "must be a whole number between " + min + " and " + max);
            return defaultValue;
        }
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> {
                problem(key, "must be true or false");
                yield defaultValue;
            }
        };
    }

    /** Durations as the deployment guide writes them: {@code 15m}, {@code 1h}, {@code 7d}, {@code 30s}, or seconds. */
    Duration duration(String key, Duration defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return duration(key, raw.get(), defaultValue);
    }

    /** A comma-separated list of durations (each as {@link #duration}), at least one. */
    List<Duration> durations(String key, List<Duration> defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        List<Duration> values = new java.util.ArrayList<>();
        for (String part : raw.get().split(",")) {
            if (!part.isBlank()) {
                values.add(duration(key, part.trim(), null));
            }
        }
        if (values.isEmpty()) {
            problem(key, "must list at least one duration, e.g. 5s,5m,30m");
            return defaultValue;
        }
        return values.contains(null) ? defaultValue : List.copyOf(values);
    }

    private Duration duration(String key, String raw, Duration defaultValue) {
        Matcher m = DURATION.matcher(raw.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            problem(key, "must be a duration such as 30s, 15m, 1h or 7d");
            return defaultValue;
        }
        Duration value;
        try {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            value = switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            // More than a long or a Duration holds; the JDK's message would repeat the input.
            problem(key, TOO_LONG);
            return defaultValue;
        }
        if (value.isZero()) {
            problem(key, "must be longer than zero");
            return defaultValue;
        }
        if (value.compareTo(MAX_DURATION) > 0) {
            problem(key, TOO_LONG);
            return defaultValue;
        }
        return value;
    }

    /** An absolute URI whose scheme is one of {@code schemes}. */
    Optional<URI> uri(String key, Set<String> schemes) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.get());
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                problem(
                        key,
                        "must be a URL starting with one of "
                                + schemes.stream().sorted().map(s -> s + "://").toList());
                return Optional.empty();
            }
            if (uri.getHost() == null && uri.getAuthority() == null) {
                problem(key, "must name a host");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problem(key, "is not a valid URL");
            return Optional.empty();
        }
    }

    <E extends Enum<E>> E oneOf(String key, Class<E> type, E defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw.get())) {
                return constant;
            }
        }
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .toList();
        problem(key, "must be one of " + allowed);
        return defaultValue;
    }

    void problem(String key, String message) {
        problems.add(key + " " + message);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
