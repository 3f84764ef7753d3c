package com.abcdashboard.e2e;

import com.abcdashboard.app.Application;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.EnvironmentLoader;
import com.abcdashboard.testsupport.OffsetClock;
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
    public record Target(URI baseUri, Optional<Application> inProcess, OffsetClock clock) {}

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

    /** The repository root (the build passes it; from an IDE the module directory's parent). */
    public static Path repoDir() {
        return Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    }

    /** The spec as committed: what the service must serve and what every answer is checked against. */
    public static Path specFile() {
        return repoDir().resolve("api-spec/src/main/openapi/abc-dashboard-api.yaml");
    }

    /** The version the build gives the service; the health report must name it. */
    public static String serviceVersion() {
        String version = System.getProperty("service.version");
        if (version == null) {
            throw new IllegalStateException("Run the suite with Maven: it passes -Dservice.version");
        }
        return version;
    }

    /** Where this run may write (logs, data): the module's target/, never the developer's ./logs or ./data. */
    private static Path buildDir() {
        return Path.of(System.getProperty("build.dir", "target")).toAbsolutePath();
    }

    /**
     * A second in-process service with settings the suite's own does not have (e.g. {@code
     * REQUIRE_EMAIL_VERIFICATION=false}): its own in-memory database, port and logs. The caller closes it.
     */
    public static Application startAnother(Map<String, String> settings) {
        Map<String, String> overrides = overrides("e2e-another");
        overrides.put("MONGODB_URI", "embedded:memory");
        overrides.putAll(settings);
        return Application.start(
                AppConfig.from(EnvironmentLoader.load(overrides).variables()), new OffsetClock());
    }

    /** Only these overrides and env/test.env: the developer's own environment variables stay out. */
    private static Map<String, String> overrides(String dirPrefix) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("APP_ENV", "test");
        overrides.put("ENV_DIR", repoDir().resolve("env").toString());
        overrides.put("PORT", "0");
        overrides.put("HOST", "127.0.0.1");
        overrides.put("LOG_DIR", buildDir().resolve(dirPrefix + "-logs").toString());
        overrides.put("DATA_DIR", buildDir().resolve(dirPrefix + "-data").toString());
        return overrides;
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
                target = new Target(URI.create(external.replaceAll("/+$", "")), Optional.empty(), new OffsetClock());
                return;
            }
            Map<String, String> overrides = overrides("e2e");
            overrides.put("MONGODB_URI", mongoUri());
            try {
                AppConfig config =
                        AppConfig.from(EnvironmentLoader.load(overrides).variables());
                OffsetClock clock = new OffsetClock();
                app = Application.start(config, clock);
                target = new Target(URI.create("http://127.0.0.1:" + app.port()), Optional.of(app), clock);
                LOG.info("e2e: service started on {}", target.baseUri());
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private String mongoUri() {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                mongo = new MongoDBContainer("mongo:7");
                mongo.start();
                LOG.info("e2e: Docker is available; MongoDB is a mongo:7 container at {}", mongo.getReplicaSetUrl());
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
