package com.abcdashboard.http;

import com.abcdashboard.cache.RateLimiter;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.apikey.ApiKeyFormat;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Optional;
import java.util.Set;

/**
 * Per-client-IP limits on {@code /api/} (health probes excepted): the general limit on every request, and the stricter auth limit
 * on the unauthenticated auth endpoints (sign-in, registration, verification and password reset); a
 * request that presents an API key also counts against that key's limit (per key, whatever its IP). Every
 * answer carries {@code X-RateLimit-Limit/Remaining/Reset} of the strictest limit that applied; a
 * request over a limit gets 429 with {@code Retry-After} and the error envelope.
 */
public final class RateLimitFilter implements Filter {
    static final Set<String> AUTH_PATHS = Set.of(
            "/api/v1/auth/login",
            "/api/v1/auth/mfa/verify",
            "/api/v1/auth/register",
            "/api/v1/auth/verify-email",
            "/api/v1/auth/resend-verification",
            "/api/v1/auth/forgot-password",
            "/api/v1/auth/reset-password");

    private static final HeaderName LIMIT = HeaderNames.create("X-RateLimit-Limit");
    private static final HeaderName REMAINING = HeaderNames.create("X-RateLimit-Remaining");
    private static final HeaderName RESET = HeaderNames.create("X-RateLimit-Reset");

    private final RateLimiter limiter;
    private final RateLimiter.Rule general;
    private final RateLimiter.Rule auth;
    private final RateLimiter.Rule apiKey;
    private final ClientAddress clients;

    public RateLimitFilter(
            RateLimiter limiter,
            RateLimiter.Rule general,
            RateLimiter.Rule auth,
            RateLimiter.Rule apiKey,
            ClientAddress clients) {
        this.limiter = limiter;
        this.general = general;
        this.auth = auth;
        this.apiKey = apiKey;
        this.clients = clients;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.prologue().uriPath().rawPath();
        // Health probes come from orchestrators and monitors every few seconds: never throttled.
        if (!path.startsWith("/api/")
                || path.startsWith("/api/v1/health")
                || req.prologue().method() == Method.OPTIONS) {
            chain.proceed();
            return;
        }
        String client = Optional.ofNullable(clients.of(req)).orElse("unknown");
        Optional<RateLimiter.Decision> decision = limiter.hit(general, client);
        if (req.prologue().method() == Method.POST && AUTH_PATHS.contains(path)) {
            Optional<RateLimiter.Decision> strict = limiter.hit(auth, client);
            if (strict.isPresent() && (decision.isEmpty() || decision.get().allowed())) {
                decision = strict;
            }
        }
        Optional<String> key = ApiKeyCredential.forRateLimit(req.headers());
        if (key.isPresent()) {
            // Counted by the digest of what was presented: a guessed or forged key has a window of its
            // own and cannot use up a real key's, and no key is kept in Redis.
            Optional<RateLimiter.Decision> perKey = limiter.hit(apiKey, ApiKeyFormat.digest(key.get()));
            // The key's window is reported when it refuses, or has no more left than the IP's.
            if (perKey.isPresent()
                    && (decision.isEmpty()
                            || decision.get().allowed()
                                    && perKey.get().remaining()
                                            <= decision.get().remaining())) {
                decision = perKey;
            }
        }
        if (decision.isPresent()) {
            RateLimiter.Decision d = decision.get();
            res.header(LIMIT, Integer.toString(d.rule().limit().max()));
            res.header(REMAINING, Long.toString(d.remaining()));
            res.header(RESET, Long.toString(seconds(d)));
            if (!d.allowed()) {
                throw new RateLimitedException("Too many requests, try again later", d.reset());
            }
        }
        chain.proceed();
    }

    /** Seconds until the window ends, rounded up. */
    private static long seconds(RateLimiter.Decision d) {
        return Math.max(1, (d.reset().toMillis() + 999) / 1000);
    }
}
