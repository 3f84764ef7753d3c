package com.abcdashboard.domain.auth;

import java.time.Instant;

/**
 * A sign-in: one refresh-token family. Only the SHA-256 hash of the current refresh token is stored;
 * each refresh replaces it (rotation) and remembers the old hash so a replayed old token can be
 * recognised as reuse.
 *
 * @param revokedAt nullable; a revoked session accepts no token
 * @param revokedReason nullable (logout, reuse, password-change, password-reset, ...)
 */
public record Session(
        String id,
        String userId,
        String currentTokenHash,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt,
        String revokedReason,
        String userAgent,
        String ipAddress) {

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
