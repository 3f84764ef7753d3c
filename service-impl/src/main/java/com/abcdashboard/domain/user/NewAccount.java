package com.abcdashboard.domain.user;

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

    @Override
    public String toString() {
        return "NewAccount[role=" + role + "]";
    }
}
