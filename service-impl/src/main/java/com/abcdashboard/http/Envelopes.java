package com.abcdashboard.http;

import com.abcdashboard.api.model.ErrorBodyDto;
import com.abcdashboard.api.model.ErrorResponseDto;
import com.abcdashboard.api.model.ListMetaDto;
import com.abcdashboard.api.model.MessageDataDto;
import com.abcdashboard.api.model.MessageResponseDto;
import com.abcdashboard.domain.Page;
import com.abcdashboard.mapping.ErrorCategoryMapper;
import com.abcdashboard.mapping.PaginationMapper;
import com.abcdashboard.mapping.WireTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * The documented envelopes, built in one place. A success is {@code {success: true, message, timestamp,
 * data}} (lists add {@code meta.pagination}), stamped in UTC by the injected clock; an error is {@code
 * {success: false, message, error, correlationId}}. Each handler passes the generated envelope's
 * constructor, so the response type stays the one the spec declares for the operation.
 */
public final class Envelopes {
    /** The generated all-arguments constructor of a success envelope. */
    @FunctionalInterface
    public interface Success<D, E> {
        E create(Boolean success, String message, OffsetDateTime timestamp, D data);
    }

    /** The generated all-arguments constructor of a list envelope. */
    @FunctionalInterface
    public interface Listing<D, E> {
        E create(Boolean success, String message, OffsetDateTime timestamp, List<D> data, ListMetaDto meta);
    }

    private final Clock clock;

    public Envelopes(Clock clock) {
        this.clock = clock;
    }

    <D, E> E success(Success<D, E> envelope, String message, D data) {
        return envelope.create(true, message, now(), data);
    }

    /** A page of domain items, each mapped to its DTO, with the page's position. */
    <T, D, E> E page(Listing<D, E> envelope, String message, Page<T> page, Function<? super T, D> toDto) {
        List<D> items = page.items().stream().<D>map(toDto).toList();
        return envelope.create(true, message, now(), items, PaginationMapper.meta(page));
    }

    /** A success whose only content is its message, repeated as {@code data.message}. */
    MessageResponseDto message(String message) {
        return success(MessageResponseDto::new, message, new MessageDataDto(message));
    }

    static ErrorResponseDto error(String correlationId, ApiError error) {
        ErrorBodyDto body = new ErrorBodyDto();
        body.setCode(error.status());
        body.setMessage(error.message());
        body.setCategory(ErrorCategoryMapper.INSTANCE.toDto(error.category()));
        // The generated model starts with an empty map; absent reads better than {} for "no details".
        body.setDetails(error.details().isEmpty() ? null : error.details());
        ErrorResponseDto envelope = new ErrorResponseDto();
        envelope.setSuccess(false);
        envelope.setMessage(error.message());
        envelope.setError(body);
        envelope.setCorrelationId(correlationId);
        return envelope;
    }

    private OffsetDateTime now() {
        return WireTime.utc(clock.instant());
    }
}
