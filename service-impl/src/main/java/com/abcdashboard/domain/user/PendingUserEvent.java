package com.abcdashboard.domain.user;

import java.time.Instant;

/**
 * An event recorded with its change and not yet handed to the webhook deliveries.
 *
 * @param eventId unique; the deliveries made from it are keyed by it, so handing it over twice is harmless
 * @param user the account as it is now (a soft-deleted one included)
 */
public record PendingUserEvent(String eventId, UserEventType type, Instant at, User user) {}
