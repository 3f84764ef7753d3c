package com.abcdashboard.domain.user;

import java.time.Instant;

/**
 * An account. Nullable fields are marked; everything else is always set. {@code passwordHash} is null
 * for an administrator-created account that has not set a password yet. Soft-deleted users
 * ({@code deletedAt != null}) are invisible to every lookup but kept for audit.
 *
 * @param email lower-case; unique among non-deleted users
 * @param username nullable; unique (case-insensitively) among non-deleted users
 * @param mfaEnabled two-factor sign-in (an authenticator app) is on; its secret is not part of the record
 */
public record User(
        String id,
        String email,
        String username,
        String firstName,
        String lastName,
        String displayName,
        Role role,
        String avatarUrl,
        String phone,
        String bio,
        String langKey,
        boolean active,
        boolean emailVerified,
        Instant emailVerifiedAt,
        boolean firstLogin,
        String passwordHash,
        Instant passwordChangedAt,
        int failedLoginAttempts,
        Instant lockedUntil,
        Instant lastLoginAt,
        Instant lastActivityAt,
        Instant createdAt,
        Instant updatedAt,
        String createdBy,
        String lastModifiedBy,
        Instant deletedAt,
        boolean mfaEnabled) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts towards "at least one active admin". */
    public boolean isActiveAdmin() {
        return role == Role.ADMIN && active && deletedAt == null;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", role=" + role + ", active=" + active + "]";
    }
}
