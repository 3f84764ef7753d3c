package com.abcdashboard.cache;

import com.abcdashboard.domain.auth.Session;
import com.abcdashboard.domain.auth.SessionRepository;
import com.abcdashboard.observability.ServiceMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sessions with the per-request revocation check served from the shared cache: {@code session:<id>}
 * holds the session as read by {@link #findById} (every authenticated request). Every change — rotate,
 * revoke, revoke-all — goes to MongoDB first and then deletes the affected entries, on every instance
 * at once (they share the keys). Token lookups by hash (refresh, reuse detection) always read MongoDB:
 * they are compare-and-set decisions.
 */
public final class CachingSessionRepository implements SessionRepository {
    private static final ObjectMapper JSON = CacheJson.MAPPER;
    private static final TypeReference<Session> SESSION = new TypeReference<>() {};

    private final SessionRepository sessions;
    private final ResilientStore store;
    private final Duration ttl;
    private final ServiceMetrics metrics;

    public CachingSessionRepository(
            SessionRepository sessions, ResilientStore store, Duration ttl, ServiceMetrics metrics) {
        this.sessions = sessions;
        this.store = store;
        this.ttl = ttl;
        this.metrics = metrics;
    }

    @Override
    public Optional<Session> findById(String id) {
        if (id == null || id.length() > 64) {
            return sessions.findById(id);
        }
        Optional<Session> cached = store.get(key(id)).flatMap(json -> CacheJson.read(json, SESSION));
        metrics.cacheLookup("session", cached.isPresent());
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Session> found = sessions.findById(id);
        found.ifPresent(session -> {
            try {
                store.fill(key(id), JSON.writeValueAsString(session), ttl);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot cache a session", e);
            }
        });
        return found;
    }

    @Override
    public Session create(
            String userId, String tokenHash, Instant now, Instant expiresAt, String userAgent, String ipAddress) {
        return sessions.create(userId, tokenHash, now, expiresAt, userAgent, ipAddress);
    }

    @Override
    public Optional<Session> findByCurrentTokenHash(String tokenHash) {
        return sessions.findByCurrentTokenHash(tokenHash);
    }

    @Override
    public Optional<Session> findByRotatedTokenHash(String tokenHash) {
        return sessions.findByRotatedTokenHash(tokenHash);
    }

    @Override
    public Optional<LatestRotation> findLatestRotation(String rotatedHash) {
        return sessions.findLatestRotation(rotatedHash);
    }

    @Override
    public Optional<Session> rotate(
            String presentedHash, String newHash, String sealedSuccessor, Instant now, Instant newExpiresAt) {
        Optional<Session> rotated = sessions.rotate(presentedHash, newHash, sealedSuccessor, now, newExpiresAt);
        rotated.ifPresent(session -> store.invalidate(key(session.id())));
        return rotated;
    }

    @Override
    public void revoke(String sessionId, Instant now, String reason) {
        sessions.revoke(sessionId, now, reason);
        store.invalidate(key(sessionId));
    }

    @Override
    public long revokeAllForUser(String userId, String keepSessionId, Instant now, String reason) {
        long revoked = sessions.revokeAllForUser(userId, keepSessionId, now, reason);
        // Listed after the revocation, so a session created meanwhile is dropped too.
        for (String id : sessions.idsOfUser(userId)) {
            store.invalidate(key(id));
        }
        return revoked;
    }

    @Override
    public List<String> idsOfUser(String userId) {
        return sessions.idsOfUser(userId);
    }

    /** Read from MongoDB: a list for a person to look at, not the per-request check. */
    @Override
    public List<Session> activeOfUser(String userId, Instant now) {
        return sessions.activeOfUser(userId, now);
    }

    @Override
    public Set<String> userAgentsSeen(String userId, String exceptSessionId) {
        return sessions.userAgentsSeen(userId, exceptSessionId);
    }

    private static String key(String id) {
        return "session:" + id;
    }
}
