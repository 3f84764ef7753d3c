package com.abcdashboard.cache;

import com.abcdashboard.domain.auth.TotpFactor;
import com.abcdashboard.domain.auth.TotpFactorRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The factors live in the user's document, and the cached user record carries {@code mfaEnabled}: a change
 * that turns two-factor sign-in on or off (which also moves the document's {@code updatedAt}) drops the
 * user's cached entry and the list pages, as the user repository's own writes do. The factor itself is never
 * cached — every check reads MongoDB, where the compare-and-sets are.
 */
public final class CachingTotpFactors implements TotpFactorRepository {
    private final TotpFactorRepository factors;
    private final CachingUserRepository users;

    public CachingTotpFactors(TotpFactorRepository factors, CachingUserRepository users) {
        this.factors = factors;
        this.users = users;
    }

    @Override
    public Optional<TotpFactor> find(String userId) {
        return factors.find(userId);
    }

    /** A pending secret changes nothing of the cached record (not even {@code updatedAt}). */
    @Override
    public boolean beginEnrolment(String userId, String sealedSecret, Instant now) {
        return factors.beginEnrolment(userId, sealedSecret, now);
    }

    @Override
    public boolean activate(
            String userId, String sealedPendingSecret, long step, List<String> recoveryCodeHashes, Instant now) {
        boolean activated = factors.activate(userId, sealedPendingSecret, step, recoveryCodeHashes, now);
        users.changed(userId);
        return activated;
    }

    @Override
    public boolean useStep(String userId, long step) {
        return factors.useStep(userId, step);
    }

    @Override
    public boolean useRecoveryCode(String userId, String codeHash) {
        return factors.useRecoveryCode(userId, codeHash);
    }

    @Override
    public boolean remove(String userId, Instant now) {
        boolean wasOn = factors.remove(userId, now);
        users.changed(userId);
        return wasOn;
    }
}
