package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolErrorHandlerTest {

    @ParameterizedTest(name = "Helidon''s {0} ({2}, {1}) → {4}")
    @CsvSource(
            nullValues = "null",
            value = {
                // An oversized header block: Helidon says 400, HTTP has 431 for it.
                "400, Header size exceeded,                  BAD_REQUEST,    true,  431",
                // Other refusals keep Helidon's status.
                "400, 'Invalid header, missing colon',       BAD_REQUEST,    true,  400",
                "413, null,                                  BAD_REQUEST,    true,  413",
                // 'G(T /x HTTP/1.1': the method token is refused before a request exists, as an internal error.
                "500, Internal error,                        INTERNAL_ERROR, false, 400",
                // A transfer coding Helidon does not support: a bad request it answers with 501.
                "501, Unsupported request transfer encoding, BAD_REQUEST,    true,  400",
                // A real internal error on a parsed request stays one.
                "500, Internal error,                        INTERNAL_ERROR, true,  500",
            })
    void theStatusIsTheClientsWhereTheRequestIsAtFault(
            int helidonStatus, String message, EventType event, boolean requestLineRead, int expected) {
        assertThat(ProtocolErrorHandler.statusFor(Status.create(helidonStatus), message, event, requestLineRead)
                        .code())
                .isEqualTo(expected);
    }

    @Test
    void aTooLargeHeaderBlockIsTheClientsProblem() {
        assertThat(ErrorMapper.categoryOf(ProtocolErrorHandler.HEADERS_TOO_LARGE))
                .isEqualTo(com.abcdashboard.domain.ErrorCategory.VALIDATION);
    }
}
