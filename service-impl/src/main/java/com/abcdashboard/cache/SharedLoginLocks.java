package com.abcdashboard.cache;

import com.abcdashboard.domain.Sha256;
import com.abcdashboard.domain.auth.LoginLocks;
import com.abcdashboard.domain.auth.LoginLocks.Lock;
import com.abcdashboard.observability.ServiceMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link LoginLocks.Copies} in the shared store: {@code login-lock:<sha256(email)>} holds the user id and
 * the end of the lock, and expires with the lock. The email is hashed so addresses never appear in key
 * names (monitoring, {@code SCAN}, slow logs). What to copy and when to remove it is decided by
 * {@link LoginLocks}; a removal while the store is unreachable happens when it is back.
 */
public final class SharedLoginLocks implements LoginLocks.Copies {
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

    @Override
    public void put(String normalisedEmail, Lock lock, Duration left) {
        try {
            store.put(key(normalisedEmail), JSON.writeValueAsString(lock), left);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store a login lock", e);
        }
    }

    @Override
    public void remove(String normalisedEmail) {
        store.invalidate(key(normalisedEmail));
    }

    /** The key of the lock on this address (without the namespace). */
    public static String key(String normalisedEmail) {
        return "login-lock:" + Sha256.hex(normalisedEmail);
    }

    private static Optional<Lock> parse(String json) {
        try {
            return Optional.of(JSON.readValue(json, Lock.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
