package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.FieldErrors;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.user.LoginAttempt;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The second step of a sign-in for a user with two-factor sign-in on. The right password gets an
 * {@code mfaToken} instead of a session ({@link #challenge}): a random token, stored hashed as a one-time
 * token of purpose {@code MFA_SIGN_IN} for {@link #TOKEN_TTL}, naming the user. {@link #verify} with it and
 * a code opens the session. Every code is an attempt of the account's lockout ({@link LoginLocks}),
 * reserved before it is checked, exactly as passwords are; only a success resets the count. The token is
 * consumed by one compare-and-set after the code was accepted, so however many requests present it at
 * once, on however many instances, at most one session opens; a wrong code leaves it usable until it
 * expires (a typo does not cost the password step again).
 */
public final class MfaSignIn {
    public static final Duration TOKEN_TTL = Duration.ofMinutes(5);
    private static final Set<OneTimeToken.Purpose> PURPOSE = Set.of(OneTimeToken.Purpose.MFA_SIGN_IN);

    /** What the password step answers instead of tokens. */
    public record Challenge(String mfaToken, Duration expiresIn) {
        @Override
        public String toString() {
            return "Challenge[mfaToken=***, expiresIn=" + expiresIn + "]";
        }
    }

    private final OneTimeTokenRepository tokens;
    private final OpaqueTokens opaqueTokens;
    private final UserRepository users;
    private final TotpFactorRepository factors;
    private final SecondFactor secondFactor;
    private final LoginLocks locks;
    private final SessionService sessions;
    private final AuditLog audit;
    private final Clock clock;

    public MfaSignIn(
            OneTimeTokenRepository tokens,
            OpaqueTokens opaqueTokens,
            UserRepository users,
            TotpFactorRepository factors,
            SecondFactor secondFactor,
            LoginLocks locks,
            SessionService sessions,
            AuditLog audit,
            Clock clock) {
        this.tokens = tokens;
        this.opaqueTokens = opaqueTokens;
        this.users = users;
        this.factors = factors;
        this.secondFactor = secondFactor;
        this.locks = locks;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The password of {@code user} was right: a token for the second step, bound to this user. */
    Challenge challenge(User user, Instant now) {
        String token = opaqueTokens.generate();
        tokens.create(OneTimeToken.Purpose.MFA_SIGN_IN, OpaqueTokens.hash(token), user.id(), now, now.plus(TOKEN_TTL));
        return new Challenge(token, TOKEN_TTL);
    }

    /** Finishes the sign-in named by {@code mfaToken} with a code from the app or a recovery code. */
    public SignIn.Result verify(String mfaToken, String code, ClientInfo client) {
        FieldErrors errors = new FieldErrors();
        errors.required("mfaToken", mfaToken);
        errors.required("code", code);
        errors.throwIfAny();
        if (mfaToken.length() > 512 || code.length() > 64) {
            throw wrongCode();
        }
        Instant now = clock.instant();
        String tokenHash = OpaqueTokens.hash(mfaToken);
        OneTimeToken challenge = tokens.findUsable(PURPOSE, tokenHash, now).orElseThrow(MfaSignIn::expired);
        User user = users.findById(challenge.userId())
                .filter(u -> u.active() && u.emailVerified())
                .orElseThrow(MfaSignIn::expired);
        LoginAttempt attempt;
        try {
            attempt = locks.reserve(user, now);
        } catch (RateLimitedException locked) {
            failed(user, "locked", client);
            throw locked;
        }
        Optional<SecondFactor.Kind> accepted = factors.find(user.id())
                .filter(TotpFactor::enabled)
                .flatMap(factor -> secondFactor.accept(factor, code, now));
        if (accepted.isEmpty()) {
            failed(user, "bad_mfa_code", client);
            if (locks.failed(user, attempt, now)) {
                record(
                        AuditAction.ACCOUNT_LOCKED,
                        user.id(),
                        client,
                        Map.of("lockedUntil", attempt.lockedUntil().toString()));
            }
            throw wrongCode();
        }
        if (tokens.consume(PURPOSE, tokenHash, now).isEmpty()) {
            // Another request finished this sign-in first.
            failed(user, "mfa_token_used", client);
            throw expired();
        }
        User signedIn = users.recordSuccessfulLogin(user.id(), now).orElseThrow(MfaSignIn::expired);
        locks.succeeded(signedIn, attempt);
        SessionTokens opened = sessions.open(signedIn, client);
        record(
                AuditAction.LOGIN_SUCCESS,
                signedIn.id(),
                client,
                Map.of("mfa", accepted.get().id()));
        return new SignIn.Result(signedIn, opened, signedIn.firstLogin());
    }

    private void failed(User user, String reason, ClientInfo client) {
        record(AuditAction.LOGIN_FAILURE, user.id(), client, Map.of("reason", reason));
    }

    private void record(AuditAction action, String userId, ClientInfo client, Map<String, String> details) {
        audit.record(AuditEvent.of(action, clock.instant(), userId, userId, client, details));
    }

    static DomainException wrongCode() {
        return new DomainException(ErrorCategory.AUTHENTICATION, "Invalid or already used code");
    }

    private static DomainException expired() {
        return new DomainException(
                ErrorCategory.AUTHENTICATION, "This sign-in has expired or was completed; please sign in again");
    }
}
