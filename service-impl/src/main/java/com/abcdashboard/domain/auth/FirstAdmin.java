package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.FieldErrors;
import com.abcdashboard.domain.user.AccountFields;
import com.abcdashboard.domain.user.DuplicateUserException;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import com.abcdashboard.domain.user.Usernames;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Creates the first administrator of an empty installation (ADMIN_EMAIL), active and verified. With a
 * password it is ready to sign in; without one it has none, {@code firstLogin} set, and a one-time
 * set-password link is returned for the operator instead of being mailed (there may be no mail yet).
 */
public final class FirstAdmin {
    /** Whether any non-deleted administrator exists. */
    @FunctionalInterface
    public interface AdminPresence {
        boolean anyAdmin();
    }

    /** What {@link #ensure} did. */
    public sealed interface Outcome {
        /** An administrator exists already, or no ADMIN_EMAIL is configured: nothing done. */
        record NotNeeded(String reason) implements Outcome {}

        record CreatedWithPassword(User admin) implements Outcome {}

        /** @param setPasswordLink the only copy of the link's token: show it to the operator once */
        record CreatedWithLink(User admin, String setPasswordLink) implements Outcome {}
    }

    private final UserRepository users;
    private final AdminPresence admins;
    private final PasswordHasher passwords;
    private final EmailLinks links;
    private final Clock clock;

    public FirstAdmin(
            UserRepository users, AdminPresence admins, PasswordHasher passwords, EmailLinks links, Clock clock) {
        this.users = users;
        this.admins = admins;
        this.passwords = passwords;
        this.links = links;
        this.clock = clock;
    }

    /** @param username the admin's username ({@code ADMIN_USERNAME}); a generated one if it is taken */
    public Outcome ensure(Optional<String> email, Optional<String> password, String username) {
        if (email.isEmpty()) {
            return new Outcome.NotNeeded("ADMIN_EMAIL is not set");
        }
        if (admins.anyAdmin()) {
            return new Outcome.NotNeeded("an administrator exists");
        }
        FieldErrors errors = new FieldErrors();
        AccountFields.checkEmail("ADMIN_EMAIL", email.get(), errors);
        password.ifPresent(p -> PasswordPolicy.check("ADMIN_PASSWORD", p, errors));
        errors.throwIfAny();

        Instant now = clock.instant();
        User admin;
        try {
            admin = insertWithUsername(new NewUser(
                    AccountFields.normaliseEmail(email.get()),
                    username,
                    "Admin",
                    "User",
                    "Administrator",
                    Role.ADMIN,
                    null,
                    "en",
                    true,
                    password.isEmpty(),
                    password.map(passwords::hash).orElse(null),
                    now,
                    null));
        } catch (DuplicateUserException e) {
            throw new IllegalStateException(
                    "ADMIN_EMAIL belongs to an existing account that is not an administrator; "
                            + "choose another address or promote that account",
                    e);
        }
        if (password.isPresent()) {
            return new Outcome.CreatedWithPassword(admin);
        }
        return new Outcome.CreatedWithLink(admin, links.issue(admin, links.setPassword()));
    }

    /** The configured username, or a generated one when another account holds it. */
    private User insertWithUsername(NewUser admin) {
        try {
            return users.insert(admin);
        } catch (DuplicateUserException e) {
            if (e.field() != DuplicateUserException.Field.USERNAME) {
                throw e;
            }
            return Usernames.insert(users, admin.withUsername(null));
        }
    }
}
