package com.abcdashboard.http;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.auth.AccountNotUsableException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.helidon.common.ParserHelper;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.http.media.UnsupportedTypeException;
import jakarta.validation.ValidationException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place that decides what a failure looks like to the client. Expected failures keep their
 * message; anything unexpected becomes a 500 with a generic message (the details go to the log).
 */
public final class ErrorMapper {
    static final String INTERNAL_MESSAGE = "Internal server error";
    static final String UNAVAILABLE_MESSAGE = "Service temporarily unavailable; try again shortly";

    private final Predicate<Throwable> outage;

    /**
     * @param outage whether a failure means a dependency (the database) is out of reach for now: the
     *     answer is then 503 with {@code Retry-After}, not 500
     */
    public ErrorMapper(Predicate<Throwable> outage) {
        this.outage = outage;
    }

    public ApiError map(Throwable failure) {
        if (failure instanceof AccountNotUsableException e) {
            // Right credentials, unusable account: the client can act on it (verify, ask an admin).
            return new ApiError(403, e.category(), e.getMessage(), e.details());
        }
        if (failure instanceof DomainException e) {
            return new ApiError(statusOf(e.category()), e.category(), e.getMessage(), e.details());
        }
        // The transport refusing the request mid-read (a chunked body passing the size limit) reaches us
        // wrapped by whoever was reading, typically Jackson: its status wins over the JSON failure.
        Optional<RequestException> transport = causeOf(failure, RequestException.class);
        if (transport.isPresent() && transport.get().status().code() < 500) {
            Status status = transport.get().status();
            return ApiError.of(status.code(), categoryOf(status), status.reasonPhrase());
        }
        if (causeOf(failure, RequestFraming.IncompleteBodyException.class).isPresent()) {
            return ApiError.of(
                    400, ErrorCategory.VALIDATION, "Request body not received in full within the request timeout");
        }
        if (isMisframedBody(failure)) {
            return ApiError.of(400, ErrorCategory.VALIDATION, "Malformed request body framing");
        }
        Optional<JsonProcessingException> json = causeOf(failure, JsonProcessingException.class);
        if (json.isPresent() && isReadLimit(json.get())) {
            return ApiError.of(
                    400, ErrorCategory.VALIDATION, "JSON in request body is nested too deeply or has a value too long");
        }
        if (json.isPresent() && isRequestBodyProblem(json.get())) {
            return malformedBody(json.get());
        }
        if (failure instanceof JsonContentType.UnsupportedMediaTypeException e) {
            return new ApiError(
                    415, ErrorCategory.VALIDATION, e.getMessage(), Map.of("Content-Type", "must be application/json"));
        }
        if (causeOf(failure, UnsupportedTypeException.class).isPresent()) {
            return new ApiError(
                    400,
                    ErrorCategory.VALIDATION,
                    "Unsupported request body",
                    Map.of("Content-Type", "must be application/json"));
        }
        if (failure instanceof ValidationException e) {
            return invalidParameters(e);
        }
        if (failure instanceof HttpException e && e.status().code() < 500) {
            return ApiError.of(e.status().code(), categoryOf(e.status()), clientMessage(e));
        }
        if (outage.test(failure)) {
            return ApiError.of(503, ErrorCategory.INTERNAL, UNAVAILABLE_MESSAGE);
        }
        return ApiError.of(500, ErrorCategory.INTERNAL, INTERNAL_MESSAGE);
    }

    private static final Pattern GENERATED_PROBLEM = Pattern.compile("FATAL: (.*?)(?: at class \\S+)?(?=, FATAL: |$)");
    private static final Pattern MISSING = Pattern.compile("Missing required param: (\\w+)");

