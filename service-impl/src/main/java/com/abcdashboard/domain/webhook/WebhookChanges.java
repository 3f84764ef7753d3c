package com.abcdashboard.domain.webhook;

import com.abcdashboard.domain.user.UserEventType;
import java.util.Set;

/**
 * What an admin changes about an endpoint; null = unchanged. {@code active = true} re-enables an endpoint
 * the service disabled and starts its failure count again.
 */
public record WebhookChanges(String url, Set<UserEventType> events, String description, Boolean active) {
    public WebhookChanges {
        events = events == null || events.isEmpty() ? null : Set.copyOf(events);
    }
}
