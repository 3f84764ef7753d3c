package com.abcdashboard.domain.user;

import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Accounts, stored in MongoDB's {@code users} collection. Every method is a single-document atomic
 * operation. Lookups never return soft-deleted users. Email and username uniqueness is enforced by
 * unique indexes on normalised (lower-case) keys, not by read-then-write.
 */
public interface UserRepository {

    /** Inserts the account; throws {@link DuplicateUserException} when the email or username is taken. */
    User insert(NewUser user);

    Optional<User> findById(String id);

    /** @param email any case; compared lower-case */
    Optional<User> findByEmail(String email);

    /** Sets emailVerified/emailVerifiedAt; empty when the user does not exist (or is deleted). */
    Optional<User> markEmailVerified(String id, Instant at);

    /**
     * Replaces the password hash, clears {@code firstLogin}, the failed-login counter and any lock.
     *
     * @return the updated user, empty when not found
     */
    Optional<User> changePassword(String id, String passwordHash, Instant at);

    /**
     * Reserves one password check, atomically and before it is made: the attempt counts as failed unless
     * {@link #recordSuccessfulLogin} follows. Refused while the account is locked at {@code now}. The
     * reservation that brings the count to {@code maxAttempts} is granted, locks the account until
     * {@code now + lockFor} and resets the count: at most {@code maxAttempts} reservations per lock
     * window, however many are asked for at once.
     *
     * @return the decision; empty when the user does not exist (or is deleted)
     */
    Optional<LoginAttempt> reserveLoginAttempt(String id, Instant now, int maxAttempts, Duration lockFor);

    /**
     * Applies profile changes (null = unchanged; empty bio/phone/avatarUrl = removed) and records who made
     * them.
     *
     * @return the updated user, empty when not found
     */
    Optional<User> updateProfile(String id, ProfileChanges changes, Instant at, String modifiedBy);

    /** Resets the failed-login counter and lock, sets lastLoginAt and lastActivityAt. */
    Optional<User> recordSuccessfulLogin(String id, Instant now);

    /** One page of non-deleted users matching the query, in a stable order (ties broken by id). */
    Page<User> find(UserQuery query, PageRequest page);

    /** Counts computed by the database; {@code recentSince} bounds {@link UserStats#recent()}. */
    UserStats stats(Instant recentSince);

    /**
     * Applies an administrative update, provided the user is still as {@code expected} (same role and
     * active flag, not deleted) — the caller's permission was decided on that state.
     *
     * @return the updated user; empty when the user changed or vanished meanwhile (read and try again)
     * @throws LastActiveAdminException when the update would leave no active admin (checked atomically)
     */
    Optional<User> update(User expected, UserUpdate update, Instant at, String modifiedBy);

    /**
     * Soft-deletes the user, provided it is still as {@code expected}: it disappears from every lookup
     * and its email address and username are free again; the record stays for audit.
     *
     * @return false when the user changed or vanished meanwhile
     * @throws LastActiveAdminException when it is the last active admin (checked atomically)
     */
    boolean softDelete(User expected, Instant at, String deletedBy);
}
