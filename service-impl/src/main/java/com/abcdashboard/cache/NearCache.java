package com.abcdashboard.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * An in-process copy of the Redis entries every request reads (user records, sessions, the users-list
 * generation and pages), kept coherent by invalidation messages: every instance subscribes to one Redis
 * channel, and every write through {@link RedisStore} publishes the key it changed once Redis holds the
 * change; each instance drops its copy of that key when the message arrives (well under a millisecond on
 * a LAN).
 *
 * <p>Three rules keep a copy from outliving a change:
 *
 * <ul>
 *   <li><b>No stale fill.</b> A copy is taken only if no invalidation arrived between the moment the read
 *       was sent to Redis and the moment its answer is stored ({@link #stamp} / {@link #fill}): a reply
 *       carrying the old value can overtake the message about the new one (they travel on different
 *       connections), and would otherwise be kept.
 *   <li><b>Proven delivery.</b> Copies are used only while this instance keeps receiving its own
 *       heartbeats ({@link #heartbeatMessage()}, which {@link RedisStore#ping()} publishes at every
 *       shared-store probe, once a second): a subscription that died silently stops the near cache within {@code 3} probe periods,
 *       and the first heartbeat after a gap clears every copy before any is used again.
 *   <li><b>Short life.</b> A copy lives {@code ttl} (default 1 s) at most, whatever happens — the bound
 *       on staleness if a message is lost without the heartbeats noticing.
 * </ul>
 *
 * Values are the strings and counters Redis holds; the near cache stores whatever {@link RedisStore}
 * gives it (the same String instance on every hit, which lets callers memoise what they parse from it).
 */
final class NearCache {
    /** Prefix of heartbeat messages; keys never start with it. */
    static final String HEARTBEAT = "\u0000heartbeat:";

    private static final int STRIPES = 1024;

    private final Cache<String, Object> copies;
    /** Invalidations counted per stripe of keys (a fill is refused only by one of its own stripe). */
    private final AtomicLongArray invalidations = new AtomicLongArray(STRIPES);

    private final String heartbeat = HEARTBEAT + UUID.randomUUID();
    private final long staleAfterNanos;
    private final LongSupplier nanoTime;
    /** When this instance last received its own heartbeat; {@code Long.MIN_VALUE}: never, or gap seen. */
    private volatile long lastHeartbeat = Long.MIN_VALUE;

    NearCache(int maxEntries, Duration ttl, Duration probeEvery, LongSupplier nanoTime) {
        this.copies = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .ticker(nanoTime::getAsLong)
                .build();
        this.staleAfterNanos = probeEvery.multipliedBy(3).toNanos();
        this.nanoTime = nanoTime;
    }

    /** The message this instance publishes as its heartbeat. */
    String heartbeatMessage() {
        return heartbeat;
    }

    /** True while invalidations are known to arrive: a heartbeat came back within 3 probe periods. */
    boolean usable() {
        long last = lastHeartbeat;
        return last != Long.MIN_VALUE && nanoTime.getAsLong() - last < staleAfterNanos;
    }

    /** This instance's copy of {@code key}, or null (none, or the near cache is not usable). */
    Object get(String key) {
        return usable() ? copies.getIfPresent(key) : null;
    }

    /** Taken before a read is sent to Redis; {@link #fill} keeps the answer only if it is still current. */
    long stamp(String key) {
        return invalidations.get(stripe(key));
    }

    /** Keeps {@code value} as the copy of {@code key} unless an invalidation arrived since {@code stamp}. */
    void fill(String key, Object value, long stamp) {
        if (value == null || !usable()) {
            return;
        }
        // Atomic with invalidate(), which counts first and then removes the key: either this sees the
        // new count and stores nothing, or the removal comes after and drops what this stored.
        int stripe = stripe(key);
        copies.asMap().compute(key, (k, old) -> invalidations.get(stripe) == stamp ? value : null);
    }

    /** Drops this instance's copy of {@code key} (a write here, or a message from another instance). */
    void invalidate(String key) {
        invalidations.incrementAndGet(stripe(key));
        copies.invalidate(key);
    }

    /** Drops every copy and stops using the near cache until the next heartbeat comes back. */
    void clear() {
        lastHeartbeat = Long.MIN_VALUE;
        dropAll();
    }

    private void dropAll() {
        for (int i = 0; i < STRIPES; i++) {
            invalidations.incrementAndGet(i);
        }
        copies.invalidateAll();
    }

    private static int stripe(String key) {
        return (key.hashCode() & 0x7fffffff) % STRIPES;
    }

    /** A message on the invalidation channel. */
    void received(String message) {
        if (message.startsWith(HEARTBEAT)) {
            if (message.equals(heartbeat)) {
                long now = nanoTime.getAsLong();
                if (!usable()) {
                    // Back after a gap (or the first one): messages may have been lost meanwhile.
                    dropAll();
                }
                lastHeartbeat = now;
            }
            return;
        }
        invalidate(message);
    }

    /** How many copies are held (tests). */
    long size() {
        copies.cleanUp();
        return copies.estimatedSize();
    }
}