    /**
     * The generated parameter validation reports "Validation errors: FATAL: <problem> at class <name>";
     * keep the problems, drop the class names, and name a missing body as such.
     */
    private static ApiError invalidParameters(ValidationException e) {
        Map<String, String> details = new LinkedHashMap<>();
        Matcher m = GENERATED_PROBLEM.matcher(String.valueOf(e.getMessage()));
        while (m.find()) {
            String problem = m.group(1).trim();
            Matcher missing = MISSING.matcher(problem);
            // The generated name of a body parameter is its schema's, with the model suffix: loginRequestDto.
            if (missing.find() && missing.group(1).endsWith("RequestDto")) {
                details.put("body", "is required (a JSON object)");
            } else if (missing.find(0)) {
                details.put(missing.group(1), "is required");
            } else {
                details.put("request", problem);
            }
        }
        String message = details.containsKey("body") ? "Request body is required" : "Invalid request parameters";
        return new ApiError(400, ErrorCategory.VALIDATION, message, details);
    }

    /**
     * Jackson fails the same way reading a request and writing a response. Only a failure while parsing
     * input that Jackson could have read is the client's; one while writing (a getter that throws, a type
     * it cannot serialize) or a type it cannot bind at all is a bug here and must surface as a 500.
     */
    private static boolean isRequestBodyProblem(JsonProcessingException e) {
        return e.getProcessor() instanceof JsonParser && !(e instanceof InvalidDefinitionException);
    }

    /**
     * Jackson's read limits (nesting depth 1,000, numbers of 1,000 digits, names of 50,000 characters)
     * are raised by {@link StreamReadConstraints} with no parser attached; only request bodies are read.
     */
    private static boolean isReadLimit(JsonProcessingException e) {
        return e instanceof StreamConstraintsException && raisedBy(e, StreamReadConstraints.class);
    }

    /**
     * The transport failing to read the body as framed: a body shorter than its Content-Length (the
     * client stopped sending), or a chunk size that is no number — Helidon's {@link ParserHelper} lets
     * {@link Integer#parseUnsignedInt}'s exception through instead of its own 400.
     */
    private static boolean isMisframedBody(Throwable failure) {
        return causeOf(failure, DataReader.InsufficientDataAvailableException.class)
                        .isPresent()
                || causeOf(failure, RequestFraming.MalformedFramingException.class)
                        .isPresent()
                || causeOf(failure, RequestFraming.UnreadableBodyException.class)
                        .isPresent()
                || causeOf(failure, NumberFormatException.class)
                        .filter(e -> raisedBy(e, ParserHelper.class))
                        .isPresent();
    }

    /** Whether {@code type} is on the stack where {@code failure} was thrown. */
    private static boolean raisedBy(Throwable failure, Class<?> type) {
        return Arrays.stream(failure.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(type.getName()));
    }

    private static ApiError malformedBody(JsonProcessingException e) {
        if (e instanceof RequestText.UnsafeTextException unsafe
                && !unsafe.getPath().isEmpty()) {
            return new ApiError(
                    400, ErrorCategory.VALIDATION, "Invalid request body", Map.of(path(unsafe), RequestText.REFUSAL));
        }
        if (e instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return new ApiError(
                    400, ErrorCategory.VALIDATION, "Invalid request body", Map.of(field, "has the wrong type"));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new ApiError(
                    400, ErrorCategory.VALIDATION, "Invalid request body", Map.of(path(mapping), "is invalid"));
        }
        return ApiError.of(400, ErrorCategory.VALIDATION, "Malformed JSON in request body");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** Helidon's messages for client errors are safe to show; fall back to the reason phrase. */
    private static String clientMessage(HttpException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.status().reasonPhrase() : message;
    }

    static int statusOf(ErrorCategory category) {
        return switch (category) {
            case VALIDATION -> 400;
            case AUTHENTICATION -> 401;
            case AUTHORIZATION -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case BUSINESS_RULE -> 422;
            case RATE_LIMIT -> 429;
            case INTERNAL -> 500;
        };
    }

    static ErrorCategory categoryOf(Status status) {
        return switch (status.code()) {
            case 401 -> ErrorCategory.AUTHENTICATION;
            case 403 -> ErrorCategory.AUTHORIZATION;
            case 404, 405 -> ErrorCategory.NOT_FOUND;
            case 409 -> ErrorCategory.CONFLICT;
            case 422 -> ErrorCategory.BUSINESS_RULE;
            case 429 -> ErrorCategory.RATE_LIMIT;
            default -> status.code() < 500 ? ErrorCategory.VALIDATION : ErrorCategory.INTERNAL;
        };
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
