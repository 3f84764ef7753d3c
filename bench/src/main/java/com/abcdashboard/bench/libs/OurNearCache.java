package com.abcdashboard.bench.libs;

import com.abcdashboard.cache.RedisStore;
import com.abcdashboard.cache.ResilientStore;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.RedisEndpoint;
import java.time.Duration;
import java.util.Optional;

/**
 * The service's cache tier as {@code Application} wires it with the defaults: {@link RedisStore} with its
 * near cache (10,000 copies of at most 1 s, heartbeats every second) behind {@link ResilientStore}; user
 * entries live 5 minutes in Redis, a write leaves a 2-second tombstone.
 */
final class OurNearCache implements NearCacheContender {
    private static final Duration USER_TTL = Duration.ofMinutes(5);

    private final ResilientStore store;

    OurNearCache(String url, String prefix) {
        Duration second = Duration.ofSeconds(1);
        this.store = new ResilientStore(
                RedisStore.connect(
                        RedisEndpoint.parse(url),
                        prefix + ":ours",
                        AppConfig.Cache.DEFAULT_LOCAL_MAX_ENTRIES,
                        AppConfig.Cache.DEFAULT_LOCAL_TTL,
                        second),
                second);
    }

    @Override
    public Optional<String> cached(String key) {
        return store.get("user:" + key);
    }

    @Override
    public void fill(String key, String value) {
        store.fill("user:" + key, value, USER_TTL);
    }

    @Override
    public void invalidate(String key) {
        store.invalidate("user:" + key);
    }

    @Override
    public void close() {
        store.close();
    }
}
