package com.abcdashboard.cache;

import com.abcdashboard.config.RedisEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.BaseConfig;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;

/**
 * {@link SharedStore} on Redis through Redisson. Every key is prefixed with the namespace and a format
 * version ({@code <namespace>:v1:}), so several deployments can share a Redis and a change of stored
 * format never reads old entries. Commands time out after a second: a slow Redis degrades the service
 * to MongoDB reads instead of slowing every request.
 */
public final class RedisStore implements SharedStore {
    static final String FORMAT = "v1";

    /** INCR the window's counter; the first hit sets its expiry. Returns {hits, remaining ms}. */
    private static final String HIT = "local n = redis.call('INCR', KEYS[1]) "
            + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
            + "local ttl = redis.call('PTTL', KEYS[1]) "
            + "if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end "
            + "return {n, ttl}";

    private final RedissonClient redis;
    private final String prefix;

    private RedisStore(RedissonClient redis, String namespace) {
        this.redis = redis;
        this.prefix = namespace + ":" + FORMAT + ":";
    }

    /**
     * Connects lazily: the service starts (and runs degraded) while Redis is away. One server, Sentinel
     * (the master the sentinels name, followed through failovers) or Cluster (slots discovered from the
     * seed nodes). Reads and writes both go to masters: a replica may lag, and a cache read must see
     * the invalidation another instance has just written.
     */
    public static RedisStore connect(RedisEndpoint endpoint, String namespace) {
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
        return new RedisStore(Redisson.create(config), namespace);
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
        return call(
                () -> Optional.ofNullable(redis.<String>getBucket(prefix + key).get()));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        call(() -> {
            redis.<String>getBucket(prefix + key).set(value, ttl);
            return null;
        });
    }

    @Override
    public void putIfAbsent(String key, String value, Duration ttl) {
        call(() -> redis.<String>getBucket(prefix + key).setIfAbsent(value, ttl));
    }

    @Override
    public void delete(String key) {
        call(() -> redis.getBucket(prefix + key).delete());
    }

    @Override
    public long counter(String key) {
        return call(() -> redis.getAtomicLong(prefix + key).get());
    }

    @Override
    public long increment(String key) {
        return call(() -> redis.getAtomicLong(prefix + key).incrementAndGet());
    }

    @Override
    public Window hit(String key, Duration window) {
        List<Long> result = call(() -> redis.getScript(StringCodec.INSTANCE)
                .eval(
                        RScript.Mode.READ_WRITE,
                        HIT,
                        RScript.ReturnType.LIST,
                        List.of(prefix + key),
                        Long.toString(window.toMillis())));
        return new Window(result.get(0), Duration.ofMillis(Math.max(0, result.get(1))));
    }

    @Override
    public void ping() {
        call(() -> {
            redis.getBucket(prefix + "ping").isExists();
            return null;
        });
    }

    @Override
    public void close() {
        // Requests have stopped by now: no quiet period to wait out (the default holds shutdown 2 s).
        redis.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("Redis: " + e.getClass().getSimpleName(), e);
        }
    }
}
