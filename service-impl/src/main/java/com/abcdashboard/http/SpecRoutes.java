package com.abcdashboard.http;

import com.abcdashboard.observability.RouteTemplates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routes of the spec the service was built from (the packaged document): each path template with the
 * methods it documents, in alphabetical order as {@code Allow} lists them. Metrics label requests by
 * template; the not-found handler tells an unknown path (404) from a known path asked with a method it
 * does not have (405 with {@code Allow}).
 */
public final class SpecRoutes {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final RouteTemplates templates;
    private final Map<String, List<String>> methods;

    private SpecRoutes(RouteTemplates templates, Map<String, List<String>> methods) {
        this.templates = templates;
        this.methods = methods;
    }

    public static SpecRoutes packaged() {
        return parse(ApiDocsService.resource(ApiDocsService.SPEC_RESOURCE));
    }

    static SpecRoutes parse(byte[] yaml) {
        try {
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("paths");
            Map<String, List<String>> methods = new LinkedHashMap<>();
            paths.properties().forEach(path -> {
                Set<String> documented = new TreeSet<>();
                path.getValue().fieldNames().forEachRemaining(name -> {
                    if (METHODS.contains(name)) {
                        documented.add(name.toUpperCase(Locale.ROOT));
                    }
                });
                methods.put(path.getKey(), List.copyOf(documented));
            });
            return new SpecRoutes(new RouteTemplates(new ArrayList<>(methods.keySet())), Map.copyOf(methods));
        } catch (IOException e) {
            throw new UncheckedIOException("The packaged OpenAPI document is not valid YAML", e);
        }
    }

    public RouteTemplates templates() {
        return templates;
    }

    /** The methods the spec documents for the route of {@code path}; empty when it does not know the path. */
    public List<String> methodsFor(String path) {
        return methods.getOrDefault(templates.of(path), List.of());
    }
}
