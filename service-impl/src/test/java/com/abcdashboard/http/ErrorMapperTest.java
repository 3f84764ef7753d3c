package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.auth.AccountNotUsableException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.BadRequestException;
import io.helidon.http.NotFoundException;
import jakarta.validation.ValidationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {
    private final ErrorMapper mapper = new ErrorMapper();

    record Body(String email, int age) {}

    private static Throwable parseFailure(String json) {
        try {
            new ObjectMapper().readValue(json, Body.class);
            throw new AssertionError("expected a parse failure");
        } catch (Exception e) {
            return new IllegalStateException("wrapped by the media layer", e);
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

    @Test
    void eachCategoryHasItsStatus() {
        assertThat(ErrorMapper.statusOf(ErrorCategory.VALIDATION)).isEqualTo(400);
        assertThat(ErrorMapper.statusOf(ErrorCategory.AUTHENTICATION)).isEqualTo(401);
        assertThat(ErrorMapper.statusOf(ErrorCategory.AUTHORIZATION)).isEqualTo(403);
        assertThat(ErrorMapper.statusOf(ErrorCategory.NOT_FOUND)).isEqualTo(404);
        assertThat(ErrorMapper.statusOf(ErrorCategory.CONFLICT)).isEqualTo(409);
        assertThat(ErrorMapper.statusOf(ErrorCategory.BUSINESS_RULE)).isEqualTo(422);
        assertThat(ErrorMapper.statusOf(ErrorCategory.RATE_LIMIT)).isEqualTo(429);
        assertThat(ErrorMapper.statusOf(ErrorCategory.INTERNAL)).isEqualTo(500);
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
        ApiError error = mapper.map(parseFailure("{bad"));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.category()).isEqualTo(ErrorCategory.VALIDATION);
        assertThat(error.message()).isEqualTo("Malformed JSON in request body");
    }

    @Test
    void aWrongTypeNamesTheField() {
        ApiError error = mapper.map(parseFailure("{\"email\": {\"$ne\": null}}"));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.details()).containsKey("email");
    }

    @Test
    void aMissingBodyIsNamedWithoutInternalClassNames() {
        ApiError error = mapper.map(new ValidationException("Validation errors: FATAL: Missing required param: "
                + "loginRequest at class com.abcdashboard.http.ValidatorUtils$Validator"));

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
        ApiError error = mapper.map(new io.helidon.http.media.UnsupportedTypeException("no reader"));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.details()).containsKey("Content-Type");
    }

    @Test
    void helidonClientErrorsKeepTheirStatus() {
        assertThat(mapper.map(new NotFoundException("nope")).status()).isEqualTo(404);
        assertThat(mapper.map(new BadRequestException("bad")).category()).isEqualTo(ErrorCategory.VALIDATION);
    }

    @Test
    void anythingUnexpectedIsAnInternalErrorThatRevealsNothing() {
        ApiError error = mapper.map(new IllegalStateException("db password is hunter2 at line 42"));

        assertThat(error.status()).isEqualTo(500);
        assertThat(error.category()).isEqualTo(ErrorCategory.INTERNAL);
        assertThat(error.message()).isEqualTo("Internal server error");
        assertThat(error.details()).isEmpty();
    }
}
