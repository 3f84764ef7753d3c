package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.Status;
import org.junit.jupiter.api.Test;

class ProtocolErrorHandlerTest {

    @Test
    void anOversizedHeaderBlockIsAnsweredWith431() {
        assertThat(ProtocolErrorHandler.statusFor(
                                Status.BAD_REQUEST_400, "Header size exceeded", EventType.BAD_REQUEST, true)
                        .code())
                .isEqualTo(431);
    }

    @Test
    void otherBadRequestsKeepHelidonsStatus() {
        assertThat(ProtocolErrorHandler.statusFor(
                        Status.BAD_REQUEST_400, "Invalid header, missing colon", EventType.BAD_REQUEST, true))
                .isEqualTo(Status.BAD_REQUEST_400);
        assertThat(ProtocolErrorHandler.statusFor(
                        Status.REQUEST_ENTITY_TOO_LARGE_413, null, EventType.BAD_REQUEST, true))
                .isEqualTo(Status.REQUEST_ENTITY_TOO_LARGE_413);
    }

    @Test
    void aRequestLineHelidonCannotParseIsABadRequestNotAnInternalError() {
        // "G(T /x HTTP/1.1": Method.create refuses the token before a request exists; Helidon says 500.
        assertThat(ProtocolErrorHandler.statusFor(
                        Status.INTERNAL_SERVER_ERROR_500, "Internal error", EventType.INTERNAL_ERROR, false))
                .isEqualTo(Status.BAD_REQUEST_400);
    }

    @Test
    void anUnsupportedTransferCodingIsABadRequestNot501() {
        assertThat(ProtocolErrorHandler.statusFor(
                        Status.NOT_IMPLEMENTED_501,
                        "Unsupported request transfer encoding",
                        EventType.BAD_REQUEST,
                        true))
                .isEqualTo(Status.BAD_REQUEST_400);
    }

    @Test
    void anInternalErrorOnAParsedRequestStaysAnInternalError() {
        assertThat(ProtocolErrorHandler.statusFor(
                        Status.INTERNAL_SERVER_ERROR_500, "Internal error", EventType.INTERNAL_ERROR, true))
                .isEqualTo(Status.INTERNAL_SERVER_ERROR_500);
    }

    @Test
    void aTooLargeHeaderBlockIsTheClientsProblem() {
        assertThat(ErrorMapper.categoryOf(ProtocolErrorHandler.HEADERS_TOO_LARGE))
                .isEqualTo(com.abcdashboard.domain.ErrorCategory.VALIDATION);
    }
}
