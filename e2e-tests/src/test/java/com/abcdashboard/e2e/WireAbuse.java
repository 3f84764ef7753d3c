package com.abcdashboard.e2e;

import com.abcdashboard.e2e.SpecOperations.Field;
import com.abcdashboard.e2e.SpecOperations.SpecOperation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The mutations of the fuzz campaign around the body: query strings, credentials, headers (size,
 * duplicates, framing lies, forwarding headers, malformed lines), request targets and methods. The body
 * and identity the draft starts with stay (poisoned where they must be), except where the credential
 * is what is under attack.
 */
final class WireAbuse {
    private static final List<String> UNKNOWN_PARAMETERS =
            List.of("$where", "filter", "q", "__proto__[admin]", "role[$ne]", "where", "callback", "email[$regex]");

    private static final List<String> ANY_VALUE = List.of(
            "%7B%22%24ne%22%3Anull%7D",
            "$where",
            "%24ne",
            "{\"$gt\":\"\"}",
            ".*",
            "%5E(a%2B)%2B%24",
            "%00",
            "%FF%FE",
            "%zz",
            "%",
            "%C0%AE",
            "%E2%80%AE",
            "%F0%9F%98%80",
            "%ED%A0%80",
            "%0d%0aSet-Cookie:%20injected=1",
            "a".repeat(101),
            "a".repeat(6_000),
            "",
            "'%20OR%20'1'='1");
    private static final List<String> NOT_AN_INTEGER = List.of(
            "-1", "0", "2147483647", "2147483648", "99999999999999999999", "1e3", "0x1f", "%205", "NaN", "1.5", "+1");
    private static final List<String> NOT_A_BOOLEAN = List.of("yes", "TRUE", "1", "0", "null", "true%00");
    private static final List<String> NOT_IN_ENUM =
            List.of("ADMIN", "admin%20", "$natural", "password", "passwordHash", "_id");
    private static final List<String> NOT_A_DATE = List.of(
            "2026-13-45T99:99:99Z",
            "%2B999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "%2B10000-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "2026-11-25",
            "now",
            "1970-01-01T00:00:00%2B18:00");

    private static final List<String> ODD_METHODS = List.of(
            "TRACE",
            "CONNECT",
            "PROPFIND",
            "FOO",
            "OPTIONS",
            "HEAD",
            "G(T",
            "M".repeat(300),
            "GET\u00e9",
            "DELETE",
            "PUT",
            "POST",
            "PATCH");

    private static final List<String> HOSTILE_IDS = List.of(
            "$ne",
            "%7B%22%24ne%22%3Anull%7D",
            "%24where",
            "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e",
            "..",
            ".",
            "%00",
            "6745a1f0c2d7e5b1a4c8e9d2%00",
            "a".repeat(64),
            "a".repeat(65),
            "a".repeat(7_000),
            "null",
            "undefined",
            "%5Bobject%20Object%5D",
            "%20",
            "%E2%80%AE",
            "%C0%AE%C0%AE",
            "%zz",
            "%",
            "%2F",
            ";jsessionid=1",
            "a;b=c",
            "*",
            "'%20OR%20'1'='1",
            "%F0%9F%98%80",
            "ObjectId(%22000000000000000000000000%22)");

    private final Random random;
    private final FuzzGenerator.Identities identities;
    private final int bodyLimit;

    WireAbuse(Random random, FuzzGenerator.Identities identities, int bodyLimit) {
        this.random = random;
        this.identities = identities;
        this.bodyLimit = bodyLimit;
    }

    void query(RequestDraft draft, SpecOperation operation) {
        boolean known = !operation.query().isEmpty() && random.nextInt(4) != 0;
        String name = known ? pick(operation.query()).name() : pick(UNKNOWN_PARAMETERS);
        String value = known && random.nextInt(3) != 0 ? typed(pick(operation.query())) : pick(ANY_VALUE);
        draft.query = switch (random.nextInt(6)) {
            case 0 -> "?" + name + "[$ne]=" + value;
            case 1 -> "?" + name + "=" + value + "&" + name + "=" + pick(ANY_VALUE);
            case 2 -> "?" + name;
            case 3 -> "?" + String.join("&", java.util.Collections.nCopies(50, name + "=" + value));
            default -> "?" + name + "=" + value;
        };
    }

