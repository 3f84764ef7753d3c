package com.abcdashboard.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request being made hostile: {@link FuzzGenerator} starts it as a well-formed call of one operation
 * (identity, path, baseline body and its poison), then one mutation family changes what it is about.
 * Body fields are JSON text, so a mutation can put anything in them.
 */
final class RequestDraft {
    static final String JSON_CONTENT_TYPE = "Content-Type: application/json";

    String method;
    String path;
    String query = "";
    final List<String> headers = new ArrayList<>();
    /** Body fields as JSON text, in order; null for a request without a JSON body. */
    LinkedHashMap<String, String> fields;
    /** When set, the body as sent, instead of {@link #fields}. */
    byte[] rawBody;

    String contentType = JSON_CONTENT_TYPE;
    WireRequest.Framing framing = WireRequest.Framing.AUTOMATIC;
    WireRequest.Expectation expectation;
    /** The field a {@link WireRequest.Expectation#FIELD_REFUSED} answer must name. */
    String refusedField;

    RequestDraft(String method, String path, WireRequest.Expectation expectation) {
        this.method = method;
        this.path = path;
        this.expectation = expectation;
    }

    /** Replaces (or adds) a field's JSON text, keeping its place. */
    void set(String field, String json) {
        if (fields == null) {
            fields = new LinkedHashMap<>();
        }
        fields.put(field, json);
    }

    /** Adds a field before every other one. */
    void prepend(String field, String json) {
        LinkedHashMap<String, String> reordered = new LinkedHashMap<>();
        reordered.put(field, json);
        if (fields != null) {
            fields.forEach(reordered::putIfAbsent);
        }
        fields = reordered;
    }

    String json() {
        if (fields == null) {
            return "";
        }
        return fields.entrySet().stream()
                .map(e -> HostileValues.quoted(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    byte[] body() {
        if (rawBody != null) {
            return rawBody;
        }
        return json().getBytes(StandardCharsets.UTF_8);
    }

    /** Drops the identity header(s) the draft started with. */
    void withoutCredentials() {
        headers.removeIf(h -> h.startsWith("Authorization:") || h.startsWith("Cookie:"));
    }

    WireRequest build(String operation, String family) {
        byte[] body = body();
        List<String> lines = new ArrayList<>();
        if (body.length > 0 && contentType != null) {
            lines.add(contentType);
        }
        lines.addAll(headers);
        return new WireRequest(
                operation, family, method, path + query, lines, body, framing, expectation, refusedField);
    }

    /** The body fields as a plain map (for reports); empty without a JSON body. */
    Map<String, String> fieldsOrEmpty() {
        return fields == null ? Map.of() : fields;
    }
}
