package com.abcdashboard.bench.libs;

import com.abcdashboard.cache.RedisStore;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** Redisson clients configured as {@link RedisStore} configures its own, so the libraries run on equal terms. */
final class RedisClients {
    private RedisClients() {}

    /** One server, 1 s connect and command timeouts, no retries, one event loop per core (at least two). */
    static RedissonClient redisson(String url) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setNettyThreads(Math.max(2, Runtime.getRuntime().availableProcessors()));
        config.useSingleServer()
                .setAddress(url)
                .setConnectionMinimumIdleSize(1)
                .setConnectTimeout(1000)
                .setTimeout(1000)
                .setRetryAttempts(0)
                .setClientName("abc-dashboard-bench-libs");
        return Redisson.create(config);
    }
}
