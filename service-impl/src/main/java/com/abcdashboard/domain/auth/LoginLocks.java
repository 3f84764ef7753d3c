package com.abcdashboard.domain.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Account locks after too many failed sign-ins, as every instance sees them (Redis when configured):
 * sign-in asks here first, so an attempt on a locked account costs neither a database read nor a
 * password check on any instance. MongoDB stays the record of truth: the failure counter and the lock
 * are decided there atomically ({@code UserRepository.recordFailedLogin}), copied here when set and
 * removed here when cleared. An empty answer only means "ask the account record".
 */
public interface LoginLocks {
    /** The lock on the account with this (normalised) address, if one is known and still running at {@code now}. */
    Optional<Lock> find(String normalisedEmail, Instant now);

    /** A running lock: whose account, and until when. */
    record Lock(String userId, Instant until) {}
}
