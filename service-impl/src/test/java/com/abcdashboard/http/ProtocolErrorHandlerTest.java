package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.Status;
import org.junit.jupiter.api.Test;

class ProtocolErrorHandlerTest {

    @Test
    void anOversizedHeaderBlockIsAnsweredWith431() {
        assertThat(ProtocolErrorHandler.statusFor(Status.BAD_REQUEST_400, "Header size exceeded")
                        .code())
                .isEqualTo(431);
    }

    @Test
    void otherBadRequestsKeepHelidonsStatus() {
        assertThat(ProtocolErrorHandler.statusFor(Status.BAD_REQUEST_400, "Invalid header, missing colon"))
                .isEqualTo(Status.BAD_REQUEST_400);
        assertThat(ProtocolErrorHandler.statusFor(Status.REQUEST_ENTITY_TOO_LARGE_413, null))
                .isEqualTo(Status.REQUEST_ENTITY_TOO_LARGE_413);
    }

    @Test
    void aTooLargeHeaderBlockIsTheClientsProblem() {
        assertThat(ErrorMapper.categoryOf(ProtocolErrorHandler.HEADERS_TOO_LARGE))
                .isEqualTo(com.abcdashboard.domain.ErrorCategory.VALIDATION);
    }
}
