package com.abcdashboard.domain.user;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;

/**
 * Every authorization decision about accounts, in one place; handlers and services ask, they never
 * re-implement a rule.
 *
 * <ul>
 *   <li>admin: everything, except changing their own role or active flag or deleting themselves
 *       (422: a business rule, not a missing permission).
 *   <li>manager: reads every user and the statistics; creates, updates and (de)activates staff; may
 *       edit their own profile fields; never touches admins or other managers, never changes a role,
 *       never deletes.
 *   <li>staff: read the user list and single users (the dashboard's permission table shows them the
 *       users section); change only their own profile, through {@code /auth/profile} or {@code /profile}.
 *   <li>sessions of other users (list, end): admins for everyone, managers for staff and themselves.
 * </ul>
 *
 * A refused permission is {@link ErrorCategory#AUTHORIZATION} (403). The last-admin invariant is not
 * decided here: it depends on other users and is enforced atomically by the repository.
 */
public final class AccessPolicy {

    /** The user list and single users: every role. */
    public void requireCanReadUsers(User caller) {
        // Every signed-in user has a role, and every role may read; the method stays the one place to ask.
    }

    /** Statistics, and the coarse permission behind every write: admins and managers. */
    public void requireCanManageUsers(User caller) {
        if (!isAdmin(caller) && !isManager(caller)) {
            throw forbidden("Only admins and managers can manage users");
        }
    }

    public void requireCanCreate(User caller, Role role) {
        requireCanManageUsers(caller);
        if (isManager(caller) && role != Role.STAFF) {
            throw forbidden("Managers can only create staff accounts");
        }
    }

    public void requireCanUpdate(User caller, User target, UserUpdate update) {
        requireCanManageUsers(caller);
        boolean self = caller.id().equals(target.id());
        if (isManager(caller)) {
            if (!self && target.role() != Role.STAFF) {
                throw forbidden("Managers can only manage staff accounts");
            }
            if (update.changesRole(target)) {
                throw forbidden("Only admins can change roles");
            }
        }
        if (self && update.changesRole(target)) {
            throw businessRule("You cannot change your own role");
        }
        if (self && update.changesActive(target)) {
            throw businessRule("You cannot deactivate or reactivate your own account");
        }
    }

    /** Whether the caller may delete users at all, decided before the target is even looked up. */
    public void requireCanDeleteUsers(User caller) {
        if (!isAdmin(caller)) {
            throw forbidden("Only admins can delete users");
        }
    }

    public void requireCanDelete(User caller, User target) {
        requireCanDeleteUsers(caller);
        if (caller.id().equals(target.id())) {
            throw businessRule("You cannot delete your own account");
        }
    }

    /**
     * Another user's sessions (list them, end them): whoever manages that user — admins for everyone,
     * managers for staff and themselves. Asked after {@link #requireCanManageUsers}, once the target is known.
     */
    public void requireCanManageSessionsOf(User caller, User target) {
        requireCanManageUsers(caller);
        if (isManager(caller) && !caller.id().equals(target.id()) && target.role() != Role.STAFF) {
            throw forbidden("Managers can only manage the sessions of staff accounts");
        }
    }

    /** Removing someone's two-factor sign-in (a lost authenticator app): admins only. */
    public void requireCanResetTwoFactor(User caller) {
        if (!isAdmin(caller)) {
            throw forbidden("Only admins can reset two-factor sign-in");
        }
    }

    public void requireCanReadAuditLog(User caller) {
        if (!isAdmin(caller)) {
            throw forbidden("Only admins can read the audit log");
        }
    }

    private static boolean isAdmin(User user) {
        return user.role() == Role.ADMIN;
    }

    private static boolean isManager(User user) {
        return user.role() == Role.MANAGER;
    }

    private static DomainException forbidden(String message) {
        return new DomainException(ErrorCategory.AUTHORIZATION, message);
    }

    private static DomainException businessRule(String message) {
        return new DomainException(ErrorCategory.BUSINESS_RULE, message);
    }
}
