package com.abcdashboard.app;

import com.abcdashboard.cache.CachingSessionRepository;
import com.abcdashboard.cache.CachingUserRepository;
import com.abcdashboard.cache.MemoryStore;
import com.abcdashboard.cache.RateLimiter;
import com.abcdashboard.cache.RedisStore;
import com.abcdashboard.cache.ResilientStore;
import com.abcdashboard.cache.SharedLoginLocks;
import com.abcdashboard.cache.SharedStore;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.AppEnvironment;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.auth.AccountLinkRequests;
import com.abcdashboard.domain.auth.AuthSettings;
import com.abcdashboard.domain.auth.EmailLinks;
import com.abcdashboard.domain.auth.LoginLocks;
import com.abcdashboard.domain.auth.OpaqueTokens;
import com.abcdashboard.domain.auth.PasswordManagement;
import com.abcdashboard.domain.auth.Registration;
import com.abcdashboard.domain.auth.SessionRepository;
import com.abcdashboard.domain.auth.SessionService;
import com.abcdashboard.domain.auth.SignIn;
import com.abcdashboard.domain.user.AccessPolicy;
import com.abcdashboard.domain.user.PhoneNumbers;
import com.abcdashboard.domain.user.ProfileService;
import com.abcdashboard.domain.user.UserAdministration;
import com.abcdashboard.domain.user.UserRepository;
import com.abcdashboard.http.ApiDocsService;
import com.abcdashboard.http.AuditHandler;
import com.abcdashboard.http.AuthCookies;
import com.abcdashboard.http.AuthHandler;
import com.abcdashboard.http.ClientAddress;
import com.abcdashboard.http.CorsFilter;
import com.abcdashboard.http.ErrorMapper;
import com.abcdashboard.http.ErrorResponses;
import com.abcdashboard.http.HealthHandler;
import com.abcdashboard.http.JsonContentType;
import com.abcdashboard.http.JsonProvider;
import com.abcdashboard.http.MetricsFilter;
import com.abcdashboard.http.MetricsHandler;
import com.abcdashboard.http.ProfileHandler;
import com.abcdashboard.http.ProtocolErrorHandler;
import com.abcdashboard.http.RateLimitFilter;
import com.abcdashboard.http.RequestAuthenticator;
import com.abcdashboard.http.RequestFraming;
import com.abcdashboard.http.RequestLoggingFilter;
import com.abcdashboard.http.RequestText;
import com.abcdashboard.http.RouteNotFoundHandler;
import com.abcdashboard.http.SecurityHeaders;
import com.abcdashboard.http.SpecRoutes;
import com.abcdashboard.http.UsersHandler;
import com.abcdashboard.mail.DevMailServer;
import com.abcdashboard.mail.MailModule;
import com.abcdashboard.mail.MongoLinkRequests;
import com.abcdashboard.observability.BuildInfo;
import com.abcdashboard.observability.DatabaseCheck;
import com.abcdashboard.observability.HealthReporter;
import com.abcdashboard.observability.HealthReporter.ServiceState;
import com.abcdashboard.observability.Lifecycle;
import com.abcdashboard.observability.MeteredAuditLog;
import com.abcdashboard.observability.MeteredPasswordHasher;
import com.abcdashboard.observability.MongoPoolGauges;
import com.abcdashboard.observability.Probes;
import com.abcdashboard.observability.ServiceMetrics;
import com.abcdashboard.observability.ThrottledCheck;
import com.abcdashboard.persistence.DatabaseUnreachable;
import com.abcdashboard.persistence.EmbeddedCapacity;
import com.abcdashboard.persistence.MongoAuditLog;
import com.abcdashboard.persistence.MongoOneTimeTokenRepository;
import com.abcdashboard.persistence.MongoSessionRepository;
import com.abcdashboard.persistence.MongoStore;
import com.abcdashboard.persistence.MongoUserRepository;
import com.abcdashboard.security.BcryptPasswordHasher;
import com.abcdashboard.security.JwtAccessTokens;
import com.abcdashboard.security.OffloadedPasswordHasher;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.mongodb.client.MongoDatabase;
import io.helidon.common.Size;
import io.helidon.health.HealthCheckType;
import io.helidon.health.checks.HealthChecks;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.metrics.api.Tag;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import java.security.SecureRandom;
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
    private static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofSeconds(60);
    /** How often idle connections are looked for (Helidon's default, 2 minutes, would triple the timeout). */
    private static final Duration IDLE_CONNECTION_CHECK = Duration.ofSeconds(10);
    /** How often an unreachable Redis is tried again. */
    private static final Duration SHARED_STORE_PROBE = Duration.ofSeconds(1);
    /** Request line (method, path with query, version): tokens never travel in it, 8 KB is generous. */
    private static final int MAX_REQUEST_LINE = 8 * 1024;
    /** All request headers together: a few cookies and a bearer token fit many times over. */
    private static final int MAX_HEADERS_SIZE = 16 * 1024;
    /** Lifetime of the set-password link of administrator-created accounts. */
    static final Duration SET_PASSWORD_TTL = Duration.ofHours(24);

    private final AppConfig config;
    private final BuildInfo build;
    private final MongoStore store;
    private final MailModule mail;
    private final MongoLinkRequests linkRequests;
    private final AccountLinkRequests fulfilment;
    private final ResilientStore shared;
    private final Lifecycle lifecycle;
    private final OffloadedPasswordHasher passwords;
    private final WebServer server;

    private Application(
            AppConfig config,
            BuildInfo build,
            MongoStore store,
            MailModule mail,
            MongoLinkRequests linkRequests,
            AccountLinkRequests fulfilment,
            ResilientStore shared,
            Lifecycle lifecycle,
            OffloadedPasswordHasher passwords,
            WebServer server) {
        this.config = config;
        this.build = build;
        this.store = store;
        this.mail = mail;
        this.linkRequests = linkRequests;
        this.fulfilment = fulfilment;
        this.shared = shared;
        this.lifecycle = lifecycle;
        this.passwords = passwords;
        this.server = server;
    }

    public static Application start(AppConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts with the given clock: every expiry, lockout and timestamp follows it (tests move it). */
    public static Application start(AppConfig config, Clock clock) {
        BuildInfo build = BuildInfo.load();
        Lifecycle lifecycle = new Lifecycle();
        ServiceMetrics metrics = ServiceMetrics.global();
        MongoStore store = MongoStore.open(config.mongo(), List.of(new MongoPoolGauges(metrics, "main")));
        MailModule mail = null;
        OffloadedPasswordHasher passwords = null;
        MongoLinkRequests linkRequests = null;
        ResilientStore shared = sharedStore(config, clock);
        try {
            MongoDatabase db = store.database();
            MongoUserRepository mongoUsers = new MongoUserRepository(db);
            UserRepository users = new CachingUserRepository(
                    mongoUsers,
                    shared,
                    config.cache().userDataTtl(),
                    config.cache().apiResponseTtl(),
                    metrics);
            SessionRepository sessions = new CachingSessionRepository(
                    new MongoSessionRepository(db), shared, config.cache().userDataTtl(), metrics);
            MongoOneTimeTokenRepository oneTimeTokens = new MongoOneTimeTokenRepository(db);
            // Pending migrations (indexes included) and the first admin, under the migration lock.
            DatabaseSetup.migrate(config, db, clock, System.out);
            if (store.isEmbedded()) {
                EmbeddedCapacity.warnIfOutgrown(db, EmbeddedCapacity.COMFORTABLE_USERS);
            }
            mail = MailModule.start(config, db, clock, store.isEmbedded());

            AuthSettings settings = authSettings(config);
            LoginLocks loginLocks = new LoginLocks(users, new SharedLoginLocks(shared, metrics), settings);
            // bcrypt on its own threads: a sign-in flood must not hold the request threads' carriers.
            passwords = new OffloadedPasswordHasher(
                    new MeteredPasswordHasher(new BcryptPasswordHasher(config.security()), metrics));
            OpaqueTokens opaqueTokens = new OpaqueTokens(new SecureRandom());
            EmailLinks links = new EmailLinks(oneTimeTokens, opaqueTokens, mail.outbox(), settings, clock);
            // Forgot-password and resend-verification store a request and answer; the account-specific
            // work (lookup, token, outbox) runs here in the background, so their time tells nothing.
            linkRequests = new MongoLinkRequests(db, clock);
            linkRequests.createIndexes();
            AccountLinkRequests fulfilment = new AccountLinkRequests(users, links);
            linkRequests.start(fulfilment::fulfil);
            SessionService sessionService = new SessionService(
                    sessions, users, new JwtAccessTokens(config.jwt()), opaqueTokens, settings, clock);
            RequestAuthenticator authenticator = new RequestAuthenticator(sessionService);
            AuditLog audit = new MeteredAuditLog(new MongoAuditLog(db), metrics);
            RateLimiter rateLimiter =
                    new RateLimiter(shared, config.rateLimits().passwordReset(), metrics);
            MailModule mailModule = mail;
            metrics.gauge("mail.queued", "Mail messages due for delivery now", mailModule::backlog);
            AccessPolicy policy = new AccessPolicy();
            PhoneNumbers phones = new PhoneNumbers(config.accounts().defaultPhoneRegion());
            mongoUsers.healAdminRoster(clock.instant());

            AuthHandler auth = new AuthHandler(
                    new Registration(
                            users,
                            passwords,
                            links,
                            linkRequests,
                            sessionService,
                            config.accounts().requireEmailVerification(),
                            clock),
                    new SignIn(users, passwords, sessionService, audit, loginLocks, clock),
                    sessionService,
                    new PasswordManagement(
                            users,
                            passwords,
                            sessionService,
                            links,
                            mail.outbox(),
                            audit,
                            rateLimiter,
                            linkRequests,
                            loginLocks,
                            clock),
                    new ProfileService(users, phones, clock),
                    authenticator,
                    // Secure cookies everywhere but local development over plain http.
                    new AuthCookies(
                            config.environment() != AppEnvironment.DEVELOPMENT,
                            config.jwt().refreshTokenTtl()),
                    clock);
            UsersHandler usersHandler = new UsersHandler(
                    new UserAdministration(users, sessions, passwords, links, audit, policy, phones, loginLocks, clock),
                    authenticator,
                    clock);

            Probes probes = new Probes(List.of(
                    // At most one safepoint a second, however often liveness is polled.
                    new ThrottledCheck(HealthChecks.deadlockCheck(), Duration.ofSeconds(1)),
                    lifecycle,
                    new DatabaseCheck(store)));
            HealthReporter reporter = new HealthReporter(
                    store,
                    clock,
                    build.version(),
                    mail.health(),
                    // "redis" or "memory"; degraded while Redis does not answer.
                    () -> new ServiceState(shared.kind(), shared.degraded()));
            // For alerting (docker/monitoring/rules): what /ready and the health report's cache say.
            metrics.gauge(
                    "health.ready",
                    "1 while the readiness probe passes (starting, draining or no database: 0)",
                    () -> probes.run(HealthCheckType.READINESS).up() ? 1 : 0);
            metrics.gauge(
                    "shared.store.degraded",
                    "1 while the shared store (Redis) does not answer and the service runs without it",
                    () -> shared.degraded() ? 1 : 0,
                    Tag.create("kind", shared.kind()));

            ObjectMapper json = objectMapper();
            boolean development = config.environment() == AppEnvironment.DEVELOPMENT;
            // HSTS outside local development, where the service is plain http.
            boolean strictTransport = !development;
            ErrorResponses errors = new ErrorResponses(new ErrorMapper(DatabaseUnreachable::isCauseOf));
            SpecRoutes specRoutes = SpecRoutes.packaged();
            CorsFilter cors = new CorsFilter(
                    config.server().clientUrl(), development, config.server().corsAllowedHeaders());
            HttpRouting.Builder routing = HttpRouting.builder()
                    .addFilter(new RequestLoggingFilter())
                    .addFilter(new MetricsFilter(specRoutes.templates(), metrics))
                    .addFilter(new SecurityHeaders(strictTransport))
                    .addFilter(cors)
                    .addFilter(new RequestFraming(config.server().requestTimeout(), errors))
                    .addFilter(new RateLimitFilter(
                            rateLimiter,
                            new RateLimiter.Rule("general", config.rateLimits().general()),
                            new RateLimiter.Rule("auth", config.rateLimits().auth()),
                            new ClientAddress(config.rateLimits().trustedProxies())))
                    .addFilter(new JsonContentType())
                    .register("/api/v1/auth", auth)
                    .register("/api/v1/profile", new ProfileHandler(auth))
                    .register("/api/v1/users", usersHandler)
                    .register("/api/v1/audit-logs", new AuditHandler(audit, policy, authenticator, clock))
                    .register("/api/v1/health", new HealthHandler(reporter, probes))
                    .register("/api-docs", new ApiDocsService(build.swaggerUiVersion()))
                    .register("/metrics", new MetricsHandler(metrics))
                    .any(new RouteNotFoundHandler(errors, specRoutes))
                    .error(Throwable.class, errors);

            WebServer server = WebServer.builder()
                    .host(config.server().host())
                    .port(config.server().port())
                    .shutdownHook(false)
                    .shutdownGracePeriod(SHUTDOWN_GRACE)
                    // Bodies over the limit are refused (413 envelope) before they are read.
                    .maxPayloadSize(config.server().maxRequestBodyBytes())
                    // Connections idle this long between requests are closed: abandoned keep-alive
                    // connections do not pin them. Slow headers/bodies are the proxy's (docs/security.md).
                    .idleConnectionTimeout(IDLE_CONNECTION_TIMEOUT)
                    .idleConnectionPeriod(IDLE_CONNECTION_CHECK)
                    // Responses larger than one write (a full user page) leave in several segments; with
                    // Nagle's algorithm the last one waited for the client's delayed ACK, 40 ms each time.
                    .connectionOptions(socket -> socket.tcpNoDelay(true))
                    .addProtocol(Http1Config.builder()
                            .maxPrologueLength(MAX_REQUEST_LINE)
                            .maxHeadersSize(MAX_HEADERS_SIZE)
                            // RequestFraming buffers every body, up to the payload limit.
                            .maxBufferedEntitySize(Size.create(config.server().maxRequestBodyBytes()))
                            .build())
                    .mediaContext(MediaContext.builder()
                            .addMediaSupport(JacksonSupport.create(json))
                            .build())
                    .directHandlers(new ProtocolErrorHandler(json, strictTransport, cors).asDirectHandlers())
                    // Hands Helidon's message to ProtocolErrorHandler (which tells a 431 by it and never
                    // shows it to the client); without this it gets null.
                    .errorHandling(ErrorHandling.builder().includeEntity(true).build())
                    .routing(routing)
                    .build()
                    .start();
            lifecycle.running();
            return new Application(
                    config, build, store, mail, linkRequests, fulfilment, shared, lifecycle, passwords, server);
        } catch (RuntimeException e) {
            if (linkRequests != null) {
                linkRequests.close();
            }
            if (mail != null) {
                mail.close();
            }
            if (passwords != null) {
                passwords.close();
            }
            shared.close();
            store.close();
            throw e;
        }
    }

    /** Redis when {@code REDIS_URL} is set, else in-process (one instance only); health names which. */
    private static ResilientStore sharedStore(AppConfig config, Clock clock) {
        SharedStore store = config.cache()
                .redisUrl()
                .<SharedStore>map(url -> RedisStore.connect(
                        url,
                        config.cache().keyPrefix(),
                        config.cache().localMaxEntries(),
                        config.cache().localTtl(),
                        SHARED_STORE_PROBE))
                .orElseGet(() -> new MemoryStore(clock));
        LOG.info("Cache, rate limits and shared state: {}", store.kind());
        return new ResilientStore(store, SHARED_STORE_PROBE);
    }

    static AuthSettings authSettings(AppConfig config) {
        return new AuthSettings(
                config.jwt().refreshTokenTtl(),
                config.jwt().emailVerificationTtl(),
                config.jwt().passwordResetTtl(),
                SET_PASSWORD_TTL,
                config.security().maxFailedLogins(),
                config.security().lockoutDuration(),
                config.server().clientUrl(),
                config.jwt().refreshReuseGrace());
    }

    /** Mail capture server of development and tests, when running (tests read the captured mail). */
    public java.util.Optional<DevMailServer> devMailServer() {
        return mail.devServer();
    }

    /**
     * Fulfils the due link requests, then delivers due mail, now instead of waiting for the workers'
     * next rounds (tests).
     */
    public int deliverDueMail() {
        linkRequests.drainDue(fulfilment::fulfil);
        return mail.deliverDueNow();
    }

    /** Link requests (forgot-password, resend-verification) stored and not yet fulfilled (tests). */
    public long pendingLinkRequests() {
        return linkRequests.pending();
    }

    /** The JSON mapping of every request and response body: the generated one, without nulls. */
    static ObjectMapper objectMapper() {
        ObjectMapper mapper = JsonProvider.objectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                // Clients may send fields the spec does not know (a form's confirmPassword): ignored,
                // never stored, as the previous backend did. Type errors in known fields still fail.
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                // "{...} xyz" and two documents in one body are refused, not read as the first.
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                // Text fields: strings only, without control, bidi or unpaired surrogate characters.
                .registerModule(RequestText.module());
        // JSON types are strict: "false" is no boolean, "5" no number, 1 no text (RequestText).
        fail(
                mapper,
                LogicalType.Boolean,
                CoercionInputShape.String,
                CoercionInputShape.EmptyString,
                CoercionInputShape.Integer,
                CoercionInputShape.Float);
        fail(
                mapper,
                LogicalType.Integer,
                CoercionInputShape.String,
                CoercionInputShape.EmptyString,
                CoercionInputShape.Float);
        fail(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString);
        return mapper;
    }

    private static void fail(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
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
        passwords.close();
        linkRequests.close();
        mail.close();
        shared.close();
        store.close();
        LOG.info("Stopped");
    }
}
