package com.abcdashboard.domain.webhook;

import com.abcdashboard.domain.user.UserEventType;
import java.time.Instant;
import java.util.Set;

/** A webhook endpoint to store; {@code description} nullable. */
public record NewWebhook(
        String url, Set<UserEventType> events, String description, String secret, Instant createdAt, String createdBy) {
    public NewWebhook {
        events = Set.copyOf(events);
    }

    @Override
    public String toString() {
        return "NewWebhook[url=" + url + "]";
    }
}
