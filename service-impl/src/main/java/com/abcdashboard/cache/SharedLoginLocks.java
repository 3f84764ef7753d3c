package com.abcdashboard.cache;

import com.abcdashboard.domain.auth.LoginLocks;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.observability.ServiceMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link LoginLocks} in the shared store: {@code login-lock:<sha256(email)>} holds the user id and the
 * end of the lock, and expires with the lock. The email is hashed so addresses never appear in key
 * names (monitoring, {@code SCAN}, slow logs). Written by {@link CachingUserRepository} after MongoDB
 * locked the account, and removed (now, or when an unreachable store is back) after every write that
 * ends the lock early there — password change or reset — or frees the address (soft delete).
 */
public final class SharedLoginLocks implements LoginLocks {
    private static final ObjectMapper JSON = CacheJson.MAPPER;

    private final ResilientStore store;
    private final ServiceMetrics metrics;

    public SharedLoginLocks(ResilientStore store, ServiceMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public Optional<Lock> find(String normalisedEmail, Instant now) {
        Optional<Lock> lock = store.get(key(normalisedEmail))
                .flatMap(SharedLoginLocks::parse)
                .filter(l -> l.until().isAfter(now));
        metrics.cacheLookup("login-lock", lock.isPresent());
        return lock;
    }

    /** Copies the lock MongoDB just set on {@code user} (nothing when it holds none at {@code now}). */
    void locked(User user, Instant now) {
        Duration left = user.lockedUntil() == null ? Duration.ZERO : Duration.between(now, user.lockedUntil());
        if (left.toMillis() < 1) { // no lock, or one ending now: Redis refuses an expiry of 0
            return;
        }
        try {
            store.put(key(user.email()), JSON.writeValueAsString(new Lock(user.id(), user.lockedUntil())), left);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store a login lock", e);
        }
    }

    /** The account's lock ended in MongoDB (or its address was freed): forget it everywhere. */
    void cleared(String email) {
        if (email != null) {
            store.invalidate(key(email));
        }
    }

    /** The key of the lock on this address (without the namespace). */
    public static String key(String normalisedEmail) {
        return "login-lock:" + KeyDigest.sha256Hex(normalisedEmail);
    }

    private static Optional<Lock> parse(String json) {
        try {
            return Optional.of(JSON.readValue(json, Lock.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
