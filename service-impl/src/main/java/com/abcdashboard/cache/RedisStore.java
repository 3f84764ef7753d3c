package com.abcdashboard.cache;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.RedisEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.BaseConfig;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;

/**
 * {@link SharedStore} on Redis through Redisson. Every key is prefixed with the namespace and a format
 * version ({@code <namespace>:v1:}), so several deployments can share a Redis and a change of stored
 * format never reads old entries. Commands time out after a second: a slow Redis degrades the service
 * to MongoDB reads instead of slowing every request. The entries every request reads are also kept in a
 * {@link NearCache}, invalidated through a Redis channel, so a warm instance answers them without a round
 * trip.
 */
public final class RedisStore implements SharedStore {
    /** Part of every key: {@code <namespace>:<FORMAT>:<key>}. */
    public static final String FORMAT = "v1";

    /** INCRBY the window's counter; its first hits set its expiry. Returns {hits, remaining ms}. */
    private static final String HIT = "local n = redis.call('INCRBY', KEYS[1], ARGV[2]) "
            + "if n == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
            + "local ttl = redis.call('PTTL', KEYS[1]) "
            + "if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end "
            + "return {n, ttl}";

    /**
     * Keys read on (nearly) every request, kept in the {@link NearCache}: user records, sessions, and the
     * users-list generation, pages and statistics.
     */
    private static final List<String> NEAR_CACHED = List.of("user:", "session:", "users:");

    private final RedissonClient redis;
    private final String prefix;
    /** Null when disabled ({@code CACHE_LOCAL_MAX_ENTRIES=0}). */
    private final NearCache near;

    private final RTopic invalidations;
    private volatile CompletableFuture<Integer> subscription;

    private RedisStore(RedissonClient redis, String namespace, NearCache near) {
        this.redis = redis;
        this.prefix = namespace + ":" + FORMAT + ":";
        this.near = near;
        this.invalidations = redis.getTopic(prefix + "invalidations", StringCodec.INSTANCE);
        if (near != null) {
            subscribe();
        }
    }

    /** With the default near cache (10,000 copies of at most 1 s), kept coherent by heartbeats every second. */
    public static RedisStore connect(RedisEndpoint endpoint, String namespace) {
        return connect(
                endpoint,
                namespace,
                AppConfig.Cache.DEFAULT_LOCAL_MAX_ENTRIES,
                AppConfig.Cache.DEFAULT_LOCAL_TTL,
                Duration.ofSeconds(1));
    }

