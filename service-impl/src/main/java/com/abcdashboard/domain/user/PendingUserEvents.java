package com.abcdashboard.domain.user;

import java.time.Instant;
import java.util.List;

/**
 * The events the {@link UserRepository} wrote into the changed accounts, read back by the relay that
 * turns them into webhook deliveries. Any number of relays may run at once: acknowledging is idempotent.
 */
public interface PendingUserEvents {

    /** The pending events of one account (deleted or not), oldest first. */
    List<PendingUserEvent> of(String userId);

    /** Accounts with an event recorded at or before {@code before}, at most {@code limit} of them. */
    List<String> usersWithEventsSince(Instant before, int limit);

    /** Removes the event from its account; nothing happens when it is gone already. */
    void acknowledge(String userId, String eventId);
}
