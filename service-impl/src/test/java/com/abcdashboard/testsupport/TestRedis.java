package com.abcdashboard.testsupport;

import com.abcdashboard.cache.RedisStore;
import com.abcdashboard.cache.ResilientStore;
import com.abcdashboard.config.RedisEndpoint;
import java.time.Duration;
import java.util.UUID;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The machine's redis-server (127.0.0.1:6379, or {@code TEST_REDIS_URL}) under a namespace of this
 * test's own: {@link #close()} deletes the keys of that namespace and nothing else.
 */
public final class TestRedis implements AutoCloseable {
    public static final String URL = System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379");

    public final String namespace = "abc-dashboard-test-" + UUID.randomUUID();
    private final RedissonClient admin;

    public TestRedis() {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(URL.replaceFirst("/\\d+$", ""));
        admin = Redisson.create(config);
    }

    /** A new connection, as another service instance would have. */
    public ResilientStore instance() {
        return new ResilientStore(RedisStore.connect(RedisEndpoint.parse(URL), namespace), Duration.ofSeconds(1));
    }

    /** Milliseconds the key (without namespace) still lives: -2 absent, -1 no expiry. */
    public long ttlMillis(String key) {
        return admin.getBucket(namespace + ":" + RedisStore.FORMAT + ":" + key).remainTimeToLive();
    }

    @Override
    public void close() {
        admin.getKeys().deleteByPattern(namespace + ":*");
        admin.shutdown();
    }
}