    /** A value of the parameter's type that is not a valid one. */
    private String typed(Field parameter) {
        if (!parameter.allowed().isEmpty()) {
            return pick(NOT_IN_ENUM);
        }
        if ("date-time".equals(parameter.format())) {
            return pick(NOT_A_DATE);
        }
        return switch (parameter.type()) {
            case "integer" -> pick(NOT_AN_INTEGER);
            case "boolean" -> pick(NOT_A_BOOLEAN);
            default -> pick(ANY_VALUE);
        };
    }

    /** One forged or missing credential; the request is otherwise well-formed, so it must get 401. */
    void token(RequestDraft draft) {
        draft.withoutCredentials();
        String header = pick(new ArrayList<>(identities.forged().values()));
        if (header != null) {
            draft.headers.add(header);
        }
        draft.expectation = WireRequest.Expectation.UNAUTHENTICATED;
    }

    void headers(RequestDraft draft, SpecOperation operation) {
        List<Consumer<RequestDraft>> abuses = List.of(
                d -> d.headers.add("X-Padding: " + "a".repeat(20_000)),
                d -> d.headers.add("X-Padding: " + "a".repeat(15_000)),
                d -> repeat(d, 200, "X-Fuzz-%d: v"),
                d -> repeat(d, 3_000, "X-Many-%d: v"),
                d -> duplicateAuthorization(d, true),
                d -> duplicateAuthorization(d, false),
                d -> d.headers.add("Content-Type: text/plain"),
                d -> d.headers.add("X-Forwarded-For: 1.2.3.4, <script>, $ne, ::ffff:999.1.1.1, unknown"),
                d -> d.headers.add("X-Forwarded-For: " + "10.0.0.1, ".repeat(1_000) + "10.0.0.2"),
                d -> d.headers.add("X-Forwarded-For: {\"$ne\":null}"),
                d -> d.headers.addAll(List.of(
                        "X-Real-IP: 127.0.0.1", "Forwarded: for=\"_evil\";by=\"[::1]\"", "True-Client-IP: ::1")),
                d -> d.headers.add("Host: evil.example"),
                d -> d.headers.add("X-Correlation-ID: "
                        + pick(List.of("a".repeat(300), "<script>", "$ne", "../..", "\u00e9t\u00e9", "a b"))),
                d -> d.headers.add("X-Request-ID: {\"$ne\":null}"),
                d -> d.headers.add("Bad Header: x"),
                d -> d.headers.add("X-\u00dc: 1"),
                d -> d.headers.add("X-(): 1"),
                d -> d.headers.add("NoColonHere"),
                d -> d.headers.add(": no-name"),
                d -> d.headers.add("X-Nul: a\u0000b"),
                d -> d.headers.add("X-Cr: a\rb"),
                d -> d.headers.add("X-Lf: a\nX-Injected: 1"),
                d -> d.headers.addAll(List.of("X-Folded: 1", "  folded continuation")),
                d -> d.headers.add("Cookie: " + "c=v; ".repeat(300) + "accessToken={\"$ne\":null}"),
                d -> d.headers.add("Cookie: refreshToken=%00%0d%0a; accessToken=" + "A".repeat(9_000)),
                d -> d.headers.addAll(List.of("Origin: null", "Access-Control-Request-Method: DELETE")),
                d -> d.headers.add("Origin: https://evil.example"),
                d -> d.headers.add("Accept: "
                        + pick(List.of("application/xml", "text/html", "*/*;q=abc", "application/json;q=0"))),
                d -> d.headers.add("Accept-Encoding: " + pick(List.of("gzip, deflate, br", "*;q=0", "identity;q=0"))),
                d -> d.headers.addAll(List.of("Range: bytes=0-1", "If-None-Match: *", "If-Modified-Since: yesterday")),
                d -> d.headers.add("Expect: " + pick(List.of("100-continue", "200-ok", "\u00e9"))),
                d -> d.headers.addAll(List.of(
                        "Connection: Upgrade, HTTP2-Settings", "Upgrade: h2c", "HTTP2-Settings: AAMAAABkAAQAAP__")),
                d -> d.headers.addAll(List.of(
                        "Connection: Upgrade",
                        "Upgrade: websocket",
                        "Sec-WebSocket-Version: 13",
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==")),
                d -> d.headers.add("User-Agent: " + "U".repeat(8_000)),
                d -> d.headers.add("User-Agent: \u00ff\u00fe\u0001"),
                d -> d.headers.addAll(List.of("Max-Forwards: -1", "Via: 1.1 " + "p".repeat(500))),
                this::conflictingLengths,
                this::lengthAndChunked,
                this::badChunks,
                this::oddTransferEncoding,
                this::oddContentLength,
                this::noHost,
                this::twoHosts);
        pick(abuses).accept(draft);
    }

    private static void repeat(RequestDraft draft, int times, String format) {
        for (int i = 0; i < times; i++) {
            draft.headers.add(String.format(Locale.ROOT, format, i));
        }
    }

    /**
     * The request's credential and a bogus one together, in either order; two bogus ones where the
     * request has none (sign-out must never carry the campaign's own session).
     */
    private static void duplicateAuthorization(RequestDraft draft, boolean validFirst) {
        String bogus = "Authorization: Bearer not.a.token";
        String valid = draft.headers.stream()
                .filter(h -> h.startsWith("Authorization:"))
                .findFirst()
                .orElse("Authorization: Basic Zm9vOmJhcg==");
        draft.withoutCredentials();
        draft.headers.addAll(validFirst ? List.of(valid, bogus) : List.of(bogus, valid));
    }

    /** Request smuggling shapes: the head is written by hand, nothing is added. */
    private void byHand(RequestDraft draft, List<String> framing, String body) {
        draft.framing = WireRequest.Framing.BY_HAND;
        List<String> head = new ArrayList<>(List.of("Host: localhost", "Connection: close"));
        head.addAll(framing);
        draft.headers.addAll(0, head);
        draft.rawBody = body.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void conflictingLengths(RequestDraft draft) {
        String body = draft.json();
        byHand(draft, List.of("Content-Length: " + body.length(), "Content-Length: " + (body.length() + 5)), body);
    }

    private void lengthAndChunked(RequestDraft draft) {
        String smuggled = "0\r\n\r\nGET /api/v1/users HTTP/1.1\r\nHost: localhost\r\n\r\n";
        byHand(draft, List.of("Content-Length: 4", "Transfer-Encoding: chunked"), smuggled);
    }

    private void badChunks(RequestDraft draft) {
        byHand(
                draft,
                List.of("Transfer-Encoding: chunked"),
                pick(List.of(
                        "zz\r\nabc\r\n0\r\n\r\n",
                        "-1\r\n\r\n",
                        "ffffffffffffffff\r\nabc\r\n",
                        "3\r\nabcdef\r\n0\r\n\r\n")));
    }

    private void oddTransferEncoding(RequestDraft draft) {
        String body = draft.json();
        String chunked = RawHttp.chunked(body, Math.max(1, body.length()));
        String coding = pick(
                List.of("gzip, chunked", "chunked, identity", " chunked", "xchunked", "identity", "chunked\u000b"));
        byHand(draft, List.of("Transfer-Encoding: " + coding), chunked);
    }

    private void oddContentLength(RequestDraft draft) {
        String body = draft.json();
        String length = pick(List.of(
                "-1", "abc", "99999999999999999999", "1, 1", "+5", " 5", "0x10", String.valueOf(body.length() + 10)));
        byHand(draft, List.of("Content-Length: " + length), body);
    }

    private void noHost(RequestDraft draft) {
        String body = draft.json();
        draft.framing = WireRequest.Framing.BY_HAND;
        draft.headers.add(0, "Connection: close");
        if (!body.isEmpty()) {
            draft.headers.add("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private void twoHosts(RequestDraft draft) {
        String body = draft.json();
        byHand(
                draft,
                List.of("Host: evil.example", "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length),
                body);
    }

    /**
     * Request smuggling: a framing the service must refuse (and then close), with a registration hidden
     * where a desynchronised parser would take it for the next request. The registration is valid and
     * names {@code email}: executed, it would create a user, which the campaign's stored-state check sees.
     * The operation's own expectation stands: a read that never looks at its body may answer (and close).
     */
    void smuggling(RequestDraft draft, String email) {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + FuzzGenerator.OFFERED_PASSWORD
                + "\",\"firstName\":\"Smug\",\"lastName\":\"Gled\"}";
        String hidden = "POST /api/v1/auth/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        String chunkedHidden = Integer.toHexString(hidden.length()) + "\r\n" + hidden + "\r\n0\r\n\r\n";
        String filler = "x".repeat(bodyLimit + 1024);
        String oversize = Integer.toHexString(filler.length()) + "\r\n" + filler + "\r\n";
        List<Consumer<RequestDraft>> shapes = List.of(
                d -> byHand(d, List.of("Content-Length: 5", "Transfer-Encoding: chunked"), "0\r\n\r\n" + hidden),
                d -> byHand(d, List.of("Transfer-Encoding: chunked", "Content-Length: 4"), chunkedHidden),
                d -> byHand(d, List.of("Transfer-Encoding: chunked"), oversize + "0\r\n\r\n" + hidden),
                d -> byHand(d, List.of("Transfer-Encoding: chunked"), oversize + chunkedHidden),
                d -> byHand(d, List.of("Transfer_Encoding: chunked"), "0\r\n\r\n" + hidden),
                d -> byHand(d, List.of("Content_Length: 5", "Content-Length: 2"), "{}" + hidden),
                d -> byHand(
                        d,
                        List.of("Transfer-Encoding: "
                                + pick(List.of(
                                        "xchunked",
                                        "chunked, identity",
                                        "identity, chunked",
                                        "chunked\u000b",
                                        "\"chunked\""))),
                        chunkedHidden + hidden),
                d -> byHand(d, List.of("Transfer-Encoding: chunked", "Transfer-Encoding: identity"), chunkedHidden),
                d -> byHand(d, List.of("Content-Length: 2", "Content-Length: " + (hidden.length() + 2)), "{}" + hidden),
                d -> byHand(d, List.of("Transfer-Encoding: chunked"), "zz\r\n{}\r\n0\r\n\r\n" + hidden));
        pick(shapes).accept(draft);
    }

    /** Hostile ids, and hostile shapes of the whole route (dot segments, encodings, absolute form). */
    void path(RequestDraft draft, SpecOperation operation) {
        if (operation.hasPathId() && random.nextBoolean()) {
            draft.path = operation
                    .path()
                    .replaceAll(
                            FuzzGenerator.PATH_PARAMETER, java.util.regex.Matcher.quoteReplacement(pick(HOSTILE_IDS)));
            return;
        }
        String path = draft.path;
        String last = path.substring(path.lastIndexOf('/') + 1);
        List<String> shapes = List.of(
                path + "/",
                "/" + path,
                path.replaceFirst("/v1/", "/v1//"),
                path.replaceFirst("/v1/", "/v1/./"),
                path + "/../" + last,
                path + "/%2e%2e/" + last,
                path.toUpperCase(Locale.ROOT),
                path + ";x=1",
                path + "%00",
                path + "%20",
                path + "%2F",
                "http://evil.example" + path,
                "*",
                path + "#fragment",
                "/%2e%2e/%2e%2e/etc/passwd",
                path + "/%0d%0aSet-Cookie:%20injected=1",
                path.replace('/', '\\'),
                path + "/\u00e9",
                "/api/v1/../../" + path.substring(1),
                path + "?" + "&".repeat(2_000));
        draft.path = pick(shapes);
    }

    /** Methods HTTP does not define, that this route does not serve, or written oddly. */
    void method(RequestDraft draft, SpecOperation operation) {
        String method = random.nextInt(4) == 0 ? operation.method().toLowerCase(Locale.ROOT) : pick(ODD_METHODS);
        draft.method = method;
        if (!method.equalsIgnoreCase(operation.method())) {
            draft.expectation = WireRequest.Expectation.NO_SERVER_ERROR;
        }
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
