package com.abcdashboard.domain.user;

import java.time.Instant;
import java.util.Locale;

/**
 * An account someone asks for: a person registering, or an admin or manager creating one. Registration
 * sends email, password, names and maybe a username and role; user management may add display name,
 * phone and language, and leave the password out (a set-password link is mailed instead). Any field may
 * be null here: each use case checks what it requires.
 */
public record NewAccount(
        String email,
        String username,
        String firstName,
        String lastName,
        String displayName,
        Role role,
        String phone,
        String langKey,
        String password) {

    /** What a registration form sends. */
    public static NewAccount registration(
            String email, String password, String firstName, String lastName, String username, Role role) {
        return new NewAccount(email, username, firstName, lastName, null, role, null, null, password);
    }

    /**
     * The account to store, once the use case has checked this command: the address normalised, names
     * trimmed, the display name "first last" unless one was sent, the language {@code en} unless one was
     * sent. What the command does not decide comes from the use case.
     *
     * @param phoneE164 the phone number checked and written in E.164, or null
     * @param passwordHash null for an account without a password yet
     * @param createdBy null for self-registration
     */
    public NewUser toNewUser(
            Role assignedRole,
            String phoneE164,
            boolean emailVerified,
            boolean firstLogin,
            String passwordHash,
            Instant at,
            String createdBy) {
        String first = firstName.trim();
        String last = lastName.trim();
        return new NewUser(
                AccountFields.normaliseEmail(email),
                username,
                first,
                last,
                displayName == null || displayName.isBlank() ? first + " " + last : displayName.trim(),
                assignedRole,
                phoneE164,
                langKey == null ? "en" : langKey.toLowerCase(Locale.ROOT),
                emailVerified,
                firstLogin,
                passwordHash,
                at,
                createdBy);
    }

    @Override
    public String toString() {
        return "NewAccount[role=" + role + "]";
    }
}
