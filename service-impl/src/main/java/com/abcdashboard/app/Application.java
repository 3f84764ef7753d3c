package com.abcdashboard.app;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.http.ApiDocsService;
import com.abcdashboard.http.ErrorMapper;
import com.abcdashboard.http.ErrorResponses;
import com.abcdashboard.http.HealthHandler;
import com.abcdashboard.http.JsonProvider;
import com.abcdashboard.http.ProtocolErrorHandler;
import com.abcdashboard.http.RequestLoggingFilter;
import com.abcdashboard.http.RouteNotFoundHandler;
import com.abcdashboard.observability.BuildInfo;
import com.abcdashboard.observability.DatabaseCheck;
import com.abcdashboard.observability.HealthReporter;
import com.abcdashboard.observability.HealthReporter.ServiceState;
import com.abcdashboard.observability.Lifecycle;
import com.abcdashboard.observability.Probes;
import com.abcdashboard.persistence.MongoStore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.health.checks.HealthChecks;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service, wired by hand: configuration → infrastructure → services → routing. {@link
 * #start(AppConfig)} returns once the server listens and is ready; {@link #close()} shuts down in order.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final AppConfig config;
    private final BuildInfo build;
    private final MongoStore store;
    private final Lifecycle lifecycle;
    private final WebServer server;

    private Application(AppConfig config, BuildInfo build, MongoStore store, Lifecycle lifecycle, WebServer server) {
        this.config = config;
        this.build = build;
        this.store = store;
        this.lifecycle = lifecycle;
        this.server = server;
    }

    public static Application start(AppConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts with the given clock: every expiry, lockout and timestamp follows it (tests move it). */
    public static Application start(AppConfig config, Clock clock) {
        BuildInfo build = BuildInfo.load();
        Lifecycle lifecycle = new Lifecycle();
        MongoStore store = MongoStore.open(config.mongo());
        try {
            Probes probes = new Probes(List.of(HealthChecks.deadlockCheck(), lifecycle, new DatabaseCheck(store)));
            HealthReporter reporter = new HealthReporter(
                    store,
                    clock,
                    build.version(),
                    // Mail and cache arrive with their own components; until then they report what is true.
                    () -> new ServiceState("disabled", false),
                    () -> new ServiceState("memory", false));

            ObjectMapper json = objectMapper();
            ErrorResponses errors = new ErrorResponses(new ErrorMapper());
            HttpRouting.Builder routing = HttpRouting.builder()
                    .addFilter(new RequestLoggingFilter())
                    .register("/api/v1/health", new HealthHandler(reporter, probes))
                    .register("/api-docs", new ApiDocsService(build.swaggerUiVersion()))
                    .any(new RouteNotFoundHandler(errors))
                    .error(Throwable.class, errors);

            WebServer server = WebServer.builder()
                    .host(config.server().host())
                    .port(config.server().port())
                    .shutdownHook(false)
                    .shutdownGracePeriod(SHUTDOWN_GRACE)
                    .mediaContext(MediaContext.builder()
                            .addMediaSupport(JacksonSupport.create(json))
                            .build())
                    .directHandlers(new ProtocolErrorHandler(json).asDirectHandlers())
                    .routing(routing)
                    .build()
                    .start();
            lifecycle.running();
            return new Application(config, build, store, lifecycle, server);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The JSON mapping of every request and response body: the generated one, without nulls. */
    static ObjectMapper objectMapper() {
        return JsonProvider.objectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public int port() {
        return server.port();
    }

    public BuildInfo build() {
        return build;
    }

    public AppConfig config() {
        return config;
    }

    /** Stops taking traffic (not ready), lets in-flight requests finish, then closes the infrastructure. */
    @Override
    public void close() {
        if (lifecycle.phase() == Lifecycle.Phase.STOPPING) {
            return;
        }
        lifecycle.stopping();
        LOG.info("Shutting down");
        server.stop();
        store.close();
        LOG.info("Stopped");
    }
}
