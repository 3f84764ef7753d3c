package com.abcdashboard.domain.user;

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
     * Counts one failed login atomically; when the count reaches {@code maxAttempts}, locks the account
     * until {@code now + lockFor} and resets the count.
     *
     * @return the user after the update, empty when not found
     */
    Optional<User> recordFailedLogin(String id, Instant now, int maxAttempts, Duration lockFor);

    /**
     * Applies profile changes (null = unchanged; empty bio/phone/avatarUrl = removed) and records who made
     * them.
     *
     * @return the updated user, empty when not found
     */
    Optional<User> updateProfile(String id, ProfileChanges changes, Instant at, String modifiedBy);

    /** Resets the failed-login counter and lock, sets lastLoginAt and lastActivityAt. */
    Optional<User> recordSuccessfulLogin(String id, Instant now);
}