    /**
     * Connects lazily: the service starts (and runs degraded) while Redis is away. One server, Sentinel
     * (the master the sentinels name, followed through failovers) or Cluster (slots discovered from the
     * seed nodes). Reads and writes both go to masters: a replica may lag, and a cache read must see
     * the invalidation another instance has just written.
     */
    public static RedisStore connect(
            RedisEndpoint endpoint, String namespace, int localMaxEntries, Duration localTtl, Duration probeEvery) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setLazyInitialization(true);
        config.setNettyThreads(eventLoopThreads(Runtime.getRuntime().availableProcessors()));
        List<String> addresses =
                endpoint.nodes().stream().map(endpoint::address).toList();
        BaseConfig<?> base = switch (endpoint.topology()) {
            case SINGLE ->
                config.useSingleServer()
                        .setAddress(addresses.get(0))
                        .setDatabase(endpoint.database())
                        .setConnectionMinimumIdleSize(1);
            case SENTINEL ->
                config.useSentinelServers()
                        .setMasterName(endpoint.masterName().orElseThrow())
                        .addSentinelAddress(addresses.toArray(String[]::new))
                        .setDatabase(endpoint.database())
                        // One sentinel is the deployment's choice (three are recommended); do not refuse it.
                        .setCheckSentinelsList(false)
                        .setReadMode(ReadMode.MASTER)
                        .setMasterConnectionMinimumIdleSize(1)
                        .setSlaveConnectionMinimumIdleSize(0);
            case CLUSTER ->
                config.useClusterServers()
                        .addNodeAddress(addresses.toArray(String[]::new))
                        .setReadMode(ReadMode.MASTER)
                        .setMasterConnectionMinimumIdleSize(1)
                        .setSlaveConnectionMinimumIdleSize(0);
        };
        base.setConnectTimeout(1000).setTimeout(1000).setRetryAttempts(0).setClientName("abc-dashboard-api");
        endpoint.username().ifPresent(base::setUsername);
        endpoint.password().ifPresent(base::setPassword);
        NearCache near =
                localMaxEntries == 0 ? null : new NearCache(localMaxEntries, localTtl, probeEvery, System::nanoTime);
        return new RedisStore(Redisson.create(config), namespace, near);
    }

    /**
     * Redisson's default is 32 event-loop threads, and the connections a busy instance opens get spread
     * over all of them, so each reply wakes another thread. One per core (at least two) keeps the loops
     * busy enough to batch: {@code bench/run}'s profile phase (three Redis commands per request) used about
     * a third less CPU per request with two threads than with 32 on two cores.
     */
    static int eventLoopThreads(int cores) {
        return Math.max(2, cores);
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(readThrough(
                key, String.class, () -> redis.<String>getBucket(prefix + key).get()));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        call(() -> {
            redis.<String>getBucket(prefix + key).set(value, ttl);
            return null;
        });
        changed(key);
    }

    @Override
    public void putIfAbsent(String key, String value, Duration ttl) {
        // A fill into an empty key: no instance holds a copy of a value to replace, nothing to announce.
        call(() -> redis.<String>getBucket(prefix + key).setIfAbsent(value, ttl));
    }

    @Override
    public void delete(String key) {
        call(() -> redis.getBucket(prefix + key).delete());
        changed(key);
    }

    @Override
    public long counter(String key) {
        return readThrough(
                key, Long.class, () -> redis.getAtomicLong(prefix + key).get());
    }

    @Override
    public long increment(String key) {
        long value = call(() -> redis.getAtomicLong(prefix + key).incrementAndGet());
        changed(key);
        return value;
    }

    /**
     * Reads {@code key} from this instance's copy when there is one, else from Redis, keeping the answer
     * as the copy unless an invalidation of the key arrived meanwhile (tombstones are never kept).
     */
    private <T> T readThrough(String key, Class<T> type, Supplier<T> read) {
        if (near == null || !announced(key)) {
            return call(read);
        }
        Object copy = near.get(key);
        if (type.isInstance(copy)) {
            return type.cast(copy);
        }
        long stamp = near.stamp(key);
        T value = call(read);
        if (!ResilientStore.TOMBSTONE.equals(value)) {
            near.fill(key, value, stamp);
        }
        return value;
    }

    /**
     * Keys whose changes are announced: every instance may keep copies of them, including when this one
     * keeps none ({@code CACHE_LOCAL_MAX_ENTRIES=0} on some instances only).
     */
    private static boolean announced(String key) {
        for (String start : NEAR_CACHED) {
            if (key.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /**
     * After Redis holds a change: this instance's copy goes at once, every other instance's when the
     * message arrives. If the message cannot be sent, the write's caller sees the failure (the shared
     * store goes degraded and retries the invalidation), and the other instances' heartbeats stop too.
     */
    private void changed(String key) {
        if (announced(key)) {
            if (near != null) {
                near.invalidate(key);
            }
            call(() -> invalidations.publish(key));
        }
    }

    private void subscribe() {
        try {
            subscription = invalidations
                    .addListenerAsync(String.class, (channel, message) -> near.received(message))
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            subscription = CompletableFuture.failedFuture(e); // tried again by the next ping
        }
    }

    @Override
    public Window hit(String key, Duration window, long count) {
        List<Long> result = call(() -> redis.getScript(StringCodec.INSTANCE)
                .eval(
                        RScript.Mode.READ_WRITE,
                        HIT,
                        RScript.ReturnType.LIST,
                        List.of(prefix + key),
                        Long.toString(window.toMillis()),
                        Long.toString(count)));
        return new Window(result.get(0), Duration.ofMillis(Math.max(0, result.get(1))));
    }

    /**
     * A round trip to Redis. With the near cache on, it is the heartbeat: a message this instance must
     * receive back on the invalidation channel for its near cache to stay in use; a subscription that
     * failed (Redis away at start-up) is tried again.
     */
    @Override
    public void ping() {
        if (near == null) {
            call(() -> redis.getBucket(prefix + "ping").isExists());
            return;
        }
        CompletableFuture<Integer> current = subscription;
        if (current.isCompletedExceptionally() || current.isCancelled()) {
            subscribe();
        }
        call(() -> invalidations.publish(near.heartbeatMessage()));
    }

    /** The near cache's copies (tests). */
    long nearCacheSize() {
        return near == null ? 0 : near.size();
    }

    @Override
    public void close() {
        // Requests have stopped by now: no quiet period to wait out (the default holds shutdown 2 s).
        redis.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            if (near != null) {
                // Messages may be lost while Redis does not answer: no copy is used until heartbeats return.
                near.clear();
            }
            throw new StoreUnavailableException("Redis: " + e.getClass().getSimpleName(), e);
        }
    }
}
