package com.abcdashboard.http;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CORS for the dashboard: only {@code CLIENT_URL}'s origin (in development also any
 * {@code http://localhost:<port>} / {@code http://127.0.0.1:<port>}), with credentials, since browsers
 * send the auth cookies. A preflight from an allowed origin is answered here with 204 and cached for
 * ten minutes; one from any other origin gets 403 and no CORS headers. Actual requests from other
 * origins are served without CORS headers, so the browser withholds the answer from the page.
 *
 * <p>Protocol-level errors (413 before routing) get the same headers through {@link #applyTo}, so the
 * dashboard can read them too.
 *
 * <p>Helidon's CORS module ({@code helidon-webserver-cors} 4.5) was considered and not used: it refuses
 * an actual request from another origin with a bare 403 (no body, so neither the error envelope nor the
 * spec), where a cross-origin read is the browser's to withhold; and a refused preflight is an empty 403
 * as well.
 */
public final class CorsFilter implements Filter {
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, X-Correlation-ID, X-Request-ID";
    static final String EXPOSE_HEADERS =
            "X-Correlation-ID, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset";
    static final String MAX_AGE = "600";
    private static final Pattern LOCALHOST = Pattern.compile("^http://(localhost|127\\.0\\.0\\.1)(:\\d{1,5})?$");

    private final String clientOrigin;
    private final boolean anyLocalhost;

    public CorsFilter(URI clientUrl, boolean anyLocalhost) {
        this.clientOrigin = origin(clientUrl);
        this.anyLocalhost = anyLocalhost;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (origin.isEmpty()) {
            chain.proceed();
            return;
        }
        boolean preflight = req.prologue().method() == Method.OPTIONS
                && req.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
        if (preflight) {
            boolean allowed = isAllowed(origin.get());
            res.header(HeaderValues.create(HeaderNames.VARY, "Origin"));
            String requested = req.headers()
                    .first(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD)
                    .orElse("");
            if (!allowed || !METHODS.contains(requested.toUpperCase(Locale.ROOT))) {
                throw new DomainException(ErrorCategory.AUTHORIZATION, "Cross-origin request not allowed");
            }
            allow(res.headers(), origin.get());
            res.header(HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS));
            res.header(HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS));
            res.header(HeaderValues.create(HeaderNames.ACCESS_CONTROL_MAX_AGE, MAX_AGE));
            res.status(Status.NO_CONTENT_204).send();
            return;
        }
        applyTo(res.headers(), origin);
        chain.proceed();
    }

    /**
     * The headers of an actual (not preflight) cross-origin answer: {@code Vary: Origin} whenever an
     * origin was sent, and the allow/expose headers only when that origin is allowed.
     */
    public void applyTo(ServerResponseHeaders headers, Optional<String> origin) {
        if (origin.isEmpty()) {
            return;
        }
        headers.add(HeaderValues.create(HeaderNames.VARY, "Origin"));
        if (isAllowed(origin.get())) {
            allow(headers, origin.get());
            headers.set(HeaderValues.create(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS));
        }
    }

    boolean isAllowed(String origin) {
        return origin.equals(clientOrigin)
                || (anyLocalhost && LOCALHOST.matcher(origin).matches());
    }

    private static void allow(ServerResponseHeaders headers, String origin) {
        headers.set(HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin));
        headers.set(HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true"));
    }

    /** scheme://host[:port] of a URL, the form browsers send in Origin (default ports omitted). */
    static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
