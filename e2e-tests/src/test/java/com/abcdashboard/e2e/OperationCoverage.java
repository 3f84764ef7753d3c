package com.abcdashboard.e2e;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which documented operations the suite has exercised: {@link ContractConformance} reports every
 * answered request here; {@link OperationCoverageTest} compares the result with the spec.
 */
final class OperationCoverage {
    private static final Map<String, Pattern> OPERATIONS = new ConcurrentHashMap<>();
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private OperationCoverage() {}

    /** Registers the spec's operations as {@code "GET /api/v1/users/{id}"}. */
    static synchronized void documented(OpenAPI api) {
        if (!OPERATIONS.isEmpty()) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            Pattern pattern = Pattern.compile("^" + path.replaceAll("\\{[^/]+}", "[^/]+") + "/?$");
            for (PathItem.HttpMethod method : item.readOperationsMap().keySet()) {
                OPERATIONS.put(method.name() + " " + path, pattern);
            }
        });
    }

    /** A request that got an answer below 500 (a 5xx proves nothing about the operation). */
    static void answered(String method, String path, int status) {
        if (status >= 500) {
            return;
        }
        String upper = method.toUpperCase(Locale.ROOT);
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        OPERATIONS.forEach((operation, pattern) -> {
            if (operation.startsWith(upper + " ") && pattern.matcher(bare).matches()) {
                SEEN.add(operation);
            }
        });
    }

    static Set<String> documented() {
        return new TreeSet<>(OPERATIONS.keySet());
    }

    static Set<String> exercised() {
        return new TreeSet<>(SEEN);
    }
}
