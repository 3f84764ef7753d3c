package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.FieldErrors;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.user.AccountFields;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Password sign-in with lockout. Unknown email and wrong password are indistinguishable: same error,
 * and a bcrypt comparison is spent either way. After {@code maxFailedLogins} consecutive failures the
 * account is locked for {@code lockoutDuration}; a success resets the count.
 */
public final class SignIn {
    public record Result(User user, SessionTokens tokens, boolean requiresPasswordChange) {}

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final SessionService sessions;
    private final AuthSettings settings;
    private final Clock clock;

    public SignIn(
            UserRepository users,
            PasswordHasher passwords,
            SessionService sessions,
            AuthSettings settings,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.settings = settings;
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
        Optional<User> found = users.findByEmail(AccountFields.normaliseEmail(email));
        if (found.isEmpty() || found.get().passwordHash() == null) {
            passwords.matchesNothing(password);
            throw AuthFailures.invalidCredentials();
        }
        User user = found.get();
        if (user.isLockedAt(now)) {
            passwords.matchesNothing(password);
            throw locked(user, now);
        }
        if (!passwords.matches(password, user.passwordHash())) {
            users.recordFailedLogin(user.id(), now, settings.maxFailedLogins(), settings.lockoutDuration());
            throw AuthFailures.invalidCredentials();
        }
        if (!user.active()) {
            throw new AccountNotUsableException("This account has been deactivated");
        }
        if (!user.emailVerified()) {
            throw new AccountNotUsableException("Please verify your email address before signing in");
        }
        User signedIn = users.recordSuccessfulLogin(user.id(), now).orElseThrow(AuthFailures::invalidCredentials);
        SessionTokens tokens = sessions.open(signedIn, client);
        return new Result(signedIn, tokens, signedIn.firstLogin());
    }

    private static RateLimitedException locked(User user, Instant now) {
        return new RateLimitedException(
                "Too many failed sign-in attempts; the account is locked for a while",
                Duration.between(now, user.lockedUntil()));
    }
}
