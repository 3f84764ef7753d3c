package com.abcdashboard.domain.auth;

import java.time.Instant;

/**
 * A single-use token sent by email (verification, password reset, set-password). Only its SHA-256
 * hash is stored.
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
        SET_PASSWORD
    }
}
