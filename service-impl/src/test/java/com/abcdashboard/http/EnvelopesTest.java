package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.api.model.ErrorCategoryDto;
import com.abcdashboard.api.model.ErrorResponseDto;
import com.abcdashboard.api.model.MessageResponseDto;
import com.abcdashboard.api.model.UserDto;
import com.abcdashboard.api.model.UserListResponseDto;
import com.abcdashboard.api.model.UserUpdateDataDto;
import com.abcdashboard.api.model.UserUpdateResponseDto;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    /** A clock in another zone: the envelope's timestamp is still written in UTC. */
    private final Envelopes envelopes = new Envelopes(Clock.fixed(NOW, ZoneId.of("Europe/Berlin")));

    @Test
    void aSuccessIsStampedWithTheInjectedClockInUtc() {
        UserUpdateResponseDto envelope =
                envelopes.success(UserUpdateResponseDto::new, "User updated", new UserUpdateDataDto());

        assertThat(envelope.getSuccess()).isTrue();
        assertThat(envelope.getMessage()).isEqualTo("User updated");
        assertThat(envelope.getTimestamp()).isEqualTo(OffsetDateTime.of(2026, 11, 25, 10, 15, 30, 0, ZoneOffset.UTC));
    }

    @Test
    void aMessageEnvelopeRepeatsItsMessageAsData() {
        MessageResponseDto envelope = envelopes.message("Signed out");

        assertThat(envelope.getMessage()).isEqualTo("Signed out");
        assertThat(envelope.getData().getMessage()).isEqualTo("Signed out");
    }

    @Test
    void aPageCarriesItsMappedItemsAndPosition() {
        Page<String> page = new Page<>(List.of("a", "b"), 12, new PageRequest(2, 5));

        UserListResponseDto envelope = envelopes.page(UserListResponseDto::new, "Users retrieved", page, id -> {
            UserDto dto = new UserDto();
            dto.setId(id);
            return dto;
        });

        assertThat(envelope.getData()).extracting(UserDto::getId).containsExactly("a", "b");
        assertThat(envelope.getMeta().getPagination().getTotalPages()).isEqualTo(3);
        assertThat(envelope.getMeta().getPagination().getHasPrev()).isTrue();
        assertThat(envelope.getTimestamp().toInstant()).isEqualTo(NOW);
    }

    @Test
    void anErrorKeepsItsCategoryAndLeavesOutEmptyDetails() {
        ErrorResponseDto envelope =
                Envelopes.error("corr-1", ApiError.of(404, ErrorCategory.NOT_FOUND, "User not found"));

        assertThat(envelope.getSuccess()).isFalse();
        assertThat(envelope.getCorrelationId()).isEqualTo("corr-1");
        assertThat(envelope.getError().getCategory()).isEqualTo(ErrorCategoryDto.NOT_FOUND);
        assertThat(envelope.getError().getDetails()).isNull();
    }

    @Test
    void anErrorCarriesItsDetails() {
        ErrorResponseDto envelope = Envelopes.error(
                "corr-2", new ApiError(400, ErrorCategory.VALIDATION, "Invalid", Map.of("page", "must be ≥ 1")));

        assertThat(envelope.getError().getDetails()).containsEntry("page", "must be ≥ 1");
    }
}
