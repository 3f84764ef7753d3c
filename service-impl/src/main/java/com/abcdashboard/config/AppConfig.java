package com.abcdashboard.config;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.FieldErrors;
import com.abcdashboard.domain.auth.PasswordPolicy;
import com.abcdashboard.domain.user.AccountFields;
import com.abcdashboard.domain.user.PhoneNumbers;
import com.abcdashboard.domain.user.Role;
import com.mongodb.ConnectionString;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All configuration of the service, read once at start-up from the environment (and the env file) and
 * validated as a whole: {@link #from(Map)} either returns a complete, valid configuration or throws a
 * {@link ConfigException} listing every problem. Nothing else in the service reads environment variables.
 */
public record AppConfig(
        AppEnvironment environment,
        Server server,
        Mongo mongo,
        Jwt jwt,
        Email email,
        Security security,
        Cache cache,
        Logging logging,
        InitialAdmin initialAdmin,
        RateLimits rateLimits,
        Accounts accounts,
        Webhooks webhooks,
        Mfa mfa) {

    /** Secrets used by development and test env files; refused in staging and production. */
    static final Set<String> KNOWN_DEV_SECRETS =
            Set.of("dev-only-jwt-secret-change-me-0123456789abcdef", "test-only-jwt-secret-0123456789abcdef0123");

    static final int MIN_SECRET_LENGTH = 32;

    /**
     * The {@code MFA_ENCRYPTION_KEY} of env/development.env, also what development and test use when it
     * is unset; refused in staging and production, as is the test file's.
     */
    static final String DEVELOPMENT_MFA_KEY = "dev-only-mfa-encryption-key-change-me-0123456789";

    static final Set<String> KNOWN_DEV_MFA_KEYS =
            Set.of(DEVELOPMENT_MFA_KEY, "test-only-mfa-encryption-key-0123456789abcdef");

    /**
     * @param maxRequestBodyBytes larger bodies are refused with 413 before they are read
     * @param corsAllowedHeaders the request headers a cross-origin page may send (the preflight's answer)
     * @param requestTimeout how long a request body may take to arrive in full; then 400 and the
     *     connection is closed
     * @param publicUrl where clients reach the API (scheme, host, optional path), the served spec's
     *     server; empty = the address each docs request came to
     */
    public record Server(
            String host,
            int port,
            URI clientUrl,
            long maxRequestBodyBytes,
            List<String> corsAllowedHeaders,
            Duration requestTimeout,
            Optional<URI> publicUrl) {
        public static final long DEFAULT_MAX_REQUEST_BODY = 100 * 1024;
        public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

        /**
         * What the dashboard's HTTP client sends on every call (its bearer token, JSON bodies and its own
         * tracing headers {@code x-trace-id}, {@code x-span-id}, {@code x-parent-span-id},
         * {@code x-sampled}), our correlation headers, and W3C Trace Context.
         */
        public static final List<String> DEFAULT_CORS_ALLOWED_HEADERS = List.of(
                "Authorization",
                "Content-Type",
                "X-Correlation-ID",
                "X-Request-ID",
                "X-Trace-ID",
                "X-Span-ID",
                "X-Parent-Span-ID",
                "X-Sampled",
                "traceparent",
                "tracestate");

        public Server {
            corsAllowedHeaders = List.copyOf(corsAllowedHeaders);
        }
    }

    /**
     * @param connectionString the MongoDB URI, empty when the embedded server is used
     * @param embedded how the in-process server stores data when no URI is given
     */
    public record Mongo(
            Optional<String> connectionString, EmbeddedStorage embedded, Path embeddedDataDir, String database) {
        public boolean isEmbedded() {
            return connectionString.isEmpty();
        }

        /** The URI may carry a user and password; show where it points, never who logs in. */
        @Override
        public String toString() {
            String target = connectionString
                    .map(uri -> uri.replaceFirst("^([a-zA-Z0-9+.-]+://)[^/?]*@", "$1***@"))
                    .orElse("embedded " + embedded + " in " + embeddedDataDir);
            return "Mongo[" + target + ", database=" + database + "]";
        }
    }

    public enum EmbeddedStorage {
        /** H2 file under the data directory: survives restarts (the development default). */
        FILE,
        /** Heap only: every start is empty (tests). */
        MEMORY
    }

    /**
     * @param refreshReuseGrace how long after a refresh token's rotation presenting it again returns the
     *     successor already issued instead of counting as reuse (two tabs refreshing at once)
     */
    public record Jwt(
            String secret,
            String issuer,
            String audience,
            Duration accessTokenTtl,
            Duration refreshTokenTtl,
            Duration emailVerificationTtl,
            Duration passwordResetTtl,
            Duration refreshReuseGrace) {
        @Override
        public String toString() {
            return "Jwt[secret=***, issuer=" + issuer + ", audience=" + audience + "]";
        }
    }

    public record Email(
            Optional<String> host,
            int port,
            boolean secure,
            Optional<String> user,
            Optional<String> password,
            String fromAddress,
            String fromName) {
        /** Without EMAIL_HOST the service captures mail in-process (development and tests only). */
        public boolean capturesInProcess() {
            return host.isEmpty();
        }

        @Override
        public String toString() {
            return "Email[host=" + host + ", port=" + port + ", secure=" + secure + ", user=" + user + ", password="
                    + password.map(p -> "***").orElse("none") + ", from=" + fromAddress + "]";
        }
    }

    /**
     * @param maxFailedLogins consecutive failed sign-ins that lock an account
     * @param lockoutDuration how long a locked account stays locked
     */
    public record Security(int bcryptRounds, int maxFailedLogins, Duration lockoutDuration) {}

    /**
     * @param redisUrl the parsed {@code REDIS_URL} (one server, Sentinel or Cluster); empty = in-process
     * @param keyPrefix first part of every Redis key, so deployments can share a Redis
     * @param localMaxEntries copies of hot Redis entries each instance keeps (0 = no near cache)
     * @param localTtl the longest any such copy lives
     */
    public record Cache(
            Optional<RedisEndpoint> redisUrl,
            Duration userDataTtl,
            Duration apiResponseTtl,
            String keyPrefix,
            int localMaxEntries,
            Duration localTtl) {
        public static final int DEFAULT_LOCAL_MAX_ENTRIES = 10_000;
        public static final Duration DEFAULT_LOCAL_TTL = Duration.ofSeconds(1);

        @Override
        public String toString() {
            // RedisEndpoint masks the password.
            return "Cache[redis=" + redisUrl + ", userDataTtl=" + userDataTtl + ", apiResponseTtl=" + apiResponseTtl
                    + ", keyPrefix=" + keyPrefix + ", localMaxEntries=" + localMaxEntries + ", localTtl=" + localTtl
                    + "]";
        }
    }

    /** At most {@code max} requests per {@code window}. */
    public record Limit(int max, Duration window) {}

    /**
     * @param general every API request, per client IP
     * @param auth sign-in, registration and password/verification endpoints, per client IP
     * @param passwordReset reset emails, per email address
     * @param apiKey every request made with an API key, per key (besides the general limit of its IP)
     * @param trustedProxies peers (IPs or CIDR ranges) whose X-Forwarded-For is believed
     */
    public record RateLimits(
            Limit general, Limit auth, Limit passwordReset, Limit apiKey, List<String> trustedProxies) {}

    public enum LogLevel {
        ERROR,
        WARN,
        INFO,
        DEBUG,
        TRACE
    }

    /** @param console readable lines on the console besides the JSON files ({@code LOG_CONSOLE}) */
    public record Logging(LogLevel level, Path directory, boolean console) {}

    /**
     * The first administrator, created by the migrations when no admin exists and an email is set.
     *
     * @param password empty: the account is created without one and a one-time set-password link is printed
     */
    public record InitialAdmin(Optional<String> email, Optional<String> password, String username) {
        public static final String DEFAULT_USERNAME = "admin";

        @Override
        public String toString() {
            return "InitialAdmin[email=" + email.orElse("none") + ", password="
                    + password.map(p -> "***").orElse("none") + "]";
        }
    }

    /**
     * @param requireEmailVerification false: registration signs the new user in at once
     * @param defaultPhoneRegion the region national phone numbers are read in (ISO 3166-1 alpha-2)
     * @param notifyNewDevice true: a sign-in from a device none of the user's earlier sessions came from
     *     mails the user
     */
    public record Accounts(boolean requireEmailVerification, String defaultPhoneRegion, boolean notifyNewDevice) {}

    /**
     * Webhook deliveries.
     *
     * @param allowHttp plain {@code http} targets (development and test only; elsewhere {@code https})
     * @param allowPrivateTargets targets on private, loopback, link-local addresses ({@code
     *     WEBHOOK_ALLOW_PRIVATE_TARGETS}: development and test env files)
     * @param retrySchedule the waits after the 1st, 2nd, ... failed attempt; then the delivery fails
     * @param disableAfterFailures failed deliveries in a row that disable an endpoint
     * @param pollInterval how often each instance looks for due deliveries besides being woken
     * @param relaySweepInterval how often each instance looks for events left in accounts (a crash)
     * @param overdueAfter a delivery due longer than this makes the health report degraded
     * @param failedPerHourThreshold more deliveries given up in the last hour make it degraded
     */
    public record Webhooks(
            boolean allowHttp,
            boolean allowPrivateTargets,
            Duration connectTimeout,
            Duration requestTimeout,
            List<Duration> retrySchedule,
            int disableAfterFailures,
            Duration pollInterval,
            Duration relaySweepInterval,
            Duration overdueAfter,
            int failedPerHourThreshold) {
        public static final List<Duration> DEFAULT_RETRY_SCHEDULE = List.of(
                Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                Duration.ofMinutes(30),
                Duration.ofHours(2),
                Duration.ofHours(5),
                Duration.ofHours(10),
                Duration.ofHours(14));
    }

    /**
     * Two-factor sign-in.
     *
     * @param encryptionKey the text ({@code MFA_ENCRYPTION_KEY}, at least 32 characters) the key that
     *     encrypts stored TOTP secrets is derived from
     * @param requiredRoles roles that must enrol before their tokens reach anything but the enrolment
     * @param issuer the name authenticator apps show next to the account
     */
    public record Mfa(String encryptionKey, Set<Role> requiredRoles, String issuer) {
        @Override
        public String toString() {
            return "Mfa[encryptionKey=***, requiredRoles=" + requiredRoles + ", issuer=" + issuer + "]";
        }
    }

    /** Reads and validates everything; throws {@link ConfigException} naming every invalid variable. */
    public static AppConfig from(Map<String, String> source) {
        ConfigReader in = new ConfigReader(source);

        AppEnvironment env = in.optional("APP_ENV")
                .map(raw -> AppEnvironment.parse(raw).orElseGet(() -> {
                    in.problem("APP_ENV", "must be one of [development, test, staging, production]");
                    return AppEnvironment.DEVELOPMENT;
                }))
                .orElse(AppEnvironment.DEVELOPMENT);

        Server server = new Server(
                in.string("HOST", "0.0.0.0"),
                in.integer("PORT", 5000, 0, 65535),
                in.uri("CLIENT_URL", Set.of("http", "https")).orElse(URI.create("http://localhost:3000")),
                in.integer("MAX_REQUEST_BODY_BYTES", (int) Server.DEFAULT_MAX_REQUEST_BODY, 1024, 10 * 1024 * 1024),
                corsAllowedHeaders(in),
                in.duration("REQUEST_TIMEOUT", Server.DEFAULT_REQUEST_TIMEOUT),
                in.uri("PUBLIC_URL", Set.of("http", "https")));

        Mongo mongo = readMongo(in, env);
        Jwt jwt = readJwt(in, env);
        Email email = readEmail(in, env);
        Security security = new Security(
                in.integer("BCRYPT_ROUNDS", 12, 4, 31),
                in.integer("LOGIN_MAX_ATTEMPTS", 5, 1, 100),
                in.duration("LOGIN_LOCKOUT_DURATION", Duration.ofMinutes(15)));
        if (env.isDeployed() && security.bcryptRounds() < 10) {
            in.problem("BCRYPT_ROUNDS", "must be at least 10 in " + env.id());
        }
        Cache cache = new Cache(
                redisUrl(in),
                in.duration("CACHE_USER_DATA_TTL", Duration.ofMinutes(5)),
                in.duration("CACHE_API_RESPONSE_TTL", Duration.ofMinutes(1)),
                keyPrefix(in),
                in.integer("CACHE_LOCAL_MAX_ENTRIES", Cache.DEFAULT_LOCAL_MAX_ENTRIES, 0, 1_000_000),
                in.duration("CACHE_LOCAL_TTL", Cache.DEFAULT_LOCAL_TTL));
        if (cache.localTtl().compareTo(Duration.ofMinutes(1)) > 0) {
            in.problem("CACHE_LOCAL_TTL", "must be at most 1m (it bounds how stale a copy can get)");
        }
        RateLimits rateLimits = new RateLimits(
                new Limit(
                        in.integer("RATE_LIMIT_MAX", 100, 1, 1_000_000),
                        in.duration("RATE_LIMIT_WINDOW", Duration.ofMinutes(15))),
                new Limit(
                        in.integer("AUTH_RATE_LIMIT_MAX", 5, 1, 1_000_000),
                        in.duration("AUTH_RATE_LIMIT_WINDOW", Duration.ofMinutes(1))),
                new Limit(
                        in.integer("PASSWORD_RESET_RATE_LIMIT_MAX", 3, 1, 1_000_000),
                        in.duration("PASSWORD_RESET_RATE_LIMIT_WINDOW", Duration.ofHours(1))),
                new Limit(
                        in.integer("API_KEY_RATE_LIMIT_MAX", 1000, 1, 1_000_000),
                        in.duration("API_KEY_RATE_LIMIT_WINDOW", Duration.ofMinutes(15))),
                trustedProxies(in));
        Logging logging = new Logging(
                in.oneOf("LOG_LEVEL", LogLevel.class, LogLevel.INFO),
                Path.of(in.string("LOG_DIR", "logs")),
                // Production logs JSON to files only; elsewhere a developer reads the console.
                in.bool("LOG_CONSOLE", env != AppEnvironment.PRODUCTION));
        InitialAdmin initialAdmin = readInitialAdmin(in);
        String phoneRegion = in.string("DEFAULT_PHONE_REGION", "US");
        if (!PhoneNumbers.isKnownRegion(phoneRegion)) {
            in.problem("DEFAULT_PHONE_REGION", "must be a region code libphonenumber knows, e.g. US, GB, VN");
        }
        Accounts accounts = new Accounts(
                in.bool("REQUIRE_EMAIL_VERIFICATION", true), phoneRegion, in.bool("NOTIFY_NEW_DEVICE", false));
        Webhooks webhooks = readWebhooks(in, env);
        Mfa mfa = readMfa(in, env);

        if (!in.problems().isEmpty()) {
            throw new ConfigException(in.problems());
        }
        return new AppConfig(
                env,
                server,
                mongo,
                jwt,
                email,
                security,
                cache,
                logging,
                initialAdmin,
                rateLimits,
                accounts,
                webhooks,
                mfa);
    }

    private static Webhooks readWebhooks(ConfigReader in, AppEnvironment env) {
        Webhooks webhooks = new Webhooks(
                !env.isDeployed(),
                in.bool("WEBHOOK_ALLOW_PRIVATE_TARGETS", false),
                in.duration("WEBHOOK_CONNECT_TIMEOUT", Duration.ofSeconds(5)),
                in.duration("WEBHOOK_REQUEST_TIMEOUT", Duration.ofSeconds(10)),
                in.durations("WEBHOOK_RETRY_SCHEDULE", Webhooks.DEFAULT_RETRY_SCHEDULE),
                in.integer("WEBHOOK_DISABLE_AFTER_FAILURES", 5, 1, 1000),
                in.duration("WEBHOOK_POLL_INTERVAL", Duration.ofSeconds(1)),
                in.duration("WEBHOOK_RELAY_SWEEP_INTERVAL", Duration.ofSeconds(30)),
                in.duration("WEBHOOK_OVERDUE_AFTER", Duration.ofMinutes(5)),
                in.integer("WEBHOOK_FAILED_PER_HOUR_THRESHOLD", 10, 1, 1_000_000));
        if (env.isDeployed() && webhooks.allowPrivateTargets()) {
            // Delivering to internal addresses is what an SSRF attack through a registered URL needs.
            in.problem("WEBHOOK_ALLOW_PRIVATE_TARGETS", "must not be true in staging and production");
        }
        if (webhooks.connectTimeout().compareTo(Duration.ofMinutes(1)) > 0) {
            in.problem("WEBHOOK_CONNECT_TIMEOUT", "must be at most 1m");
        }
        if (webhooks.requestTimeout().compareTo(Duration.ofMinutes(5)) > 0) {
            in.problem("WEBHOOK_REQUEST_TIMEOUT", "must be at most 5m");
        }
        if (webhooks.retrySchedule().size() > 20) {
            in.problem("WEBHOOK_RETRY_SCHEDULE", "must list at most 20 waits");
        }
        return webhooks;
    }

    private static Mfa readMfa(ConfigReader in, AppEnvironment env) {
        Optional<String> key = in.optional("MFA_ENCRYPTION_KEY");
        if (key.isEmpty() && env.isDeployed()) {
            in.problem("MFA_ENCRYPTION_KEY", "is required in " + env.id());
        } else if (key.isPresent() && key.get().length() < MIN_SECRET_LENGTH) {
            in.problem("MFA_ENCRYPTION_KEY", "must be at least " + MIN_SECRET_LENGTH + " characters");
        } else if (key.isPresent() && env.isDeployed() && KNOWN_DEV_MFA_KEYS.contains(key.get())) {
            in.problem("MFA_ENCRYPTION_KEY", "is a development key from the repository; set a real one in " + env.id());
        }
        Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        List<String> names = in.optional("MFA_REQUIRED_ROLES").stream()
                .flatMap(raw -> java.util.Arrays.stream(raw.split(",")))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .toList();
        for (String name : names) {
            Role.parse(name)
                    .ifPresentOrElse(
                            roles::add,
                            () -> in.problem("MFA_REQUIRED_ROLES", "must name roles among admin, manager, staff"));
        }
        return new Mfa(key.orElse(DEVELOPMENT_MFA_KEY), Set.copyOf(roles), in.string("MFA_ISSUER", "ABC Dashboard"));
    }

    private static String keyPrefix(ConfigReader in) {
        String prefix = in.string("CACHE_KEY_PREFIX", "abc-dashboard");
        if (!prefix.matches("[A-Za-z0-9._-]{1,64}")) {
            in.problem("CACHE_KEY_PREFIX", "must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return prefix;
    }

    private static Optional<RedisEndpoint> redisUrl(ConfigReader in) {
        try {
            return in.optional("REDIS_URL").map(RedisEndpoint::parse);
        } catch (IllegalArgumentException e) {
            in.problem("REDIS_URL", e.getMessage());
            return Optional.empty();
        }
    }

    /** An HTTP field name (RFC 9110 token): what a browser compares, case-insensitively, in a preflight. */
    private static final java.util.regex.Pattern HEADER_NAME =
            java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private static List<String> corsAllowedHeaders(ConfigReader in) {
        Optional<String> raw = in.optional("CORS_ALLOWED_HEADERS");
        if (raw.isEmpty()) {
            return Server.DEFAULT_CORS_ALLOWED_HEADERS;
        }
        List<String> names = java.util.Arrays.stream(raw.get().split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
        if (names.isEmpty()
                || !names.stream().allMatch(name -> HEADER_NAME.matcher(name).matches())) {
            in.problem("CORS_ALLOWED_HEADERS", "must be a comma-separated list of HTTP header names");
            return Server.DEFAULT_CORS_ALLOWED_HEADERS;
        }
        return names;
    }

    /** A longer grace would leave a stolen refresh token usable for that long after its rotation. */
    private static final Duration MAX_REFRESH_REUSE_GRACE = Duration.ofMinutes(1);

    private static final java.util.regex.Pattern PROXY =
            java.util.regex.Pattern.compile("^[0-9A-Fa-f:.]+(/\\d{1,3})?$");

    private static List<String> trustedProxies(ConfigReader in) {
        List<String> proxies = in.optional("TRUSTED_PROXIES").stream()
                .flatMap(raw -> java.util.Arrays.stream(raw.split(",")))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .toList();
        for (String proxy : proxies) {
            if (!PROXY.matcher(proxy).matches()) {
                in.problem("TRUSTED_PROXIES", "must be a comma-separated list of IP addresses or CIDR ranges");
                return List.of();
            }
        }
        return proxies;
    }

    private static Mongo readMongo(ConfigReader in, AppEnvironment env) {
        Optional<String> raw = in.optional("MONGODB_URI");
        String database = in.string("MONGODB_DATABASE", "abc_dashboard");
        Path dataDir = Path.of(in.string("DATA_DIR", "data"));
        if (raw.isEmpty() || raw.get().equals("embedded") || raw.get().equals("embedded:memory")) {
            if (env.isDeployed()) {
                in.problem(
                        "MONGODB_URI", "must point at a real MongoDB in " + env.id() + " (embedded is for dev/test)");
            }
            EmbeddedStorage storage =
                    raw.filter("embedded:memory"::equals).isPresent() ? EmbeddedStorage.MEMORY : EmbeddedStorage.FILE;
            return new Mongo(Optional.empty(), storage, dataDir, database);
        }
        try {
            ConnectionString parsed = new ConnectionString(raw.get());
            String db = in.optional("MONGODB_DATABASE")
                    .or(() -> Optional.ofNullable(parsed.getDatabase()))
                    .orElse(database);
            return new Mongo(raw, EmbeddedStorage.FILE, dataDir, db);
        } catch (IllegalArgumentException e) {
            in.problem("MONGODB_URI", "is not a valid MongoDB connection string (mongodb:// or mongodb+srv://)");
            return new Mongo(Optional.empty(), EmbeddedStorage.MEMORY, dataDir, database);
        }
    }

    private static Jwt readJwt(ConfigReader in, AppEnvironment env) {
        Optional<String> secret = in.optional("JWT_SECRET");
        if (secret.isEmpty()) {
            in.problem("JWT_SECRET", "is required");
        } else if (secret.get().length() < MIN_SECRET_LENGTH) {
            // HS256 needs a key of at least 256 bits, in every environment.
            in.problem("JWT_SECRET", "must be at least " + MIN_SECRET_LENGTH + " characters in " + env.id());
        } else if (env.isDeployed() && KNOWN_DEV_SECRETS.contains(secret.get())) {
            in.problem("JWT_SECRET", "is a development secret from the repository; set a real one in " + env.id());
        }
        return new Jwt(
                secret.orElse(""),
                in.string("JWT_ISSUER", "abc-dashboard-api"),
                in.string("JWT_AUDIENCE", "abc-dashboard"),
                in.duration(
                        "JWT_EXPIRES_IN",
                        env == AppEnvironment.PRODUCTION ? Duration.ofMinutes(15) : Duration.ofHours(1)),
                in.duration("JWT_REFRESH_EXPIRES_IN", Duration.ofDays(7)),
                in.duration("JWT_EMAIL_VERIFICATION_EXPIRES_IN", Duration.ofHours(24)),
                in.duration("JWT_PASSWORD_RESET_EXPIRES_IN", Duration.ofMinutes(10)),
                refreshReuseGrace(in));
    }

    /** Short by design: within it a copied refresh token is honoured too, so reuse detection waits that long. */
    private static Duration refreshReuseGrace(ConfigReader in) {
        Duration grace = in.duration("REFRESH_REUSE_GRACE", Duration.ofSeconds(10));
        if (grace.compareTo(MAX_REFRESH_REUSE_GRACE) > 0) {
            in.problem("REFRESH_REUSE_GRACE", "must be at most 1m");
            return MAX_REFRESH_REUSE_GRACE;
        }
        return grace;
    }

    private static Email readEmail(ConfigReader in, AppEnvironment env) {
        Optional<String> host = in.optional("EMAIL_HOST");
        if (host.isEmpty() && env.isDeployed()) {
            in.problem("EMAIL_HOST", "is required in " + env.id() + " (in-process mail capture is for dev/test)");
        }
        String from = in.string("EMAIL_FROM", "no-reply@abc-dashboard.local");
        if (!from.matches("[^@\\s]+@[^@\\s]+")) {
            in.problem("EMAIL_FROM", "must be an email address");
        }
        return new Email(
                host,
                in.integer("EMAIL_PORT", 587, 1, 65535),
                in.bool("EMAIL_SECURE", false),
                in.optional("EMAIL_USER"),
                in.optional("EMAIL_PASS"),
                from,
                in.string("EMAIL_FROM_NAME", "ABC Dashboard"));
    }

    private static InitialAdmin readInitialAdmin(ConfigReader in) {
        Optional<String> email = in.optional("ADMIN_EMAIL");
        Optional<String> password = in.optional("ADMIN_PASSWORD");
        if (email.isPresent() && !AccountFields.isValidEmail(email.get())) {
            in.problem("ADMIN_EMAIL", "must be an email address");
        }
        if (password.isPresent()) {
            if (email.isEmpty()) {
                in.problem("ADMIN_PASSWORD", "is set without ADMIN_EMAIL");
            }
            // The policy's message lists the rules broken, never the password itself.
            FieldErrors errors = new FieldErrors();
            PasswordPolicy.check("ADMIN_PASSWORD", password.get(), errors);
            try {
                errors.throwIfAny();
            } catch (DomainException e) {
                e.details().forEach(in::problem);
            }
        }
        String username = in.string("ADMIN_USERNAME", InitialAdmin.DEFAULT_USERNAME);
        FieldErrors usernameErrors = new FieldErrors();
        AccountFields.checkUsername("ADMIN_USERNAME", username, usernameErrors);
        try {
            usernameErrors.throwIfAny();
        } catch (DomainException e) {
            e.details().forEach(in::problem);
        }
        return new InitialAdmin(email.map(AccountFields::normaliseEmail), password, username);
    }
}
