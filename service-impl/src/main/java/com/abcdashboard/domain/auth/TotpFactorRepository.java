package com.abcdashboard.domain.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The authenticator apps of users. Every change is one conditional single-document update, so two
 * instances racing for the same code, recovery code or confirmation cannot both win.
 */
public interface TotpFactorRepository {

    /** The user's factor (enabled or pending); empty when there is none or the user does not exist. */
    Optional<TotpFactor> find(String userId);

    /** Keeps {@code sealedSecret} as the pending secret, unless two-factor sign-in is already on. */
    boolean beginEnrolment(String userId, String sealedSecret, Instant now);

    /**
     * Turns the pending secret on, if it is still {@code sealedPendingSecret} and nothing is on yet:
     * remembers {@code step} as used and keeps the recovery codes' hashes.
     */
    boolean activate(
            String userId, String sealedPendingSecret, long step, List<String> recoveryCodeHashes, Instant now);

    /** Marks {@code step} used if it is later than the last used one (false: replayed or older). */
    boolean useStep(String userId, long step);

    /** Removes one unused recovery code (false: no such unused code). */
    boolean useRecoveryCode(String userId, String codeHash);

    /** Removes the factor, on or pending. @return whether two-factor sign-in was on */
    boolean remove(String userId, Instant now);
}
