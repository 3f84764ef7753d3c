package com.abcdashboard.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * The key-value operations the service shares between its instances: cache entries, generation
 * counters and rate-limit windows. {@link RedisStore} shares them through Redis; {@link MemoryStore}
 * keeps them in this process (one instance, no {@code REDIS_URL}). Any method may throw
 * {@link StoreUnavailableException}; {@link ResilientStore} turns that into fall-through behaviour.
 */
public interface SharedStore extends AutoCloseable {
    /** "redis" or "memory", as health reports it. */
    String kind();

    Optional<String> get(String key);

    void put(String key, String value, Duration ttl);

    /** Stores the value only if the key holds none (a cache fill must never overwrite a fresher write). */
    void putIfAbsent(String key, String value, Duration ttl);

    void delete(String key);

    /** The counter's value, 0 when it does not exist. */
    long counter(String key);

    /** Adds one to a counter that never expires; returns the new value. */
    long increment(String key);

    /**
     * Counts {@code count} hits in the fixed window {@code key} (created with the given length by its
     * first hit), atomically.
     */
    Window hit(String key, Duration window, long count);

    /** Counts one hit; see {@link #hit(String, Duration, long)}. */
    default Window hit(String key, Duration window) {
        return hit(key, window, 1);
    }

    /** Answers a cheap round trip, or throws. */
    void ping();

    @Override
    void close();

    /** A rate-limit window after a hit: how many hits it holds and how long it still lasts. */
    record Window(long hits, Duration remaining) {}
}
