package com.abcdashboard.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address clients reach the API at, as the served spec's {@code servers} entry: {@code PUBLIC_URL}
 * when set; else, behind a trusted proxy ({@code TRUSTED_PROXIES}) that sends {@code X-Forwarded-Host},
 * the address that proxy was asked for; else {@code /}, which a browser resolves against the page it is
 * on, so Swagger UI's "Try it out" stays same-origin (CSP {@code connect-src 'self'}) on any host.
 * Forwarded headers from anyone else are ignored: they would let a request choose where the docs send
 * the next one.
 */
public final class PublicServerUrl {
    /** The server entry when nothing says otherwise: the origin the document was loaded from. */
    public static final String RELATIVE = "/";

    private static final HeaderName FORWARDED_HOST = HeaderNames.create("X-Forwarded-Host");
    private static final HeaderName FORWARDED_PROTO = HeaderNames.create("X-Forwarded-Proto");
    private static final HeaderName FORWARDED_PORT = HeaderNames.create("X-Forwarded-Port");
    private static final HeaderName FORWARDED_PREFIX = HeaderNames.create("X-Forwarded-Prefix");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)+/?");

    private final Optional<String> publicUrl;
    private final ClientAddress proxies;

    public PublicServerUrl(Optional<URI> publicUrl, ClientAddress proxies) {
        this.publicUrl = publicUrl.map(URI::toString).map(PublicServerUrl::withoutTrailingSlash);
        this.proxies = proxies;
    }

    /** The server URL for the spec served in answer to this request. */
    public String of(ServerRequest request) {
        if (publicUrl.isPresent()) {
            return publicUrl.get();
        }
        String peer = request.remotePeer().address() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress()
                : null;
        var headers = request.headers();
        return forwarded(
                peer,
                headers.first(FORWARDED_PROTO).orElse(null),
                headers.first(FORWARDED_HOST).orElse(null),
                headers.first(FORWARDED_PORT).orElse(null),
                headers.first(FORWARDED_PREFIX).orElse(null));
    }

    /** The server URL given the TCP peer and its forwarded headers (each null when absent). */
    String forwarded(String peer, String proto, String host, String port, String prefix) {
        if (publicUrl.isPresent()) {
            return publicUrl.get();
        }
        if (peer == null || !proxies.isTrusted(peer)) {
            return RELATIVE;
        }
        String path =
                prefix != null && PREFIX.matcher(prefix.trim()).matches() ? withoutTrailingSlash(prefix.trim()) : "";
        String firstHost = host == null ? null : host.split(",")[0].trim();
        if (firstHost == null || !HOST.matcher(firstHost).matches()) {
            return path.isEmpty() ? RELATIVE : path;
        }
        String scheme = proto != null && proto.split(",")[0].trim().equalsIgnoreCase("https") ? "https" : "http";
        String authority = firstHost;
        if (!firstHost.matches(".*:\\d{1,5}")) {
            String p = port == null ? "" : port.split(",")[0].trim();
            boolean defaultPort = p.equals("https".equals(scheme) ? "443" : "80");
            if (PORT.matcher(p).matches() && !defaultPort) {
                authority = firstHost + ":" + p;
            }
        }
        return scheme + "://" + authority + path;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") && url.length() > 1 ? url.substring(0, url.length() - 1) : url;
    }
}
