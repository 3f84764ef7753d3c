package com.abcdashboard.client.sdk;

import com.abcdashboard.client.ApiException;
import com.abcdashboard.client.model.ErrorCategoryDto;
import com.abcdashboard.client.model.ErrorResponseDto;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;

/**
 * A non-2xx answer of the API, with its error envelope parsed: HTTP status, {@link #category()},
 * per-field {@link #details()} and the {@link #correlationId()} to quote when reporting it. The generated
 * {@link ApiException} it wraps is the {@link #getCause() cause}. When the answer carried no envelope (a
 * proxy's page, a network failure: status 0) {@link #envelope()} is empty.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final transient ErrorResponseDto envelope;

    ApiError(int status, ErrorResponseDto envelope, ApiException cause) {
        super(message(status, envelope, cause), cause);
        this.status = status;
        this.envelope = envelope;
    }

    static ApiError from(ApiException e, ObjectMapper mapper) {
        ErrorResponseDto envelope = null;
        String body = e.getResponseBody();
        if (body != null && !body.isBlank()) {
            try {
                envelope = mapper.readValue(body, ErrorResponseDto.class);
            } catch (JsonProcessingException notAnEnvelope) {
                // Not from the API itself (e.g. a proxy's HTML page): the status is all there is.
            }
        }
        return new ApiError(e.getCode(), envelope != null && envelope.getError() != null ? envelope : null, e);
    }

    private static String message(int status, ErrorResponseDto envelope, ApiException cause) {
        if (envelope == null) {
            return "HTTP " + status + ": " + cause.getMessage();
        }
        return "HTTP " + status + " " + envelope.getError().getCategory() + ": "
                + envelope.getError().getMessage() + " (correlation id " + envelope.getCorrelationId() + ")";
    }

    /** The HTTP status, 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** The whole error envelope, when the API sent one. */
    public Optional<ErrorResponseDto> envelope() {
        return Optional.ofNullable(envelope);
    }

    /** The envelope's code (the HTTP status it was sent with), else the status. */
    public int code() {
        return envelope == null ? status : envelope.getError().getCode();
    }

    /** VALIDATION, AUTHENTICATION, …; empty without an envelope. */
    public Optional<ErrorCategoryDto> category() {
        return envelope().map(e -> e.getError().getCategory());
    }

    /** Per-field problems (field or parameter name → message); empty when there are none. */
    public Map<String, String> details() {
        return envelope().map(e -> e.getError().getDetails()).map(Map::copyOf).orElse(Map.of());
    }

    /** The request's correlation id (also in the service's logs); empty without an envelope. */
    public Optional<String> correlationId() {
        return envelope().map(ErrorResponseDto::getCorrelationId);
    }
}
