package com.abcdashboard.http;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.PageRequest;
import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The query string of one list request, read strictly, straight into the values the domain's queries take
 * ({@link PageRequest}, and {@code null} for "no filter", as {@code UserQuery} and {@code AuditQuery}
 * define it). Used by the list handlers in place of the generated parsers, which accept
 * {@code isActive=yes} as false, fail with a bare {@link NumberFormatException} on {@code page=x}, and look
 * enums up by constant name instead of by their API value. An empty value ({@code ?search=}) counts as
 * absent, as HTML forms send one for every empty field. Every problem is a 400 in the error envelope naming
 * the parameter.
 */
final class QueryParameters {
    private final ServerRequest request;

    QueryParameters(ServerRequest request) {
        this.request = request;
    }

    /** {@code page} (from 1, default 1) and {@code limit} (1 to {@link PageRequest#MAX_LIMIT}, default 10). */
    PageRequest page() {
        return new PageRequest(
                integer("page", 1, Integer.MAX_VALUE, 1),
                integer("limit", 1, PageRequest.MAX_LIMIT, PageRequest.DEFAULT_LIMIT));
    }

    /** Text of at most {@code maxLength} characters; null when absent. */
    String text(String name, int maxLength) {
        String value = raw(name).orElse(null);
        if (value != null && value.length() > maxLength) {
            throw invalid(name, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** {@code true} or {@code false}; null when absent. */
    Boolean bool(String name) {
        return raw(name)
                .map(v -> switch (v) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw invalid(name, "must be true or false");
                })
                .orElse(null);
    }

    /** One of a generated enum's API values, looked up with its {@code fromValue}; null when absent. */
    <E extends Enum<E>> E oneOf(String name, Class<E> type, Function<String, E> fromValue) {
        return raw(name)
                .map(v -> {
                    try {
                        return fromValue.apply(v);
                    } catch (IllegalArgumentException e) {
                        throw invalid(
                                name,
                                "must be one of "
                                        + Arrays.stream(type.getEnumConstants())
                                                .map(Object::toString)
                                                .toList());
                    }
                })
                .orElse(null);
    }

    /** An ISO-8601 date-time with offset, e.g. {@code 2026-11-25T10:15:30Z}; null when absent. */
    Instant instant(String name) {
        return raw(name)
                .map(v -> {
                    try {
                        return OffsetDateTime.parse(v).toInstant();
                    } catch (DateTimeParseException e) {
                        throw invalid(name, "must be an ISO-8601 date-time such as 2026-11-25T10:15:30Z");
                    }
                })
                .orElse(null);
    }

    private int integer(String name, int min, int max, int fallback) {
        Optional<String> raw = raw(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get().trim());
        } catch (NumberFormatException e) {
            throw invalid(name, "must be an integer between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw invalid(name, "must be an integer between " + min + " and " + max);
        }
        return value;
    }

    private Optional<String> raw(String name) {
        return request.query().first(name).asOptional().filter(v -> !v.isEmpty());
    }

    private static DomainException invalid(String name, String problem) {
        return new DomainException(ErrorCategory.VALIDATION, "Invalid request parameters", Map.of(name, problem));
    }
}
