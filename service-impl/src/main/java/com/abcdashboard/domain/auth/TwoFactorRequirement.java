package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import java.util.Set;

/**
 * Which users must enrol an authenticator app before they may do anything else ({@code
 * MFA_REQUIRED_ROLES}). Asked on every authenticated request, against the user as stored now: the same
 * session gains full access the moment its enrolment is confirmed, and a refresh never lifts the limit.
 */
public final class TwoFactorRequirement {
    private final Set<Role> requiredRoles;

    public TwoFactorRequirement(Set<Role> requiredRoles) {
        this.requiredRoles = Set.copyOf(requiredRoles);
    }

    /** True while {@code user}'s role requires two-factor sign-in and the user has not turned it on. */
    public boolean mustEnrol(User user) {
        return requiredRoles.contains(user.role()) && !user.mfaEnabled();
    }
}
