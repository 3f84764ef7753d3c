package com.abcdashboard.bench.libs;

import com.abcdashboard.config.AppConfig;
import java.util.Optional;
import org.redisson.api.RLocalCachedMap;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.LocalCachedMapOptions;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Redisson's {@link RLocalCachedMap} with the settings closest to ours: 10,000 local copies of at most
 * 1 s, invalidation messages on every change, the local copies dropped on reconnection. The entries are
 * fields of one Redis hash: no TTL per entry in Redisson's open-source edition (that is the PRO
 * {@code RLocalCachedMapCache}), so a fill is {@code HSETNX} and an invalidation {@code HDEL}.
 */
final class RedissonLocalCache implements NearCacheContender {
    private final RedissonClient client;
    private final RLocalCachedMap<String, String> map;

    RedissonLocalCache(String url, String prefix) {
        this.client = RedisClients.redisson(url);
        this.map = client.getLocalCachedMap(LocalCachedMapOptions.<String, String>name(prefix + ":rlcm:users")
                .codec(StringCodec.INSTANCE)
                .cacheSize(AppConfig.Cache.DEFAULT_LOCAL_MAX_ENTRIES)
                .timeToLive(AppConfig.Cache.DEFAULT_LOCAL_TTL)
                .syncStrategy(LocalCachedMapOptions.SyncStrategy.INVALIDATE)
                .reconnectionStrategy(LocalCachedMapOptions.ReconnectionStrategy.CLEAR));
    }

    @Override
    public Optional<String> cached(String key) {
        try {
            return Optional.ofNullable(map.get(key));
        } catch (RedisException e) {
            return Optional.empty();
        }
    }

    @Override
    public void fill(String key, String value) {
        try {
            map.fastPutIfAbsent(key, value);
        } catch (RedisException e) {
            // a fill that did not happen is a later miss
        }
    }

    @Override
    public void invalidate(String key) {
        try {
            map.fastRemove(key);
        } catch (RedisException e) {
            // nothing remembers it: the map offers no way to apply it once Redis is back
        }
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
