package com.abcdashboard.domain.webhook;

import com.abcdashboard.domain.user.UserEventType;
import java.time.Instant;
import java.util.Set;

/**
 * An endpoint events are POSTed to. {@code secret} ({@code whsec_...}) signs them; it leaves the service
 * only in the answer to the creation.
 *
 * @param description nullable
 * @param disabledReason nullable; set when the service disabled the endpoint after repeated failures
 */
public record Webhook(
        String id,
        String url,
        Set<UserEventType> events,
        String description,
        boolean active,
        String disabledReason,
        Instant createdAt,
        String secret) {
    public Webhook {
        events = Set.copyOf(events);
    }

    @Override
    public String toString() {
        return "Webhook[id=" + id + ", url=" + url + ", active=" + active + "]";
    }
}
