package com.abcdashboard.testsupport;

import com.abcdashboard.app.Application;
import com.abcdashboard.config.AppConfig;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two service instances over one MongoDB (the in-memory embedded server on a free port) and one Redis (a
 * redis-server of the test's own, see {@link RedisProcess}), as the deployment guide runs them behind
 * nginx. {@link #close()} stops all four.
 */
public final class TwoInstances implements AutoCloseable {
    private final MongoServer mongo;
    private final RedisProcess redis;
    private final Application a;
    private final Application b;

    private TwoInstances(MongoServer mongo, RedisProcess redis, Application a, Application b) {
        this.mongo = mongo;
        this.redis = redis;
        this.a = a;
        this.b = b;
    }

    /**
     * Starts both with {@code env} (e.g. {@link TestEnvironment#underLoad}) plus the shared MongoDB and
     * Redis, reading time from {@code clock}.
     */
    public static TwoInstances start(Path dir, Map<String, String> env, Clock clock)
            throws IOException, InterruptedException {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        RedisProcess redis = null;
        Application a = null;
        try {
            int mongoPort = FreePort.closed();
            mongo.bind("127.0.0.1", mongoPort);
            redis = new RedisProcess(dir);
            Map<String, String> shared = new HashMap<>(env);
            shared.put("MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort);
            shared.putIfAbsent("MONGODB_DATABASE", "two_instances");
            shared.put("REDIS_URL", redis.url());
            AppConfig config = AppConfig.from(shared);
            a = Application.start(config, clock);
            Application b = Application.start(config, clock);
            return new TwoInstances(mongo, redis, a, b);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (a != null) {
                a.close();
            }
            if (redis != null) {
                redis.close();
            }
            mongo.shutdownNow();
            throw e;
        }
    }

    public ServiceClient a() {
        return new ServiceClient(a);
    }

    public ServiceClient b() {
        return new ServiceClient(b);
    }

    /** Both, A first. */
    public List<ServiceClient> both() {
        return List.of(a(), b());
    }

    /** The shared Redis, to stop, kill, freeze and restart. */
    public RedisProcess redis() {
        return redis;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try (RedisProcess r = redis;
                Application first = a;
                Application second = b) {
            // closed in reverse order: the instances, then Redis; MongoDB last, below
        } finally {
            mongo.shutdownNow();
        }
    }
}
