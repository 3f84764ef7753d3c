package com.abcdashboard.app;

import com.abcdashboard.cache.RateLimiter;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.AppEnvironment;
import com.abcdashboard.http.ApiDocsService;
import com.abcdashboard.http.ApiKeysHandler;
import com.abcdashboard.http.AuditHandler;
import com.abcdashboard.http.AuthCookies;
import com.abcdashboard.http.AuthHandler;
import com.abcdashboard.http.ClientAddress;
import com.abcdashboard.http.CorsFilter;
import com.abcdashboard.http.Envelopes;
import com.abcdashboard.http.ErrorMapper;
import com.abcdashboard.http.ErrorResponses;
import com.abcdashboard.http.HealthHandler;
import com.abcdashboard.http.JsonContentType;
import com.abcdashboard.http.MetricsFilter;
import com.abcdashboard.http.MetricsHandler;
import com.abcdashboard.http.ProfileHandler;
import com.abcdashboard.http.PublicServerUrl;
import com.abcdashboard.http.RateLimitFilter;
import com.abcdashboard.http.RequestAuthenticator;
import com.abcdashboard.http.RequestFraming;
import com.abcdashboard.http.RequestLoggingFilter;
import com.abcdashboard.http.RouteNotFoundHandler;
import com.abcdashboard.http.ScopedAuthenticator;
import com.abcdashboard.http.SecurityHeaders;
import com.abcdashboard.http.SessionsHandler;
import com.abcdashboard.http.SpecRoutes;
import com.abcdashboard.http.TwoFactorHandler;
import com.abcdashboard.http.UsersHandler;
import com.abcdashboard.http.WebhooksHandler;
import com.abcdashboard.mail.MailStatus;
import com.abcdashboard.observability.BuildInfo;
import com.abcdashboard.observability.DatabaseCheck;
import com.abcdashboard.observability.HealthReporter;
import com.abcdashboard.observability.HealthReporter.ServiceState;
import com.abcdashboard.observability.Lifecycle;
import com.abcdashboard.observability.Probes;
import com.abcdashboard.observability.ThrottledCheck;
import com.abcdashboard.persistence.DatabaseUnreachable;
import com.abcdashboard.webhooks.WebhookStatus;
import io.helidon.health.HealthCheckType;
import io.helidon.health.checks.HealthChecks;
import io.helidon.metrics.api.Tag;
import io.helidon.webserver.http.HttpRouting;
import java.time.Duration;
import java.util.List;

/** The HTTP side: the filters in the order a request passes them, the handlers under their paths. */
final class Routes {
    private Routes() {}

    /** Plain http in local development: no HSTS, no Secure cookies, any localhost origin. */
    static boolean development(AppConfig config) {
        return config.environment() == AppEnvironment.DEVELOPMENT;
    }

    static CorsFilter cors(AppConfig config) {
        return new CorsFilter(
                config.server().clientUrl(),
                development(config),
                config.server().corsAllowedHeaders());
    }

