package com.abcdashboard.observability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a request path into the spec's path template ({@code /api/v1/users/6745…} →
 * {@code /api/v1/users/{id}}), so metrics are labelled by route with a bounded number of values. Literal
 * segments win over parameters ({@code /users/stats} is not {@code /users/{id}}). Paths the spec does not
 * know are {@code /api-docs/**} for the docs and {@code other} for everything else (404s of scanners must
 * not create a label each).
 */
public final class RouteTemplates {
    public static final String OTHER = "other";

    private record Template(String text, String[] segments, int literals) {}

    private final List<Template> templates;

    public RouteTemplates(List<String> specPaths) {
        List<Template> parsed = new ArrayList<>();
        for (String path : specPaths) {
            String[] segments = split(path);
            int literals = 0;
            for (String segment : segments) {
                literals += isParameter(segment) ? 0 : 1;
            }
            parsed.add(new Template(path, segments, literals));
        }
        parsed.sort(Comparator.comparingInt((Template t) -> t.literals).reversed());
        this.templates = List.copyOf(parsed);
    }

    public String of(String path) {
        String[] segments = split(path);
        for (Template template : templates) {
            if (matches(template.segments, segments)) {
                return template.text;
            }
        }
        return path.equals("/api-docs") || path.startsWith("/api-docs/") ? "/api-docs/**" : OTHER;
    }

    private static boolean matches(String[] template, String[] path) {
        if (template.length != path.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            if (!isParameter(template[i]) && !template[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String[] split(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--; // trailing slashes do not count
        }
        return end == 0 ? new String[0] : path.substring(1, end).split("/", -1);
    }
}
