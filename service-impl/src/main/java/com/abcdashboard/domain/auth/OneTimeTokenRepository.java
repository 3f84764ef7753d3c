package com.abcdashboard.domain.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** One-time tokens ({@code one_time_tokens} collection). */
public interface OneTimeTokenRepository {

    OneTimeToken create(OneTimeToken.Purpose purpose, String tokenHash, String userId, Instant now, Instant expiresAt);

    /**
     * Atomically marks the token used, only if its purpose is one of {@code purposes}, it is unused and
     * not expired at {@code now}. Two concurrent calls with the same token: exactly one succeeds.
     *
     * @return the token as it was consumed, empty when no such usable token exists
     */
    Optional<OneTimeToken> consume(Set<OneTimeToken.Purpose> purposes, String tokenHash, Instant now);

    /** The token if its purpose is one of {@code purposes} and it is unused and not expired at {@code now}. */
    Optional<OneTimeToken> findUsable(Set<OneTimeToken.Purpose> purposes, String tokenHash, Instant now);

    /** Marks every unused token of the user with one of these purposes as used (a newer one replaces them). */
    long invalidateAll(String userId, Set<OneTimeToken.Purpose> purposes, Instant now);
}
