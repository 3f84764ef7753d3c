package com.abcdashboard.domain.user;

/**
 * Profile fields a user may change about themselves. {@code null} = leave as is; for bio, phone and
 * avatarUrl an empty string clears the field.
 */
public record ProfileChanges(
        String displayName,
        String firstName,
        String lastName,
        String bio,
        String phone,
        String langKey,
        String avatarUrl) {}