    static HttpRouting.Builder routing(
            AppConfig config,
            UseCases useCases,
            Infrastructure infra,
            Lifecycle lifecycle,
            BuildInfo build,
            CorsFilter cors) {
        RequestAuthenticator authenticator =
                new RequestAuthenticator(useCases.sessions(), useCases.twoFactorRequirement());
        ScopedAuthenticator scoped = new ScopedAuthenticator(authenticator, useCases.apiKeys());
        Envelopes envelopes = new Envelopes(infra.clock);
        AuthHandler auth = new AuthHandler(
                useCases.registration(),
                useCases.signIn(),
                useCases.sessions(),
                useCases.passwords(),
                useCases.profiles(),
                authenticator,
                // Secure cookies everywhere but local development over plain http.
                new AuthCookies(!development(config), config.jwt().refreshTokenTtl()),
                envelopes);
        ErrorResponses errors =
                new ErrorResponses(new ErrorMapper(DatabaseUnreachable::isCauseOf), StrictJson.objectMapper());
        SpecRoutes specRoutes = SpecRoutes.packaged();
        return HttpRouting.builder()
                .addFilter(new RequestLoggingFilter())
                .addFilter(new MetricsFilter(specRoutes.templates(), infra.metrics))
                // HSTS outside local development, where the service is plain http.
                .addFilter(new SecurityHeaders(!development(config)))
                .addFilter(cors)
                .addFilter(new RequestFraming(config.server().requestTimeout(), errors))
                .addFilter(new RateLimitFilter(
                        useCases.rateLimiter(),
                        new RateLimiter.Rule("general", config.rateLimits().general()),
                        new RateLimiter.Rule("auth", config.rateLimits().auth()),
                        new RateLimiter.Rule("api-key", config.rateLimits().apiKey()),
                        new ClientAddress(config.rateLimits().trustedProxies())))
                .addFilter(new JsonContentType())
                .register("/api/v1/auth", auth)
                .register("/api/v1/profile", new ProfileHandler(auth))
                // Under /api/v1, the common prefix of /auth/mfa/** and /users/{id}/mfa; no route of its
                // own clashes with the handlers above, whose routes it only follows.
                .register(
                        "/api/v1",
                        new TwoFactorHandler(
                                useCases.totpEnrolment(), useCases.mfaSignIn(), authenticator, auth, envelopes))
                .register("/api/v1/users", new UsersHandler(useCases.administration(), scoped, envelopes))
                // /api/v1/auth/sessions… and /api/v1/users/{id}/sessions: after the handlers above, whose
                // routes do not match these paths.
                .register("/api/v1", new SessionsHandler(useCases.sessionManagement(), authenticator, envelopes))
                .register(
                        "/api/v1/audit-logs", new AuditHandler(useCases.audit(), useCases.policy(), scoped, envelopes))
                .register("/api/v1/api-keys", new ApiKeysHandler(useCases.apiKeys(), authenticator, envelopes))
                .register("/api/v1/webhooks", new WebhooksHandler(useCases.webhooks(), authenticator, envelopes))
                .register("/api/v1/health", health(config, infra, lifecycle, build))
                .register(
                        "/api-docs",
                        new ApiDocsService(
                                build.swaggerUiVersion(),
                                new PublicServerUrl(
                                        config.server().publicUrl(),
                                        new ClientAddress(config.rateLimits().trustedProxies()))))
                .register("/metrics", new MetricsHandler(infra.metrics))
                .any(new RouteNotFoundHandler(errors, specRoutes))
                .error(Throwable.class, errors);
    }

    private static HealthHandler health(AppConfig config, Infrastructure infra, Lifecycle lifecycle, BuildInfo build) {
        Probes probes = new Probes(List.of(
                // At most one safepoint a second, however often liveness is polled.
                new ThrottledCheck(HealthChecks.deadlockCheck(), Duration.ofSeconds(1)),
                lifecycle,
                new DatabaseCheck(infra.store::ping)));
        HealthReporter reporter = new HealthReporter(
                infra.store::ping,
                infra.clock,
                build.version(),
                new MailStatus(infra.mailTransport.mode(), infra.mailWorker, MailStatus.DEFAULT_BACKLOG_THRESHOLD),
                // "redis" or "memory"; degraded while Redis does not answer.
                () -> new ServiceState(infra.shared.kind(), infra.shared.degraded()),
                new WebhookStatus(
                        infra.webhooks.store(),
                        infra.clock,
                        config.webhooks().overdueAfter(),
                        config.webhooks().failedPerHourThreshold()));
        // For alerting (docker/monitoring/rules): what /ready and the health report's cache say.
        infra.metrics.gauge(
                "health.ready",
                "1 while the readiness probe passes (starting, draining or no database: 0)",
                () -> probes.run(HealthCheckType.READINESS).up() ? 1 : 0);
        infra.metrics.gauge(
                "shared.store.degraded",
                "1 while the shared store (Redis) does not answer and the service runs without it",
                () -> infra.shared.degraded() ? 1 : 0,
                Tag.create("kind", infra.shared.kind()));
        return new HealthHandler(reporter, probes);
    }
}
