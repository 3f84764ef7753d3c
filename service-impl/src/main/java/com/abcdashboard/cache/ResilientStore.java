package com.abcdashboard.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared store as requests use it: an outage never fails a request. When the store stops
 * answering, this marks itself degraded and stops calling it (no request waits on a dead Redis); reads
 * miss (callers fall through to MongoDB), writes are skipped, rate limits let requests through, and
 * every invalidation that could not be applied is remembered. A background probe pings the store every
 * {@code probeEvery}; once it answers, the remembered invalidations are applied first, and the store is
 * used again only after it has kept answering for two more probe periods. The replay is per instance:
 * without that wait, an instance whose probe came first could read an entry that another instance, not
 * yet probed, had changed in MongoDB while Redis was away (seen once, one read, in the library
 * comparison's outage run). By then every instance's probe has run against the returned store and
 * replayed its own invalidations.
 */
public final class ResilientStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientStore.class);

    static final String TOMBSTONE = "\u0000invalidated";
    static final Duration TOMBSTONE_TTL = Duration.ofSeconds(2);

    private final SharedStore store;
    private final Set<String> pendingDeletes = ConcurrentHashMap.newKeySet();
    private final Set<String> pendingIncrements = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService probe;
    private final long settleNanos;
    private volatile boolean degraded;
    /** {@link System#nanoTime()} of the first probe answered after an outage; -1 outside that wait. */
    private long answeringSince = -1;

    public ResilientStore(SharedStore store, Duration probeEvery) {
        this.store = store;
        this.settleNanos = probeEvery.multipliedBy(2).toNanos();
        this.probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shared-store-probe");
            t.setDaemon(true);
            return t;
        });
        probe.scheduleWithFixedDelay(this::probe, 0, probeEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String kind() {
        return store.kind();
    }

    /** True while the store is unreachable (health says "degraded"). */
    public boolean degraded() {
        return degraded;
    }

    public Optional<String> get(String key) {
        if (degraded) {
            return Optional.empty();
        }
        try {
            return store.get(key).filter(value -> !TOMBSTONE.equals(value));
        } catch (StoreUnavailableException e) {
            failed(e);
            return Optional.empty();
        }
    }

    /** A cache fill: stored only when the key is empty, so it cannot overwrite what a write put there. */
    public void fill(String key, String value, Duration ttl) {
        if (degraded) {
            return;
        }
        try {
            store.putIfAbsent(key, value, ttl);
        } catch (StoreUnavailableException e) {
            failed(e);
        }
    }

    /**
     * Overwrites the entry (a copy of state MongoDB already holds). Skipped while the store is away:
     * readers then go to MongoDB, which has the same state.
     */
    public void put(String key, String value, Duration ttl) {
        if (degraded) {
            return;
        }
        try {
            store.put(key, value, ttl);
        } catch (StoreUnavailableException e) {
            failed(e);
        }
    }

    /**
     * Invalidates the entry now, or as soon as the store is back. The entry is not deleted but replaced
     * by a short-lived tombstone: a reader that loaded the old value from MongoDB just before the write
     * cannot fill it back in (fills only go into empty keys), and until the tombstone expires every
     * reader goes to MongoDB.
     */
    public void invalidate(String key) {
        if (!degraded) {
            try {
                store.put(key, TOMBSTONE, TOMBSTONE_TTL);
                return;
            } catch (StoreUnavailableException e) {
                failed(e);
            }
        }
        pendingDeletes.add(key);
    }

    /** The generation counter's value; empty while the store is away (callers then bypass the cache). */
    public Optional<Long> generation(String key) {
        if (degraded) {
            return Optional.empty();
        }
        try {
            return Optional.of(store.counter(key));
        } catch (StoreUnavailableException e) {
            failed(e);
            return Optional.empty();
        }
    }

    /** Moves a generation on (every entry keyed by the old one is dead), now or when the store is back. */
    public void bump(String key) {
        if (!degraded) {
            try {
                store.increment(key);
                return;
            } catch (StoreUnavailableException e) {
                failed(e);
            }
        }
        pendingIncrements.add(key);
    }

    /** Hits in a rate-limit window; empty while the store is away (the limit is not enforced then). */
    public Optional<SharedStore.Window> hit(String key, Duration window, long count) {
        if (degraded) {
            return Optional.empty();
        }
        try {
            return Optional.of(store.hit(key, window, count));
        } catch (StoreUnavailableException e) {
            failed(e);
            return Optional.empty();
        }
    }

    private void failed(StoreUnavailableException e) {
        if (!degraded) {
            degraded = true;
            LOG.warn(
                    "Shared {} store unavailable ({}); serving from MongoDB until it is back",
                    store.kind(),
                    e.getMessage());
        }
    }

    /**
     * Pings the store; on the way back from an outage applies the remembered invalidations at once and
     * returns to the store once it has answered for the settle period (see the class comment).
     */
    private void probe() {
        try {
            store.ping();
            if (degraded) {
                applyPending();
                long now = System.nanoTime();
                if (answeringSince < 0) {
                    answeringSince = now;
                    LOG.info(
                            "Shared {} store answers again; used again once it has for {} ms",
                            store.kind(),
                            settleNanos / 1_000_000);
                } else if (now - answeringSince >= settleNanos) {
                    answeringSince = -1;
                    degraded = false;
                    LOG.info("Shared {} store is back", store.kind());
                }
            }
            // An invalidation that arrived while the flag was being cleared was queued, not applied:
            // apply it now (an empty set costs nothing).
            applyPending();
        } catch (StoreUnavailableException e) {
            answeringSince = -1;
            failed(e);
        } catch (RuntimeException e) {
            answeringSince = -1;
            LOG.warn("Shared store probe failed: {}", e.toString());
        }
    }

    private void applyPending() {
        for (String key : Set.copyOf(pendingDeletes)) {
            store.delete(key);
            pendingDeletes.remove(key);
        }
        for (String key : Set.copyOf(pendingIncrements)) {
            store.increment(key);
            pendingIncrements.remove(key);
        }
    }

    @Override
    public void close() {
        probe.shutdownNow();
        store.close();
    }
}
