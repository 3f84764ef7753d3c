package com.abcdashboard.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The tally of a fuzz campaign: requests per operation and per family, the status histogram (with the
 * protocol-level outcomes), every violation with its request, and the duration; written as Markdown
 * next to the build's other reports.
 */
final class CampaignReport {
    /** Violations listed in full in the report; the count covers all of them. */
    private static final int LISTED_VIOLATIONS = 200;

    private final long seed;
    private final Map<String, Map<String, Integer>> statusesByOperation = new TreeMap<>();
    private final Map<String, Integer> requestsByFamily = new TreeMap<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int requests;
    private int violatingRequests;
    private Duration duration = Duration.ZERO;

    CampaignReport(long seed) {
        this.seed = seed;
    }

    void record(WireRequest request, RawHttp.Answer answer, List<String> problems) {
        requests++;
        String outcome = answer.failedAtProtocolLevel() ? "no answer" : Integer.toString(answer.status());
        statuses.merge(outcome, 1, Integer::sum);
        statusesByOperation
                .computeIfAbsent(request.operation(), k -> new TreeMap<>())
                .merge(outcome, 1, Integer::sum);
        requestsByFamily.merge(request.family(), 1, Integer::sum);
        if (!problems.isEmpty()) {
            violatingRequests++;
            if (violations.size() < LISTED_VIOLATIONS) {
                String body = answer.bodyText();
                violations.add("- " + request.describe() + "\n  → " + outcome + ": " + String.join("; ", problems)
                        + "\n  body: " + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
            }
        }
    }

    /** A line for the report's "After the campaign" section. */
    void note(String line) {
        notes.add(line);
    }

    void finished(Duration took) {
        this.duration = took;
    }

    int requests() {
        return requests;
    }

    int violatingRequests() {
        return violatingRequests;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** How many requests of {@code operation} got {@code status}. */
    int count(String operation, int status) {
        return statusesByOperation.getOrDefault(operation, Map.of()).getOrDefault(Integer.toString(status), 0);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Fuzz campaign\n\n");
        md.append("- seed: ").append(seed).append('\n');
        md.append("- requests: ").append(requests).append('\n');
        md.append("- duration: ")
                .append(duration.toMillis())
                .append(" ms (")
                .append(duration.isZero() ? 0 : requests * 1000L / Math.max(1, duration.toMillis()))
                .append(" requests/s)\n");
        md.append("- requests with a violation: ").append(violatingRequests).append("\n\n");
        md.append("## Statuses\n\n| status | requests |\n|---|---|\n");
        statuses.forEach((status, n) ->
                md.append("| ").append(status).append(" | ").append(n).append(" |\n"));
        md.append("\n## Requests per family\n\n| family | requests |\n|---|---|\n");
        requestsByFamily.forEach((family, n) ->
                md.append("| ").append(family).append(" | ").append(n).append(" |\n"));
        md.append("\n## Requests per operation\n\n| operation | requests | statuses |\n|---|---|---|\n");
        statusesByOperation.forEach((operation, byStatus) -> md.append("| ")
                .append(operation)
                .append(" | ")
                .append(byStatus.values().stream().mapToInt(Integer::intValue).sum())
                .append(" | ")
                .append(byStatus.entrySet().stream()
                        .map(e -> e.getKey() + "×" + e.getValue())
                        .collect(Collectors.joining(" ")))
                .append(" |\n"));
        if (!notes.isEmpty()) {
            md.append("\n## After the campaign\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        if (!violations.isEmpty()) {
            md.append("\n## Violations (first ").append(violations.size()).append(")\n\n");
            violations.forEach(v -> md.append(v).append('\n'));
        }
        return md.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
