package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.FieldErrors;
import com.abcdashboard.domain.user.AccountFields;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Self-registration and email verification. */
public final class Registration {
    /** What a registration form sends; username and role may be null. */
    public record Command(
            String email, String password, String firstName, String lastName, String username, String role) {
        @Override
        public String toString() {
            return "Registration.Command[role=" + role + "]";
        }
    }

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final EmailLinks links;
    private final Clock clock;

    public Registration(UserRepository users, PasswordHasher passwords, EmailLinks links, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.links = links;
        this.clock = clock;
    }

    /** Creates an unverified staff account and queues the verification email. No session is opened. */
    public User register(Command command) {
        if (command.role() != null
                && Role.parse(command.role()).filter(r -> r == Role.STAFF).isEmpty()) {
            throw new DomainException(
                    ErrorCategory.AUTHORIZATION,
                    "Self-registration creates staff accounts only",
                    Map.of("role", "must be staff or omitted"));
        }
        FieldErrors errors = new FieldErrors();
        AccountFields.checkEmail("email", command.email(), errors);
        PasswordPolicy.check("password", command.password(), errors);
        AccountFields.checkName("firstName", command.firstName(), errors);
        AccountFields.checkName("lastName", command.lastName(), errors);
        AccountFields.checkUsername("username", command.username(), errors);
        errors.throwIfAny();

        Instant now = clock.instant();
        String firstName = command.firstName().trim();
        String lastName = command.lastName().trim();
        User user = users.insert(new NewUser(
                AccountFields.normaliseEmail(command.email()),
                command.username(),
                firstName,
                lastName,
                firstName + " " + lastName,
                Role.STAFF,
                null,
                "en",
                false,
                false,
                passwords.hash(command.password()),
                now,
                null));
        links.send(user, links.verification());
        return user;
    }

    /** Consumes a verification token (once, before it expires) and marks the address verified. */
    public User verifyEmail(String token) {
        FieldErrors errors = new FieldErrors();
        errors.required("token", token);
        errors.throwIfAny();
        Instant now = clock.instant();
        OneTimeToken consumed = links.consume(token, links.verification())
                .orElseThrow(() -> AuthFailures.invalidToken("token", "verification token"));
        return users.markEmailVerified(consumed.userId(), now)
                .orElseThrow(() -> AuthFailures.invalidToken("token", "verification token"));
    }

    /**
     * Sends a fresh verification link when an active, unverified account has this address; otherwise
     * does nothing. Either way the caller learns nothing about the account.
     */
    public void resendVerification(String email) {
        FieldErrors errors = new FieldErrors();
        AccountFields.checkEmail("email", email, errors);
        errors.throwIfAny();
        users.findByEmail(AccountFields.normaliseEmail(email))
                .filter(user -> user.active() && !user.emailVerified())
                .ifPresent(user -> links.send(user, links.verification()));
    }
}
