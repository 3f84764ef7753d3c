package com.abcdashboard.bench.libs;

import com.abcdashboard.config.AppConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.redisson.Bucket4jRedisson;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Bucket4j's token bucket in Redis: {@code max} tokens, all refilled at once every window (the nearest
 * to a fixed window it offers). Its Redis backends are compare-and-swap: read the bucket, compute the
 * decision here, write it back only if nobody wrote meanwhile, else start again. A decision reports the
 * tokens left and the time until the bucket is full again.
 */
final class Bucket4jRateLimit implements RateLimitContender {
    private final ProxyManager<String> proxies;
    private final BucketConfiguration configuration;
    private final String prefix;
    private final AutoCloseable connection;
    private final Map<String, BucketProxy> buckets = new ConcurrentHashMap<>();

    private Bucket4jRateLimit(
            ProxyManager<String> proxies, AppConfig.Limit limit, String prefix, AutoCloseable connection) {
        this.proxies = proxies;
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.max())
                        .refillIntervally(limit.max(), limit.window())
                        .build())
                .build();
        this.prefix = prefix;
        this.connection = connection;
    }

    static Bucket4jRateLimit overRedisson(String url, String prefix, AppConfig.Limit limit) {
        RedissonClient client = RedisClients.redisson(url);
        ProxyManager<String> proxies = Bucket4jRedisson.casBasedBuilder(((Redisson) client).getCommandExecutor())
                .expirationAfterWrite(expiry(limit.window()))
                .requestTimeout(Duration.ofSeconds(1))
                .build();
        return new Bucket4jRateLimit(proxies, limit, prefix, client::shutdown);
    }

    static Bucket4jRateLimit overLettuce(String url, String prefix, AppConfig.Limit limit) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(1)); // commands time out as ours do
        RedisClient client = RedisClient.create(uri);
        StatefulRedisConnection<String, byte[]> connection =
                client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        ProxyManager<String> proxies = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(expiry(limit.window()))
                .requestTimeout(Duration.ofSeconds(1))
                .build();
        return new Bucket4jRateLimit(proxies, limit, prefix, () -> {
            connection.close();
            client.shutdown();
        });
    }

    private static ExpirationAfterWriteStrategy expiry(Duration window) {
        return ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(window);
    }

    @Override
    public Verdict hit(String subject) {
        try {
            BucketProxy bucket = buckets.computeIfAbsent(subject, bucketFor());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            return new Verdict(
                    probe.isConsumed(),
                    probe.getRemainingTokens(),
                    Duration.ofNanos(probe.getNanosToWaitForReset()).toMillis(),
                    false);
        } catch (RuntimeException e) {
            return Verdict.open();
        }
    }

    private Function<String, BucketProxy> bucketFor() {
        return subject -> proxies.builder().build(prefix + ":b4j:" + subject, () -> configuration);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
