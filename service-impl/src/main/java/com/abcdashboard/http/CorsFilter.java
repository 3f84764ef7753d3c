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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CORS for the dashboard: only {@code CLIENT_URL}'s origin (in development also any
 * {@code http://localhost:<port>} / {@code http://127.0.0.1:<port>}), with credentials, since browsers
 * send the auth cookies. A preflight from an allowed origin is answered here with 204, the configured
 * request headers ({@code CORS_ALLOWED_HEADERS}: by default every header the dashboard's client sends,
 * its tracing headers included) and a ten-minute cache; one from any other origin gets 403 and no CORS
 * headers. Actual requests from other origins are served without CORS headers, so the browser withholds
 * the answer from the page.
 *
 * <p>The preflight always lists the allowed headers and leaves the comparison to the browser, as the
 * Fetch standard has it; when an allowed origin asks for a header that is not in the list, one line is
 * logged, since the browser's refusal is otherwise visible only in the page's console.
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
    private static final Logger LOG = LoggerFactory.getLogger(CorsFilter.class);
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    /** What a page may read of an answer, beyond the CORS-safelisted headers. */
    static final String EXPOSE_HEADERS =
            "X-Correlation-ID, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset";

    static final String MAX_AGE = "600";
    private static final int MAX_LOGGED_NAMES = 20;
    private static final Pattern LOCALHOST = Pattern.compile("^http://(localhost|127\\.0\\.0\\.1)(:\\d{1,5})?$");

    private final String clientOrigin;
    private final boolean anyLocalhost;
    private final String allowHeaders;
    private final Set<String> allowedHeaderNames;

    /**
     * @param allowedHeaders the request headers a page may send ({@code CORS_ALLOWED_HEADERS})
     */
    public CorsFilter(URI clientUrl, boolean anyLocalhost, List<String> allowedHeaders) {
        this.clientOrigin = origin(clientUrl);
        this.anyLocalhost = anyLocalhost;
        this.allowHeaders = String.join(", ", allowedHeaders);
        this.allowedHeaderNames = allowedHeaders.stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
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
            res.header(HeaderValues.create(HeaderNames.VARY, "Origin"));
            boolean answered = answerPreflight(
                    origin.get(),
                    req.headers()
                            .first(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD)
                            .orElse(""),
                    req.headers().first(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS),
                    res.headers());
            if (!answered) {
                throw new DomainException(ErrorCategory.AUTHORIZATION, "Cross-origin request not allowed");
            }
            res.status(Status.NO_CONTENT_204).send();
            return;
        }
        applyTo(res.headers(), origin);
        chain.proceed();
    }

    /**
     * Sets the headers of a preflight's 204 when its origin and method are allowed and says whether they
     * were; a refused preflight gets none.
     */
    boolean answerPreflight(
            String origin, String requestedMethod, Optional<String> requestedHeaders, ServerResponseHeaders headers) {
        if (!isAllowed(origin) || !METHODS.contains(requestedMethod.toUpperCase(Locale.ROOT))) {
            return false;
        }
        allow(headers, origin);
        headers.set(HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS));
        headers.set(HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, allowHeaders));
        headers.set(HeaderValues.create(HeaderNames.ACCESS_CONTROL_MAX_AGE, MAX_AGE));
        List<String> refused = notAllowed(requestedHeaders.orElse(""));
        if (!refused.isEmpty()) {
            LOG.info(
                    "Preflight from {} asks for headers not in CORS_ALLOWED_HEADERS, the browser will refuse the call: {}",
                    origin,
                    refused);
        }
        return true;
    }

    /** The names in an Access-Control-Request-Headers value that the configured list lacks. */
    List<String> notAllowed(String requestedHeaders) {
        return Arrays.stream(requestedHeaders.split(","))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty() && !allowedHeaderNames.contains(name))
                .limit(MAX_LOGGED_NAMES)
                .toList();
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
