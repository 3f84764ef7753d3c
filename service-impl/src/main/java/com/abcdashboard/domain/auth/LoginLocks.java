package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.user.LoginAttempt;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Account locks after too many failed sign-ins, counted before the password is checked.
 *
 * <p>Every password check first reserves an attempt on the account record in MongoDB, the record of
 * truth, in one atomic update ({@link UserRepository#reserveLoginAttempt}); the attempt counts as failed
 * unless it succeeds ({@link UserRepository#recordSuccessfulLogin} resets the count). The reservation
 * that uses up the last of {@code maxFailedLogins} locks the account for {@code lockoutDuration} at
 * once, so however many guesses arrive at the same moment, on however many instances, at most
 * {@code maxFailedLogins} passwords are ever checked per lock window; every other attempt is refused
 * with 429, the right password included, without a password check. Counting after the check, as this
 * class did before, let a burst of parallel guesses all be evaluated before the lock. The model —
 * failures per account, a lock for a wait time, a success resetting the count — follows Keycloak's
 * brute-force detector.
 *
 * <p>A running lock is also copied to {@link Copies} (Redis when configured), which sign-in reads
 * first: an attempt on a locked account then costs no database write on any instance. The copy is
 * only a shortcut: MongoDB refuses on its own when the copy is missing.
 */
public final class LoginLocks {
    /** Copies of running locks, as every instance sees them (the shared store). */
    public interface Copies {
        /** The lock on the account with this (normalised) address, if one is known and still running at {@code now}. */
        Optional<Lock> find(String normalisedEmail, Instant now);

        /** Keeps {@code lock} for {@code left}, then forgets it. */
        void put(String normalisedEmail, Lock lock, Duration left);

        /** Forgets the lock on this address (now, or when an unreachable store is back). */
        void remove(String normalisedEmail);
    }

    /** A running lock: whose account, and until when. */
    public record Lock(String userId, Instant until) {}

    private final UserRepository users;
    private final Copies copies;
    private final AuthSettings settings;

    public LoginLocks(UserRepository users, Copies copies, AuthSettings settings) {
        this.users = users;
        this.copies = copies;
        this.settings = settings;
    }

    /** A lock known to every instance, read before anything else (no database access). */
    public Optional<Lock> known(String normalisedEmail, Instant now) {
        return copies.find(normalisedEmail, now);
    }

    /**
     * Reserves one password check on the account, before it is made.
     *
     * @throws RateLimitedException when the account is locked (or was just locked by other attempts)
     */
    public LoginAttempt reserve(User user, Instant now) {
        LoginAttempt attempt = users.reserveLoginAttempt(
                        user.id(), now, settings.maxFailedLogins(), settings.lockoutDuration())
                .orElseThrow(AuthFailures::invalidCredentials); // deleted meanwhile
        if (!attempt.granted()) {
            throw locked(attempt.lockedUntil(), now);
        }
        return attempt;
    }

    /**
     * The reserved check failed (it was counted already). When it was the one that locked the account,
     * the lock is copied for every instance — unless a concurrent success ended it meanwhile.
     *
     * @return whether this failure leaves the account locked
     */
    public boolean failed(User user, LoginAttempt attempt, Instant now) {
        if (!attempt.locks()) {
            return false;
        }
        Optional<User> record = users.findByEmail(user.email());
        if (record.filter(u -> attempt.lockedUntil().equals(u.lockedUntil())).isEmpty()) {
            return false;
        }
        Duration left = Duration.between(now, attempt.lockedUntil());
        if (left.toMillis() >= 1) { // Redis refuses an expiry of 0
            copies.put(user.email(), new Lock(user.id(), attempt.lockedUntil()), left);
        }
        return true;
    }

    /** The reserved check succeeded, and the account record is reset: drop a copy this attempt's lock may have left. */
    public void succeeded(User user, LoginAttempt attempt) {
        if (attempt.locks()) {
            copies.remove(user.email());
        }
    }

    /** The account's lock ended early (password changed or reset) or its address was freed: forget the copy. */
    public void cleared(String normalisedEmail) {
        if (normalisedEmail != null) {
            copies.remove(normalisedEmail);
        }
    }

    static RateLimitedException locked(Instant until, Instant now) {
        return new RateLimitedException(
                "Too many failed sign-in attempts; the account is locked for a while", Duration.between(now, until));
    }
}
