package com.abcdashboard.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.client.ApiClient;
import com.abcdashboard.client.model.AuditActionDto;
import com.abcdashboard.client.model.AuditEntryDto;
import org.junit.jupiter.api.Test;

/** An audit action added in a later 1.x release must not break a client built against this one. */
class UnknownEnumValueTest {
    @Test
    void anAuditActionThisSdkDoesNotKnowReadsAsUnknown() throws Exception {
        String entry = "{\"id\":\"6745a1f0c2d7e5b1a4c8e9f0\",\"action\":\"something_added_later\","
                + "\"timestamp\":\"2026-12-06T01:00:00Z\"}";

        AuditEntryDto read = ApiClient.createDefaultObjectMapper().readValue(entry, AuditEntryDto.class);

        assertThat(read.getAction()).isEqualTo(AuditActionDto.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(read.getId()).isEqualTo("6745a1f0c2d7e5b1a4c8e9f0");
    }
}
