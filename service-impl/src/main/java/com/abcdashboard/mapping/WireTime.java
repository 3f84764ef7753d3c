package com.abcdashboard.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the wire shows them: date-times in UTC. The one conversion the mappers and envelopes use. */
public final class WireTime {
    private WireTime() {}

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
