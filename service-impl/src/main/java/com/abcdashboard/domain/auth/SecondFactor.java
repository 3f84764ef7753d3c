package com.abcdashboard.domain.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks a second factor — a code from the authenticator app or a recovery code — against a user's
 * enabled factor, and uses it up: the code's time step is marked used (a replay, or any older code,
 * fails), a recovery code is removed. Both by one conditional update, so of two requests with the same
 * code, on any instances, one wins.
 */
public final class SecondFactor {
    /** What was accepted, as recorded in the audit log. */
    public enum Kind {
        TOTP("totp"),
        RECOVERY_CODE("recovery_code");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final TotpFactorRepository factors;
    private final TotpSecretSeal seal;
    private final Totp totp;

    public SecondFactor(TotpFactorRepository factors, TotpSecretSeal seal, Totp totp) {
        this.factors = factors;
        this.seal = seal;
        this.totp = totp;
    }

    /** The kind of factor {@code code} was, once it is used up; empty when it is wrong, used or replayed. */
    public Optional<Kind> accept(TotpFactor factor, String code, Instant now) {
        if (!factor.enabled() || code == null || code.isBlank() || code.length() > 64) {
            return Optional.empty();
        }
        String trimmed = code.strip();
        if (RecoveryCodes.looksLikeOne(trimmed)) {
            return factors.useRecoveryCode(factor.userId(), RecoveryCodes.hash(trimmed))
                    ? Optional.of(Kind.RECOVERY_CODE)
                    : Optional.empty();
        }
        String secret = seal.open(factor.sealedSecret(), factor.userId())
                .orElseThrow(() -> new IllegalStateException("The TOTP secret of user " + factor.userId()
                        + " does not open with MFA_ENCRYPTION_KEY (was the key changed?)"));
        OptionalLong step = totp.matchingStep(secret, trimmed, now);
        if (step.isEmpty() || step.getAsLong() <= factor.lastUsedStep()) {
            return Optional.empty();
        }
        return factors.useStep(factor.userId(), step.getAsLong()) ? Optional.of(Kind.TOTP) : Optional.empty();
    }
}
