package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.auth.AccountNotUsableException;
import com.abcdashboard.persistence.DatabaseUnreachable;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import io.helidon.common.ParserHelper;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.BadRequestException;
import io.helidon.http.HttpException;
import io.helidon.http.NotFoundException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.http.media.UnsupportedTypeException;
import jakarta.validation.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorMapperTest {
    private final ErrorMapper mapper = new ErrorMapper(DatabaseUnreachable::isCauseOf);

    record Body(String email, int age) {}

    record Wrapper(List<Body> items) {}

    /** A getter that fails while a response is being written. */
    public static final class BrokenResponse {
        public String getName() {
            throw new IllegalStateException("secret-internal-state");
        }
    }

    /** Nothing Jackson can serialize. */
    public static final class NotSerializable {}

    /** What Jackson really throws reading {@code json}, as the media layer hands it on: wrapped. */
    private static Throwable readFailure(String json) {
        return readFailure(json, Body.class);
    }

    private static Throwable readFailure(String json, Class<?> type) {
        try {
            new ObjectMapper().readValue(json, type);
            throw new AssertionError("expected a parse failure");
        } catch (Exception e) {
            return new IllegalStateException("wrapped by the media layer", e);
        }
    }

    private static Throwable writeFailure(Object response) {
        try {
            new ObjectMapper().writeValueAsString(response);
            throw new AssertionError("expected a write failure");
        } catch (Exception e) {
            return new UncheckedIOException(new IOException("writing the entity failed", e));
        }
    }

    @Test
    void domainErrorsKeepTheirCategoryMessageAndDetails() {
        ApiError error = mapper.map(
                new DomainException(ErrorCategory.CONFLICT, "Email taken", Map.of("email", "is already taken")));

        assertThat(error)
                .isEqualTo(
                        new ApiError(409, ErrorCategory.CONFLICT, "Email taken", Map.of("email", "is already taken")));
    }

    @ParameterizedTest
    @EnumSource(ErrorCategory.class)
    void everyDomainCategoryMapsToItsStatus(ErrorCategory category) {
        int expected = switch (category) {
            case VALIDATION -> 400;
            case AUTHENTICATION -> 401;
            case AUTHORIZATION -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case BUSINESS_RULE -> 422;
            case RATE_LIMIT -> 429;
            case INTERNAL -> 500;
        };

        ApiError error = mapper.map(new DomainException(category, "m"));

        assertThat(error.status()).isEqualTo(expected);
        assertThat(error.category()).isEqualTo(category);
    }

    @Test
    void anUnusableAccountIsForbiddenWithAuthenticationCategory() {
        ApiError error = mapper.map(new AccountNotUsableException("Please verify your email"));

        assertThat(error.status()).isEqualTo(403);
        assertThat(error.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
    }

    @Test
    void aLockoutIsTooManyRequests() {
        assertThat(mapper.map(new RateLimitedException("locked", Duration.ofMinutes(15)))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void malformedJsonAnywhereInTheCauseChainIsABadRequest() {
        Throwable failure = readFailure("{bad");

        ApiError error = mapper.map(failure);

        assertThat(failure.getCause()).isInstanceOf(JsonParseException.class);
        assertThat(error).isEqualTo(ApiError.of(400, ErrorCategory.VALIDATION, "Malformed JSON in request body"));
    }

    @Test
    void jsonBeyondJacksonsReadLimitsIsABadRequest() {
        List<String> overLimits = List.of(
                "[".repeat(1_001) + "]".repeat(1_001),
                "{\"age\":" + "9".repeat(1_001) + "}",
                "{\"" + "k".repeat(50_001) + "\":1}");

        for (String json : overLimits) {
            // Read as a tree, as the media layer skipping an unknown field reads it: to the limit.
            assertThat(mapper.map(readFailure(json, JsonNode.class)))
                    .isEqualTo(ApiError.of(
                            400,
                            ErrorCategory.VALIDATION,
                            "JSON in request body is nested too deeply or has a value too long"));
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIsABadRequest() {
        ApiError error =
                mapper.map(new IllegalStateException("reading", new DataReader.InsufficientDataAvailableException()));

        assertThat(error).isEqualTo(ApiError.of(400, ErrorCategory.VALIDATION, "Malformed request body framing"));
    }

    @Test
    void aChunkSizeThatIsNoNumberIsABadRequest() {
        for (String size : List.of("-1", "zz", "ffffffffffffffff")) {
            Throwable failure;
            try {
                ParserHelper.parseNonNegative(size, 16, IllegalStateException::new);
                throw new AssertionError("expected a parse failure for " + size);
            } catch (NumberFormatException e) {
                failure = e;
            }

            assertThat(mapper.map(failure).status()).as(size).isEqualTo(400);
        }
    }

    @Test
    void aNumberFormatExceptionOfOurOwnIsStillAnInternalError() {
        assertThat(mapper.map(new NumberFormatException("For input string: \"x\""))
                        .status())
                .isEqualTo(500);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        Throwable failure = readFailure("{\"email\": {\"$ne\": null}, \"age\": 3}");

        ApiError error = mapper.map(failure);

        assertThat(failure.getCause()).isInstanceOf(MismatchedInputException.class);
        assertThat(error)
                .isEqualTo(new ApiError(
                        400, ErrorCategory.VALIDATION, "Invalid request body", Map.of("email", "has the wrong type")));
    }

    @Test
    void aNestedWrongTypeNamesTheFieldAtItsPosition() throws IOException {
        Throwable failure;
        try {
            new ObjectMapper().readValue("{\"items\": [{\"age\": 1}, {\"age\": \"old\"}]}", Wrapper.class);
            throw new AssertionError("expected a parse failure");
        } catch (MismatchedInputException e) {
            failure = e;
        }

        assertThat(mapper.map(failure).details()).containsOnlyKeys("items[1].age");
    }

    @Test
    void aJacksonFailureWhileWritingAResponseIsAnInternalError() {
        ApiError error = mapper.map(writeFailure(new BrokenResponse()));

        assertThat(error).isEqualTo(ApiError.of(500, ErrorCategory.INTERNAL, "Internal server error"));
    }

    @Test
    void aTypeJacksonCannotHandleIsAnInternalError() {
        Throwable failure = writeFailure(new NotSerializable());

        ApiError error = mapper.map(failure);

        assertThat(failure.getCause().getCause()).isInstanceOf(InvalidDefinitionException.class);
        assertThat(error.status()).isEqualTo(500);
    }

    @Test
    void generatedValidationFailuresAreBadRequests() {
        ApiError error = mapper.map(new ValidationException("Validation errors: FATAL: '-1' is less than 1"));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.category()).isEqualTo(ErrorCategory.VALIDATION);
        assertThat(error.details()).containsEntry("request", "'-1' is less than 1");
    }

    @Test
    void aMissingBodyIsNamedWithoutInternalClassNames() {
        ApiError error = mapper.map(new ValidationException("Validation errors: FATAL: Missing required param: "
                + "loginRequestDto at class com.abcdashboard.http.ValidatorUtils$Validator"));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.message()).isEqualTo("Request body is required");
        assertThat(error.details()).containsOnlyKeys("body");
        assertThat(error.toString()).doesNotContain("com.abcdashboard");
    }

    @Test
    void aMissingParameterIsNamed() {
        ApiError error = mapper.map(new ValidationException(
                "Validation errors: FATAL: Missing required param: page at class x.Y, FATAL: '-1' is less than 1"));

        assertThat(error.details()).containsEntry("page", "is required").containsKey("request");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsABadRequest() {
        ApiError error = mapper.map(new UnsupportedTypeException("no reader"));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.details()).containsKey("Content-Type");
    }

    @Test
    void helidonClientErrorsKeepTheirStatus() {
        assertThat(mapper.map(new NotFoundException("nope")))
                .isEqualTo(ApiError.of(404, ErrorCategory.NOT_FOUND, "nope"));
        assertThat(mapper.map(new BadRequestException("bad")))
                .isEqualTo(ApiError.of(400, ErrorCategory.VALIDATION, "bad"));
        assertThat(mapper.map(new HttpException("slow down", Status.TOO_MANY_REQUESTS_429)))
                .isEqualTo(ApiError.of(429, ErrorCategory.RATE_LIMIT, "slow down"));
    }

    @Test
    void helidonServerErrorsRevealNothing() {
        ApiError error = mapper.map(new HttpException("upstream pool exhausted", Status.SERVICE_UNAVAILABLE_503));

        assertThat(error).isEqualTo(ApiError.of(500, ErrorCategory.INTERNAL, "Internal server error"));
    }

    @Test
    void anUnreachableDatabaseIsServiceUnavailableNotAnInternalError() {
        List<Throwable> outages = List.of(
                new MongoTimeoutException("Timed out while waiting for a server that matches ReadPreference"),
                new IllegalStateException(
                        "wrapped",
                        new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress())),
                new MongoSocketOpenException("Exception opening socket", new ServerAddress()));

        for (Throwable outage : outages) {
            assertThat(mapper.map(outage))
                    .isEqualTo(ApiError.of(
                            503, ErrorCategory.INTERNAL, "Service temporarily unavailable; try again shortly"));
        }
    }

    @Test
    void aDatabaseFailureThatIsNoOutageIsStillAnInternalError() {
        assertThat(mapper.map(new MongoException(2, "BadValue")).status()).isEqualTo(500);
    }

    @Test
    void anythingUnexpectedIsAnInternalErrorThatRevealsNothing() {
        ApiError error = mapper.map(new IllegalStateException("db password is hunter2 at line 42"));

        assertThat(error).isEqualTo(ApiError.of(500, ErrorCategory.INTERNAL, "Internal server error"));
        assertThat(error.toString()).doesNotContain("hunter2").doesNotContain("IllegalStateException");
    }

    @Test
    void aBodyRefusedByTheTransportWhileJacksonReadsItKeepsTheTransportsStatus() {
        RequestException tooLarge = RequestException.builder()
                .type(io.helidon.http.DirectHandler.EventType.BAD_REQUEST)
                .status(Status.REQUEST_ENTITY_TOO_LARGE_413)
                .build();
        JsonMappingException wrapped =
                new JsonMappingException(null, "(was io.helidon.http.RequestException)", tooLarge);

        ApiError error = mapper.map(new RuntimeException("Failed to deserialize JSON", wrapped));

        assertThat(error.status()).isEqualTo(413);
        assertThat(error.category()).isEqualTo(ErrorCategory.VALIDATION);
    }

    @Test
    void aBodyNotReceivedInTimeIsABadRequestSayingSo() {
        ApiError error = mapper.map(new RequestFraming.IncompleteBodyException());

        assertThat(error)
                .isEqualTo(ApiError.of(
                        400, ErrorCategory.VALIDATION, "Request body not received in full within the request timeout"));
    }

    @Test
    void aBodyTheTransportCouldNotReadKeepsATransportRefusalElseIsMalformedFraming() {
        RequestException tooLarge = RequestException.builder()
                .type(io.helidon.http.DirectHandler.EventType.BAD_REQUEST)
                .status(Status.REQUEST_ENTITY_TOO_LARGE_413)
                .build();

        assertThat(mapper.map(new RequestFraming.UnreadableBodyException(tooLarge))
                        .status())
                .isEqualTo(413);
        assertThat(mapper.map(new RequestFraming.UnreadableBodyException(new IllegalStateException("?"))))
                .isEqualTo(ApiError.of(400, ErrorCategory.VALIDATION, "Malformed request body framing"));
    }

    @Test
    void anAmbiguousContentLengthIsMalformedFraming() {
        ApiError error = mapper.map(new RequestFraming.MalformedFramingException("two lengths"));

        assertThat(error).isEqualTo(ApiError.of(400, ErrorCategory.VALIDATION, "Malformed request body framing"));
    }

    @Test
    void aBodyNotDeclaredAsJsonIsUnsupportedNamingTheHeader() {
        ApiError error = mapper.map(new JsonContentType.UnsupportedMediaTypeException());

        assertThat(error.status()).isEqualTo(415);
        assertThat(error.details()).containsEntry("Content-Type", "must be application/json");
    }

    @Test
    void unsafeTextNamesTheField() {
        ObjectMapper json = new ObjectMapper().registerModule(RequestText.module());
        Throwable failure;
        try {
            json.readValue("{\"email\":\"a\\u0000b\",\"age\":1}", Body.class);
            throw new AssertionError("refused");
        } catch (IOException e) {
            failure = new UncheckedIOException(e);
        }

        assertThat(mapper.map(failure).details()).containsEntry("email", RequestText.REFUSAL);
    }
}
