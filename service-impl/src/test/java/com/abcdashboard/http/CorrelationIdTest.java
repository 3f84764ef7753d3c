package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorrelationIdTest {
    @Test
    void aNewIdIsARandomVersion4Uuid() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = CorrelationId.newId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(CorrelationId.isValid(id)).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void keepsAValidIncomingIdAndReplacesAnInvalidOne() {
        WritableHeaders<?> headers = WritableHeaders.create();
        headers.set(HeaderValues.create(CorrelationId.HEADER, "order-42.retry:1"));
        assertThat(CorrelationId.resolve(headers)).isEqualTo("order-42.retry:1");

        headers.set(HeaderValues.create(CorrelationId.HEADER, "bad id\"with quotes"));
        headers.set(HeaderValues.create(CorrelationId.REQUEST_ID_HEADER, "req-7"));
        assertThat(CorrelationId.resolve(headers)).isEqualTo("req-7");

        headers.remove(CorrelationId.REQUEST_ID_HEADER);
        assertThat(UUID.fromString(CorrelationId.resolve(headers)).version()).isEqualTo(4);
    }
}
