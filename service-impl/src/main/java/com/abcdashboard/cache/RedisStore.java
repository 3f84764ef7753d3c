package com.abcdashboard.cache;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;

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
     * Connects lazily: the service starts (and runs degraded) while Redis is away.
     *
     * @param url {@code redis://[user:password@]host:port[/db]} or {@code rediss://…} for TLS
     */
    public static RedisStore connect(URI url, String namespace) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setLazyInitialization(true);
        SingleServerConfig server = config.useSingleServer()
                .setAddress(
                        url.getScheme() + "://" + url.getHost() + ":" + (url.getPort() == -1 ? 6379 : url.getPort()))
                .setConnectTimeout(1000)
                .setTimeout(1000)
                .setRetryAttempts(0)
                .setConnectionMinimumIdleSize(1)
                .setClientName("abc-dashboard-api");
        credentials(url, server);
        String path = url.getPath();
        if (path != null && path.length() > 1) {
            server.setDatabase(Integer.parseInt(path.substring(1)));
        }
        return new RedisStore(Redisson.create(config), namespace);
    }

    private static void credentials(URI url, SingleServerConfig server) {
        String userInfo = url.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return;
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? "" : decode(userInfo.substring(0, colon));
        String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
        if (!user.isEmpty()) {
            server.setUsername(user);
        }
        server.setPassword(password);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
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
        redis.shutdown();
    }

    private static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("Redis: " + e.getClass().getSimpleName(), e);
        }
    }
}
