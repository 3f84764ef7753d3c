package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.FieldErrors;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.user.AccountFields;
import com.abcdashboard.domain.user.LoginAttempt;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Password sign-in with lockout. Unknown email and wrong password are indistinguishable: same error,
 * and a bcrypt comparison is spent either way. Each password check is reserved on the account before it
 * is made ({@link LoginLocks}): after {@code maxFailedLogins} attempts that did not succeed the account
 * is locked for {@code lockoutDuration}, and refused (429) even with the right password; a success
 * resets the count. Every outcome is written to the audit log (the attempted address only when it
 * matches no account). For a user with two-factor sign-in on, the right password opens no session: it
 * answers a challenge that {@link MfaSignIn} finishes.
 */
public final class SignIn {
    /**
     * The outcome of the password step.
     *
     * @param tokens null when {@code challenge} is set: the second factor opens the session
     * @param challenge nullable; the user has two-factor sign-in on ({@link MfaSignIn#verify} finishes)
     * @param mfaEnrollmentRequired the user's role requires two-factor sign-in and the user has not enrolled:
     *     the tokens reach only the enrolment ({@link TwoFactorRequirement})
     */
    public record Result(
            User user,
            SessionTokens tokens,
            boolean requiresPasswordChange,
            MfaSignIn.Challenge challenge,
            boolean mfaEnrollmentRequired) {
        public Result(User user, SessionTokens tokens, boolean requiresPasswordChange) {
            this(user, tokens, requiresPasswordChange, null, false);
        }

        public boolean mfaRequired() {
            return challenge != null;
        }
    }

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final SessionService sessions;
    private final AuditLog audit;
    private final LoginLocks locks;
    private final MfaSignIn mfa;
    private final TwoFactorRequirement twoFactorRequirement;
    private final Clock clock;

    public SignIn(
            UserRepository users,
            PasswordHasher passwords,
            SessionService sessions,
            AuditLog audit,
            LoginLocks locks,
            MfaSignIn mfa,
            TwoFactorRequirement twoFactorRequirement,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.locks = locks;
        this.mfa = mfa;
        this.twoFactorRequirement = twoFactorRequirement;
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
        String normalised = AccountFields.normaliseEmail(email);
        // A lock set through any instance, from the shared store: no database access for a locked
        // account, and no password check (the 429 tells the account exists anyway).
        Optional<LoginLocks.Lock> known = locks.known(normalised, now);
        if (known.isPresent()) {
            record(AuditAction.LOGIN_FAILURE, known.get().userId(), client, Map.of("reason", "locked"));
            throw LoginLocks.locked(known.get().until(), now);
        }
        Optional<User> found = users.findByEmail(normalised);
        if (found.isEmpty()) {
            passwords.matchesNothing(password);
            record(AuditAction.LOGIN_FAILURE, null, client, Map.of("reason", "unknown_email", "email", normalised));
            throw AuthFailures.invalidCredentials();
        }
        User user = found.get();
        if (user.passwordHash() == null) {
            passwords.matchesNothing(password);
            failed(user, "no_password", client);
            throw AuthFailures.invalidCredentials();
        }
        LoginAttempt attempt;
        try {
            attempt = locks.reserve(user, now);
        } catch (RateLimitedException locked) {
            failed(user, "locked", client);
            throw locked;
        }
        if (!passwords.matches(password, user.passwordHash())) {
            failed(user, "bad_password", client);
            failedAttempt(user, attempt, now, client);
            throw AuthFailures.invalidCredentials();
        }
        // The right password, but no session: the attempt stays counted (it did not succeed).
        if (!user.active()) {
            failed(user, "deactivated", client);
            failedAttempt(user, attempt, now, client);
            throw new AccountNotUsableException("This account has been deactivated");
        }
        if (!user.emailVerified()) {
            failed(user, "email_not_verified", client);
            failedAttempt(user, attempt, now, client);
            throw new AccountNotUsableException("Please verify your email address before signing in");
        }
        if (user.mfaEnabled()) {
            // Half way: the attempt stays counted until a code succeeds, so a known password gives no
            // more guesses at the code than the lockout allows.
            return new Result(user, null, user.firstLogin(), mfa.challenge(user, now), false);
        }
        User signedIn = users.recordSuccessfulLogin(user.id(), now).orElseThrow(AuthFailures::invalidCredentials);
        locks.succeeded(signedIn, attempt);
        SessionTokens tokens = sessions.open(signedIn, client);
        record(AuditAction.LOGIN_SUCCESS, signedIn.id(), client, Map.of());
        return new Result(signedIn, tokens, signedIn.firstLogin(), null, twoFactorRequirement.mustEnrol(signedIn));
    }

    private void failedAttempt(User user, LoginAttempt attempt, Instant now, ClientInfo client) {
        if (locks.failed(user, attempt, now)) {
            record(
                    AuditAction.ACCOUNT_LOCKED,
                    user.id(),
                    client,
                    Map.of("lockedUntil", attempt.lockedUntil().toString()));
        }
    }

    private void failed(User user, String reason, ClientInfo client) {
        record(AuditAction.LOGIN_FAILURE, user.id(), client, Map.of("reason", reason));
    }

    /** Sign-in events are the user's own: actor and target are the account (null when none matched). */
    private void record(AuditAction action, String userId, ClientInfo client, Map<String, String> details) {
        audit.record(AuditEvent.of(action, clock.instant(), userId, userId, client, details));
    }
}
