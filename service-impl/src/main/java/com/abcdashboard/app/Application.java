package com.abcdashboard.app;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.http.CorsFilter;
import com.abcdashboard.mail.DevMailServer;
import com.abcdashboard.observability.BuildInfo;
import com.abcdashboard.observability.Lifecycle;
import com.abcdashboard.observability.ServiceMetrics;
import io.helidon.webserver.WebServer;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service, wired by hand in the Helidon SE shape: configuration → {@link Infrastructure} →
 * {@link UseCases} → {@link Routes#routing} → {@link HttpListener}. {@link #start(AppConfig)} returns once
 * the server listens and is ready; {@link #close()} shuts down in order.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final AppConfig config;
    private final BuildInfo build;
    private final Infrastructure infra;
    private final UseCases useCases;
    private final Lifecycle lifecycle;
    private final WebServer server;

    private Application(
            AppConfig config,
            BuildInfo build,
            Infrastructure infra,
            UseCases useCases,
            Lifecycle lifecycle,
            WebServer server) {
        this.config = config;
        this.build = build;
        this.infra = infra;
        this.useCases = useCases;
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
        Infrastructure infra = Infrastructure.open(config, clock, ServiceMetrics.global());
        try {
            UseCases useCases = UseCases.wire(config, infra);
            infra.linkRequests.start(useCases.linkFulfilment()::fulfil);
            CorsFilter cors = Routes.cors(config);
            WebServer server = HttpListener.start(
                    config,
                    Routes.routing(config, useCases, infra, lifecycle, build, cors),
                    StrictJson.objectMapper(),
                    cors);
            lifecycle.running();
            return new Application(config, build, infra, useCases, lifecycle, server);
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    /** Mail capture server of development and tests, when running (tests read the captured mail). */
    public Optional<DevMailServer> devMailServer() {
        return infra.mailTransport.devServer();
    }

    /**
     * Fulfils the due link requests, then delivers due mail, now instead of waiting for the workers'
     * next rounds (tests).
     */
    public int deliverDueMail() {
        infra.linkRequests.drainDue(useCases.linkFulfilment()::fulfil);
        return infra.mailWorker.drainDue();
    }

    /** Link requests (forgot-password, resend-verification) stored and not yet fulfilled (tests). */
    public long pendingLinkRequests() {
        return infra.linkRequests.pending();
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
        // Not ready from here on; a second call (hook after an explicit close) does nothing.
        if (!lifecycle.beginStopping()) {
            return;
        }
        LOG.info("Shutting down");
        server.stop();
        infra.close();
        LOG.info("Stopped");
    }
}
