package com.abcdashboard.domain.user;

/**
 * What an admin or manager changes about a user: profile fields, and optionally role and active flag.
 *
 * @param role null = unchanged
 * @param active null = unchanged
 */
public record UserUpdate(ProfileChanges profile, Role role, Boolean active) {
    public UserUpdate {
        profile = profile == null ? new ProfileChanges(null, null, null, null, null, null, null) : profile;
    }

    /** True when this update changes the target's role (sending the current role is not a change). */
    public boolean changesRole(User target) {
        return role != null && role != target.role();
    }

    /** True when this update changes the target's active flag. */
    public boolean changesActive(User target) {
        return active != null && active != target.active();
    }
}
