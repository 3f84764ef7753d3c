package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.FieldErrors;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.user.AccountFields;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Password sign-in with lockout. Unknown email and wrong password are indistinguishable: same error,
 * and a bcrypt comparison is spent either way. After {@code maxFailedLogins} consecutive failures the
 * account is locked for {@code lockoutDuration}; a success resets the count. Every outcome is written
 * to the audit log (the attempted address only when it matches no account).
 */
public final class SignIn {
    public record Result(User user, SessionTokens tokens, boolean requiresPasswordChange) {}

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final SessionService sessions;
    private final AuthSettings settings;
    private final AuditLog audit;
    private final LoginLocks locks;
    private final Clock clock;

    public SignIn(
            UserRepository users,
            PasswordHasher passwords,
            SessionService sessions,
            AuthSettings settings,
            AuditLog audit,
            LoginLocks locks,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.settings = settings;
        this.audit = audit;
        this.locks = locks;
        this.clock = clock;
    }

    public Result login(String email, String password, ClientInfo client) {
        FieldErrors errors = new FieldErrors();
        AccountFields.checkEmail("email", email, errors);
        errors.required("password", password);
        if (password != null && password.length() > PasswordPolicy.MAX_LENGTH) {
            errors.add("password", "must be at most " + PasswordPolicy.MAX_LENGTH + " characters long");
        }
        errors.throwIfAny();

        Instant now = clock.instant();
        // A lock set through any instance, from the shared store: no database read for a locked account.
        Optional<LoginLocks.Lock> known = locks.find(AccountFields.normaliseEmail(email), now);
        if (known.isPresent()) {
            passwords.matchesNothing(password);
            record(AuditAction.LOGIN_FAILURE, known.get().userId(), client, Map.of("reason", "locked"));
            throw locked(known.get().until(), now);
        }
        Optional<User> found = users.findByEmail(AccountFields.normaliseEmail(email));
        if (found.isEmpty()) {
            passwords.matchesNothing(password);
            record(
                    AuditAction.LOGIN_FAILURE,
                    null,
                    client,
                    Map.of("reason", "unknown_email", "email", AccountFields.normaliseEmail(email)));
            throw AuthFailures.invalidCredentials();
        }
        User user = found.get();
        if (user.passwordHash() == null) {
            passwords.matchesNothing(password);
            failed(user, "no_password", client);
            throw AuthFailures.invalidCredentials();
        }
        if (user.isLockedAt(now)) {
            passwords.matchesNothing(password);
            failed(user, "locked", client);
            throw locked(user.lockedUntil(), now);
        }
        if (!passwords.matches(password, user.passwordHash())) {
            failed(user, "bad_password", client);
            users.recordFailedLogin(user.id(), now, settings.maxFailedLogins(), settings.lockoutDuration())
                    .filter(after -> after.isLockedAt(now))
                    .ifPresent(after -> record(
                            AuditAction.ACCOUNT_LOCKED,
                            after.id(),
                            client,
                            Map.of("lockedUntil", after.lockedUntil().toString())));
            throw AuthFailures.invalidCredentials();
        }
        if (!user.active()) {
            failed(user, "deactivated", client);
            throw new AccountNotUsableException("This account has been deactivated");
        }
        if (!user.emailVerified()) {
            failed(user, "email_not_verified", client);
            throw new AccountNotUsableException("Please verify your email address before signing in");
        }
        User signedIn = users.recordSuccessfulLogin(user.id(), now).orElseThrow(AuthFailures::invalidCredentials);
        SessionTokens tokens = sessions.open(signedIn, client);
        record(AuditAction.LOGIN_SUCCESS, signedIn.id(), client, Map.of());
        return new Result(signedIn, tokens, signedIn.firstLogin());
    }

    private void failed(User user, String reason, ClientInfo client) {
        record(AuditAction.LOGIN_FAILURE, user.id(), client, Map.of("reason", reason));
    }

    /** Sign-in events are the user's own: actor and target are the account (null when none matched). */
    private void record(AuditAction action, String userId, ClientInfo client, Map<String, String> details) {
        audit.record(AuditEvent.of(action, clock.instant(), userId, userId, client, details));
    }

    private static RateLimitedException locked(Instant until, Instant now) {
        return new RateLimitedException(
                "Too many failed sign-in attempts; the account is locked for a while", Duration.between(now, until));
    }
}
