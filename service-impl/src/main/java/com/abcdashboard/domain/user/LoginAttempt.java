package com.abcdashboard.domain.user;

import java.time.Instant;

/**
 * The account record's answer to "may this account's password be checked now?", decided atomically
 * before the check ({@link UserRepository#reserveLoginAttempt}).
 *
 * @param granted whether one password check was reserved (and counted as failed in advance)
 * @param lockedUntil when granted: non-null if this reservation was the last one of the window and
 *     locked the account (a success ends that lock); when refused: the end of the running lock
 */
public record LoginAttempt(boolean granted, Instant lockedUntil) {

    public static LoginAttempt allowed() {
        return new LoginAttempt(true, null);
    }

    public static LoginAttempt allowedLastBefore(Instant lockedUntil) {
        return new LoginAttempt(true, lockedUntil);
    }

    public static LoginAttempt refused(Instant lockedUntil) {
        return new LoginAttempt(false, lockedUntil);
    }

    /** Whether this reservation locked the account (it was the last one allowed). */
    public boolean locks() {
        return granted && lockedUntil != null;
    }
}
