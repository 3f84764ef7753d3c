package com.abcdashboard.http;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import io.helidon.webserver.http.ServerRequest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Strict parsing of query parameters, used by the handlers in place of the generated parsers (which
 * accept {@code isActive=yes} as false, fail with a bare {@link NumberFormatException} on
 * {@code page=x}, and look enums up by constant name instead of by their API value). An empty value
 * ({@code ?search=}) counts as absent, as HTML forms send one for every empty field. Every problem is a
 * 400 in the error envelope naming the parameter.
 */
final class QueryParameters {
    private QueryParameters() {}

    static Optional<String> text(ServerRequest request, String name) {
        return request.query().first(name).asOptional().filter(v -> !v.isEmpty());
    }

    /** Text of at most {@code maxLength} characters. */
    static Optional<String> text(ServerRequest request, String name, int maxLength) {
        Optional<String> value = text(request, name);
        if (value.isPresent() && value.get().length() > maxLength) {
            throw invalid(name, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** An integer in {@code [min, max]}; {@code fallback} when absent. */
    static Optional<Integer> integer(ServerRequest request, String name, int min, int max, int fallback) {
        Optional<String> raw = text(request, name);
        if (raw.isEmpty()) {
            return Optional.of(fallback);
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
        return Optional.of(value);
    }

    static Optional<Boolean> bool(ServerRequest request, String name) {
        return text(request, name).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "must be true or false");
        });
    }

    /** One of an enum's API values, looked up with the generated {@code fromValue}. */
    static <E extends Enum<E>> Optional<E> oneOf(
            ServerRequest request, String name, Class<E> type, Function<String, E> fromValue) {
        return text(request, name).map(v -> {
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
        });
    }

    /** An ISO-8601 date-time with offset, e.g. {@code 2026-11-25T10:15:30Z}. */
    static Optional<OffsetDateTime> dateTime(ServerRequest request, String name) {
        return text(request, name).map(v -> {
            try {
                return OffsetDateTime.parse(v);
            } catch (DateTimeParseException e) {
                throw invalid(name, "must be an ISO-8601 date-time such as 2026-11-25T10:15:30Z");
            }
        });
    }

    static DomainException invalid(String name, String problem) {
        return new DomainException(ErrorCategory.VALIDATION, "Invalid request parameters", Map.of(name, problem));
    }
}
