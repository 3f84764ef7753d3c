package com.abcdashboard.domain.user;

import java.time.Instant;

/**
 * What is needed to create an account; the repository assigns the id.
 *
 * @param email already normalised to lower case
 * @param username nullable
 * @param passwordHash nullable (administrator-created account without a password yet)
 * @param createdBy nullable (self-registration)
 */
public record NewUser(
        String email,
        String username,
        String firstName,
        String lastName,
        String displayName,
        Role role,
        String phone,
        String langKey,
        boolean emailVerified,
        boolean firstLogin,
        String passwordHash,
        Instant createdAt,
        String createdBy) {
    public NewUser withUsername(String newUsername) {
        return new NewUser(
                email,
                newUsername,
                firstName,
                lastName,
                displayName,
                role,
                phone,
                langKey,
                emailVerified,
                firstLogin,
                passwordHash,
                createdAt,
                createdBy);
    }

    @Override
    public String toString() {
        return "NewUser[role=" + role + "]";
    }
}
