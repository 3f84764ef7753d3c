package com.abcdashboard.domain.auth;

import java.time.Instant;
import java.util.List;

/**
 * A user's authenticator app, as stored (secrets sealed by {@link TotpSecretSeal}).
 *
 * @param sealedSecret nullable; the confirmed secret, set while two-factor sign-in is on
 * @param enabledAt nullable; when the enrolment was confirmed
 * @param lastUsedStep the time step of the last code accepted (no code of this step or an older one is accepted again)
 * @param recoveryCodeHashes SHA-256 of the unused recovery codes
 * @param sealedPendingSecret nullable; a secret enrolled but not yet confirmed
 */
public record TotpFactor(
        String userId,
        String sealedSecret,
        Instant enabledAt,
        long lastUsedStep,
        List<String> recoveryCodeHashes,
        String sealedPendingSecret) {
    public TotpFactor {
        recoveryCodeHashes = recoveryCodeHashes == null ? List.of() : List.copyOf(recoveryCodeHashes);
    }

    public boolean enabled() {
        return enabledAt != null && sealedSecret != null;
    }
}
