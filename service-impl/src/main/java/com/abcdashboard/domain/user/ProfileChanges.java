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
        String avatarUrl) {

    /** True when no field is given. */
    public boolean isEmpty() {
        return displayName == null
                && firstName == null
                && lastName == null
                && bio == null
                && phone == null
                && langKey == null
                && avatarUrl == null;
    }
}
