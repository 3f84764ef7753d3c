package com.abcdashboard.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One request exactly as it goes on the wire, for what an ordinary client refuses to send (duplicate or
 * malformed header lines, odd methods, raw bytes, lying framing), with what the campaign expects of it.
 *
 * @param operation the spec's operationId the request was derived from
 * @param family the kind of abuse (see {@link FuzzGenerator})
 * @param method the method token, sent as is
 * @param target the request-target, sent as is (already percent-encoded where wanted)
 * @param headerLines header lines, each sent as is followed by CRLF
 * @param body the body bytes (may be empty)
 * @param framing whether {@link RawHttp} adds Host, Connection and Content-Length
 * @param expectation what the answer must be, beyond "no 5xx"
 * @param refusedField the body field a {@link Expectation#FIELD_REFUSED} answer must name, else null
 */
record WireRequest(
        String operation,
        String family,
        String method,
        String target,
        List<String> headerLines,
        byte[] body,
        Framing framing,
        Expectation expectation,
        String refusedField) {

    enum Framing {
        /** Host, {@code Connection: close} and Content-Length (when there is a body) are added. */
        AUTOMATIC,
        /** Nothing is added: the header lines are the whole head (request smuggling, missing Host). */
        BY_HAND
    }

    enum Expectation {
        /** Any answer below 500 (reads, and requests that cannot reach a state-changing handler). */
        NO_SERVER_ERROR,
        /** A 4xx: the request would change state if the service wrongly accepted it. */
        REFUSED,
        /** Exactly 401: the only thing wrong is the credential. */
        UNAUTHENTICATED,
        /** Exactly 400 naming {@link #refusedField()} in {@code error.details}: the only thing wrong is its text. */
        FIELD_REFUSED
    }

    WireRequest {
        headerLines = List.copyOf(headerLines);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The path without the query, as the spec's operations are matched. */
    String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    boolean hasHeader(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headerLines.stream()
                .anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix));
    }

    /** A short description for reports; bodies and header values are cut, they may be 100 KB. */
    String describe() {
        String shortTarget = target.length() > 200 ? target.substring(0, 200) + "…" : target;
        String text = bodyText();
        String shortBody = text.length() > 300 ? text.substring(0, 300) + "… (" + body.length + " bytes)" : text;
        List<String> shortHeaders = headerLines.stream()
                .map(line -> line.length() > 200 ? line.substring(0, 200) + "… (" + line.length() + " chars)" : line)
                .toList();
        return printable(
                operation + " [" + family + "] " + method + " " + shortTarget + " " + shortHeaders + " " + shortBody);
    }

    /** Control characters escaped, so the report stays a text file. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(c -> out.append(
                        Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", c) : Character.toString(c)));
        return out.toString();
    }
}
