package com.abcdashboard.e2e;

import com.abcdashboard.app.Application;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.EnvironmentLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Starts the real service once per test JVM and shares it between test classes: on a free port, with
 * {@code env/test.env}, against a real {@code mongo:7} container when a Docker engine is available and
 * the embedded MongoDB-compatible server otherwise — the same tests either way. With {@code
 * E2E_BASE_URL} (environment or system property) the suite targets an already running instance instead.
 */
public final class RunningService implements BeforeAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(RunningService.class);

    /** What the tests talk to. */
    public record Target(URI baseUri, Optional<Application> inProcess, TestClock clock) {}

    private static volatile Target target;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningService.class, key -> new Started(), Started.class);
    }

    public static Target target() {
        if (target == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(RunningService.class)");
        }
        return target;
    }

    public static URI baseUri() {
        return target().baseUri();
    }

    public static Path repoDir() {
        return Path.of(System.getProperty("repo.dir", ".."));
    }

    /** Owns what was started; JUnit closes it when the whole run ends. */
    private static final class Started implements ExtensionContext.Store.CloseableResource {
        private MongoDBContainer mongo;
        private Application app;

        Started() {
            String external =
                    Optional.ofNullable(System.getProperty("E2E_BASE_URL")).orElse(System.getenv("E2E_BASE_URL"));
            if (external != null && !external.isBlank()) {
                LOG.info("e2e: targeting the running instance at {}", external);
                target = new Target(URI.create(external.replaceAll("/+$", "")), Optional.empty(), new TestClock());
                return;
            }
            Map<String, String> overrides = new HashMap<>();
            overrides.put("APP_ENV", "test");
            overrides.put("ENV_DIR", repoDir().resolve("env").toString());
            overrides.put("PORT", "0");
            overrides.put("HOST", "127.0.0.1");
            overrides.put("LOG_DIR", "e2e-logs");
            overrides.put("MONGODB_URI", mongoUri());

            AppConfig config = AppConfig.from(EnvironmentLoader.load(overrides).variables());
            TestClock clock = new TestClock();
            app = Application.start(config, clock);
            target = new Target(URI.create("http://127.0.0.1:" + app.port()), Optional.of(app), clock);
            LOG.info("e2e: service started on {}", target.baseUri());
        }

        private String mongoUri() {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                mongo = new MongoDBContainer("mongo:7");
                mongo.start();
                LOG.info("e2e: MongoDB is a mongo:7 container at {}", mongo.getReplicaSetUrl());
                return mongo.getReplicaSetUrl("abc_dashboard_e2e");
            }
            LOG.info("e2e: no Docker engine; MongoDB is the embedded in-memory server");
            return "embedded:memory";
        }

        @Override
        public void close() {
            if (app != null) {
                app.close();
            }
            if (mongo != null) {
                mongo.stop();
            }
        }
    }
}
