package com.abcdashboard.domain.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Sessions ({@code sessions} collection). Single-document atomic operations only. */
public interface SessionRepository {

    /** Creates a session whose current refresh token has hash {@code tokenHash}. */
    Session create(String userId, String tokenHash, Instant now, Instant expiresAt, String userAgent, String ipAddress);

    Optional<Session> findById(String id);

    /** The session whose CURRENT token hash is {@code tokenHash} (revoked or not). */
    Optional<Session> findByCurrentTokenHash(String tokenHash);

    /** The session that once had {@code tokenHash} as its token and has rotated it since. */
    Optional<Session> findByRotatedTokenHash(String tokenHash);

    /**
     * Atomically replaces the current token: succeeds only while {@code presentedHash} is still the
     * current hash, the session is not revoked and not expired at {@code now}. The presented hash is
     * remembered as rotated.
     *
     * @return the updated session, or empty when the compare-and-set did not match
     */
    default Optional<Session> rotate(String presentedHash, String newHash, Instant now, Instant newExpiresAt) {
        return rotate(presentedHash, newHash, null, now, newExpiresAt);
    }

    /**
     * {@link #rotate(String, String, Instant, Instant)}, remembering this rotation as the session's latest:
     * when, from which hash, and the new token sealed for whoever holds the presented one
     * ({@code sealedSuccessor}; null remembers nothing).
     */
    Optional<Session> rotate(
            String presentedHash, String newHash, String sealedSuccessor, Instant now, Instant newExpiresAt);

    /** The session whose latest rotation replaced {@code rotatedHash}, with that rotation. */
    Optional<LatestRotation> findLatestRotation(String rotatedHash);

    /** A session's latest rotation: at {@code at}, its token was replaced by the one sealed in {@code sealedSuccessor}. */
    record LatestRotation(Session session, Instant at, String sealedSuccessor) {}

    /** Revokes one session (idempotent: an already revoked session keeps its first reason). */
    void revoke(String sessionId, Instant now, String reason);

    /** Revokes every live session of the user except {@code keepSessionId} (nullable = revoke all). */
    long revokeAllForUser(String userId, String keepSessionId, Instant now, String reason);

    /** Ids of every stored session of the user, revoked or not (a cache drops their entries by them). */
    List<String> idsOfUser(String userId);

    /** The user's sessions usable at {@code now} (not revoked, not expired), newest first. */
    List<Session> activeOfUser(String userId, Instant now);

    /**
     * The distinct user agents of the user's stored sessions other than {@code exceptSessionId}, revoked
     * and expired ones included (until the store forgets them); a session without one counts as {@code ""}.
     * Empty when the user had no other session.
     */
    Set<String> userAgentsSeen(String userId, String exceptSessionId);
}
