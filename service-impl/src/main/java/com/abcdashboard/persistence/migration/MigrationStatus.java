package com.abcdashboard.persistence.migration;

import java.time.Instant;
import java.util.Optional;

/**
 * Where one migration stands.
 *
 * @param checksum the checksum of the code now
 * @param appliedAt when it was last applied, empty if never
 * @param appliedChecksum the checksum recorded then, empty if never applied
 */
public record MigrationStatus(
        String id,
        String description,
        boolean repeatable,
        String checksum,
        Optional<Instant> appliedAt,
        Optional<String> appliedChecksum) {

    public enum State {
        APPLIED,
        PENDING,
        /** A repeatable migration whose definition changed since it ran: pending again. */
        CHANGED,
        /** A versioned migration edited after it ran: it is not run again; worth a look. */
        EDITED_AFTER_APPLY
    }

    public State state() {
        if (appliedChecksum.isEmpty()) {
            return State.PENDING;
        }
        if (appliedChecksum.get().equals(checksum)) {
            return State.APPLIED;
        }
        return repeatable ? State.CHANGED : State.EDITED_AFTER_APPLY;
    }

    public boolean pending() {
        return state() == State.PENDING || state() == State.CHANGED;
    }
}
