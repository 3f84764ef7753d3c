package com.abcdashboard.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;

/**
 * The Helmet set of response headers, on every response: routed ones (this filter runs before routing,
 * so handlers, error mappers and the 404 handler all inherit them) and protocol-level errors (see {@link
 * ProtocolErrorHandler}). JSON gets a deny-everything Content-Security-Policy; the Swagger UI page under
 * {@code /api-docs} gets one that allows its own same-origin scripts and styles. HSTS is sent outside
 * development only (local development is plain http). API answers are {@code Cache-Control: no-store}:
 * they carry account data and tokens.
 */
public final class SecurityHeaders implements Filter {
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private static final HeaderName CSP = HeaderNames.create("Content-Security-Policy");

    // Built once: the same immutable values go on every response, with their HTTP/1 bytes cached.
    private static final Header API_CSP = HeaderValues.createCached(CSP, API_POLICY);
    private static final Header DOCS_CSP = HeaderValues.createCached(CSP, DOCS_POLICY);
    private static final Header STS = HeaderValues.createCached(HeaderNames.STRICT_TRANSPORT_SECURITY, HSTS);
    private static final Header NO_STORE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store");
    private static final List<Header> ALWAYS = List.of(
            HeaderValues.createCached(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff"),
            HeaderValues.createCached("X-Frame-Options", "DENY"),
            HeaderValues.createCached("Referrer-Policy", "no-referrer"),
            HeaderValues.createCached("Cross-Origin-Opener-Policy", "same-origin"),
            HeaderValues.createCached("Cross-Origin-Resource-Policy", "same-origin"),
            HeaderValues.createCached("Origin-Agent-Cluster", "?1"),
            HeaderValues.createCached("X-DNS-Prefetch-Control", "off"),
            HeaderValues.createCached("X-Permitted-Cross-Domain-Policies", "none"));

    private final boolean strictTransport;

    public SecurityHeaders(boolean strictTransport) {
        this.strictTransport = strictTransport;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.prologue().uriPath().rawPath();
        boolean docs = path.equals("/api-docs") || path.startsWith("/api-docs/");
        apply(res.headers(), docs ? DOCS_POLICY : API_POLICY, strictTransport);
        if (path.startsWith("/api/")) {
            res.header(NO_STORE);
        }
        chain.proceed();
    }

    static void apply(ServerResponseHeaders headers, String policy, boolean strictTransport) {
        headers.set(
                policy.equals(API_POLICY)
                        ? API_CSP
                        : policy.equals(DOCS_POLICY) ? DOCS_CSP : HeaderValues.create(CSP, policy));
        ALWAYS.forEach(headers::set);
        if (strictTransport) {
            headers.set(STS);
        }
    }
}
