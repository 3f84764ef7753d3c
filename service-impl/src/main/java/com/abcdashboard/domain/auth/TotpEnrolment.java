package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.FieldErrors;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.user.AccessPolicy;
import com.abcdashboard.domain.user.LoginAttempt;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Turning two-factor sign-in on and off: enrolment (a new secret, pending until a first code confirms
 * the app has it), confirmation (it is on; 10 recovery codes, shown once), disabling by the user (password
 * and a code) and the admins' reset. Changes are audited as {@code mfa_enabled}, {@code mfa_disabled} and
 * {@code mfa_reset}.
 */
public final class TotpEnrolment {
    /** What enrolment answers: the secret, and the URI authenticator apps read (the QR code shows it). */
    public record Enrollment(String secret, String keyUri) {
        @Override
        public String toString() {
            return "Enrollment[secret=***]";
        }
    }

    private final TotpFactorRepository factors;
    private final TotpSecretSeal seal;
    private final Totp totp;
    private final RecoveryCodes recoveryCodes;
    private final SecondFactor secondFactor;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final LoginLocks locks;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final String issuer;
    private final Clock clock;

    public TotpEnrolment(
            TotpFactorRepository factors,
            TotpSecretSeal seal,
            Totp totp,
            RecoveryCodes recoveryCodes,
            SecondFactor secondFactor,
            UserRepository users,
            PasswordHasher passwords,
            LoginLocks locks,
            AccessPolicy policy,
            AuditLog audit,
            String issuer,
            Clock clock) {
        this.factors = factors;
        this.seal = seal;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.secondFactor = secondFactor;
        this.users = users;
        this.passwords = passwords;
        this.locks = locks;
        this.policy = policy;
        this.audit = audit;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** A new pending secret for the caller (replacing a pending one); 422 while two-factor sign-in is on. */
    public Enrollment enroll(Authenticated caller) {
        String secret = totp.newSecret();
        if (!factors.beginEnrolment(caller.userId(), seal.seal(secret, caller.userId()), clock.instant())) {
            throw alreadyOn();
        }
        return new Enrollment(secret, Totp.keyUri(issuer, caller.user().email(), secret));
    }

    /** Turns the pending secret on with a first code from the app; answers the recovery codes (once). */
    public List<String> confirm(Authenticated caller, String code, ClientInfo client) {
        FieldErrors errors = new FieldErrors();
        errors.required("code", code);
        errors.throwIfAny();
        Instant now = clock.instant();
        TotpFactor factor = factors.find(caller.userId())
                .filter(f -> !f.enabled() && f.sealedPendingSecret() != null)
                .orElseThrow(() -> factors.find(caller.userId())
                                .filter(TotpFactor::enabled)
                                .isPresent()
                        ? alreadyOn()
                        : new DomainException(
                                ErrorCategory.BUSINESS_RULE,
                                "Nothing to confirm: start with POST /api/v1/auth/mfa/totp/enroll"));
        String secret = seal.open(factor.sealedPendingSecret(), caller.userId())
                .orElseThrow(() -> new IllegalStateException("A pending TOTP secret does not open"));
        OptionalLong step = totp.matchingStep(secret, code.strip(), now);
        if (step.isEmpty()) {
            throw MfaSignIn.wrongCode();
        }
        List<String> codes = recoveryCodes.generate();
        if (!factors.activate(
                caller.userId(),
                factor.sealedPendingSecret(),
                step.getAsLong(),
                codes.stream().map(RecoveryCodes::hash).toList(),
                now)) {
            // Enrolled again, or confirmed, meanwhile: this code was for a secret that is no longer pending.
            throw MfaSignIn.wrongCode();
        }
        changed(AuditAction.MFA_ENABLED, caller.userId(), caller.userId(), client);
        return codes;
    }

    /**
     * Turns the caller's two-factor sign-in off, with their password and a current code (or a recovery
     * code). The check is an attempt of the account's lockout, like a sign-in's.
     */
    public void disable(Authenticated caller, String password, String code, ClientInfo client) {
        FieldErrors errors = new FieldErrors();
        errors.required("password", password);
        errors.required("code", code);
        errors.throwIfAny();
        Instant now = clock.instant();
        TotpFactor factor = factors.find(caller.userId())
                .filter(TotpFactor::enabled)
                .orElseThrow(() -> new DomainException(ErrorCategory.BUSINESS_RULE, "Two-factor sign-in is not on"));
        User user = users.findById(caller.userId()).orElseThrow(AuthFailures::invalidSession);
        LoginAttempt attempt = locks.reserve(user, now);
        boolean passwordRight = user.passwordHash() != null && passwords.matches(password, user.passwordHash());
        if (!passwordRight || secondFactor.accept(factor, code, now).isEmpty()) {
            locks.failed(user, attempt, now);
            throw new DomainException(ErrorCategory.AUTHENTICATION, "Wrong password or code");
        }
        factors.remove(caller.userId(), now);
        changed(AuditAction.MFA_DISABLED, caller.userId(), caller.userId(), client);
    }

    /** An admin removes {@code targetId}'s factor (a lost phone and lost recovery codes). */
    public void reset(Authenticated caller, String targetId, ClientInfo client) {
        policy.requireCanResetTwoFactor(caller.user());
        User target = users.findById(targetId)
                .orElseThrow(() -> new DomainException(ErrorCategory.NOT_FOUND, "User not found"));
        factors.remove(target.id(), clock.instant());
        changed(AuditAction.MFA_RESET, caller.userId(), target.id(), client);
    }

    private void changed(AuditAction action, String actorId, String targetId, ClientInfo client) {
        audit.record(AuditEvent.of(action, clock.instant(), actorId, targetId, client, Map.of()));
    }

    private static DomainException alreadyOn() {
        return new DomainException(ErrorCategory.BUSINESS_RULE, "Two-factor sign-in is already on; disable it first");
    }
}
