package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.FieldErrors;
import com.abcdashboard.domain.auth.LinkRequests.LinkRequest;
import com.abcdashboard.domain.user.AccountFields;
import com.abcdashboard.domain.user.NewAccount;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import com.abcdashboard.domain.user.Usernames;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Self-registration and email verification. With email verification required (the default) a new
 * account waits for its mailed link; without, the address counts as verified and the new user is signed
 * in at once, as Supabase Auth does when confirmations are off.
 */
public final class Registration {
    /** The new account, and its session's tokens when registration signed it in. */
    public record Result(User user, Optional<SessionTokens> tokens) {}

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final EmailLinks links;
    private final LinkRequests linkRequests;
    private final SessionService sessions;
    private final boolean requireEmailVerification;
    private final Clock clock;

    public Registration(
            UserRepository users,
            PasswordHasher passwords,
            EmailLinks links,
            LinkRequests linkRequests,
            SessionService sessions,
            boolean requireEmailVerification,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.links = links;
        this.linkRequests = linkRequests;
        this.sessions = sessions;
        this.requireEmailVerification = requireEmailVerification;
        this.clock = clock;
    }

    /**
     * Creates a staff account (with a generated username when none is sent). With verification required
     * it is unverified, the verification email is queued and no session is opened; without, it is
     * verified and signed in.
     */
    public Result register(NewAccount command, ClientInfo client) {
        if (command.role() != null && command.role() != Role.STAFF) {
            throw staffOnly();
        }
        FieldErrors errors = new FieldErrors();
        AccountFields.checkEmail("email", command.email(), errors);
        PasswordPolicy.check("password", command.password(), errors);
        AccountFields.checkName("firstName", command.firstName(), errors);
        AccountFields.checkName("lastName", command.lastName(), errors);
        AccountFields.checkUsername("username", command.username(), errors);
        errors.throwIfAny();

        Instant now = clock.instant();
        User user = Usernames.insert(
                users,
                command.toNewUser(
                        Role.STAFF,
                        null,
                        !requireEmailVerification,
                        false,
                        passwords.hash(command.password()),
                        now,
                        null));
        if (requireEmailVerification) {
            links.send(user, links.verification());
            return new Result(user, Optional.empty());
        }
        User signedIn = users.recordSuccessfulLogin(user.id(), now).orElse(user);
        return new Result(signedIn, Optional.of(sessions.open(signedIn, client)));
    }

    /**
     * The role a registration form sent, as the domain knows it: none, or a known role (which {@link
     * #register} refuses unless it is staff); a value that names no role is refused as any non-staff one.
     */
    public static Role requestedRole(String sent) {
        return sent == null ? null : Role.parse(sent).orElseThrow(Registration::staffOnly);
    }

    private static DomainException staffOnly() {
        return new DomainException(
                ErrorCategory.AUTHORIZATION,
                "Self-registration creates staff accounts only",
                Map.of("role", "must be staff or omitted"));
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
     * does nothing. Either way the caller learns nothing about the account — not even from the time the
     * answer takes: the request is stored the same way for every address and fulfilled in the background.
     */
    public void resendVerification(String email) {
        FieldErrors errors = new FieldErrors();
        AccountFields.checkEmail("email", email, errors);
        errors.throwIfAny();
        linkRequests.submit(new LinkRequest(LinkRequest.Kind.EMAIL_VERIFICATION, AccountFields.normaliseEmail(email)));
    }
}
