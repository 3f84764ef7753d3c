package com.abcdashboard.bench.libs;

import java.util.Optional;

/**
 * One service instance's cache of records whose truth is elsewhere (MongoDB in the service), used as
 * {@code CachingUserRepository} uses it: read the cache, on a miss load the truth and fill, after every
 * write to the truth invalidate. A Redis failure is a miss (the truth answers), never an error.
 */
interface NearCacheContender extends AutoCloseable {
    /** The cached value, empty on a miss or while Redis fails. */
    Optional<String> cached(String key);

    /** Stores what was just loaded from the truth, unless a newer write got there first. */
    void fill(String key, String value);

    /** Called after the truth changed. */
    void invalidate(String key);

    @Override
    void close();

    /** The caches compared, each opened as one instance against a Redis URL under a key prefix. */
    enum Kind {
        OURS("ours: RedisStore + NearCache + ResilientStore"),
        REDISSON("Redisson RLocalCachedMap (invalidate, clear on reconnect)");

        final String title;

        Kind(String title) {
            this.title = title;
        }

        NearCacheContender open(String url, String prefix) {
            return switch (this) {
                case OURS -> new OurNearCache(url, prefix);
                case REDISSON -> new RedissonLocalCache(url, prefix);
            };
        }
    }
}
