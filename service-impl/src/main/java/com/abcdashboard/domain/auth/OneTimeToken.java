package com.abcdashboard.domain.auth;

import java.time.Instant;

/**
 * A single-use token sent by email (verification, password reset, set-password), or the mfaToken of a
 * sign-in waiting for its second factor. Only its SHA-256 hash is stored.
 *
 * @param usedAt nullable; set when consumed (or invalidated by a newer token)
 */
public record OneTimeToken(
        String id,
        Purpose purpose,
        String tokenHash,
        String userId,
        Instant createdAt,
        Instant expiresAt,
        Instant usedAt) {

    public enum Purpose {
        EMAIL_VERIFICATION,
        PASSWORD_RESET,
        SET_PASSWORD,
        /** The {@code mfaToken} between a right password and the second factor (not mailed). */
        MFA_SIGN_IN
    }
}
