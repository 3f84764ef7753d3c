package com.abcdashboard.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as Markdown tables: phases, targets, then start-up, memory and the bcrypt limit. */
final class ResultsMarkdown {
    private ResultsMarkdown() {}

    /** The tables with a one-line heading of where and when they were measured (no document title). */
    static String tables(BenchReport report) {
        Map<String, String> env = report.environment();
        StringBuilder md = new StringBuilder();
        md.append(format(
                "Measured %s on %s cores (%s), %s; commit `%s`; JVM options `%s`; bcrypt cost %d.%n%n",
                env.getOrDefault("date", "?"),
                env.getOrDefault("cores", "?"),
                env.getOrDefault("cpu", "?"),
                env.getOrDefault("java", "?"),
                env.getOrDefault("commit", "?"),
                env.getOrDefault("jvmOptions", "?"),
                report.bcrypt().cost()));

        md.append("| phase | request | load | req/s | vs baseline | p50 ms | p99 ms | max ms | errors | other CPU |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseResult p : report.phases()) {
            String load = p.targetRate() == null
                    ? format("wrk, %d conns", p.connections())
                    : format(
                            "%,.0f req/s asked, %d conns (generator %.0f%% CPU)",
                            p.targetRate(), p.connections(), p.generatorCpuPercent());
            md.append(format(
                    "| %s | `%s` | %s | %s | %s | %.2f | %.2f | %.2f | %,d | %s |%n",
                    p.title(),
                    p.request(),
                    load,
                    rate(p.requestsPerSecond()),
                    p.ratioToBaseline() == null ? "—" : percent(p.ratioToBaseline()),
                    p.p50Ms(),
                    p.p99Ms(),
                    p.maxMs(),
                    p.errors(),
                    p.otherCpuPercent() == null ? "—" : format("%.1f%%", p.otherCpuPercent())));
        }

        if (!report.disturbed().isEmpty()) {
            md.append(format(
                    "%n**Disturbed run:** other processes used more than %.0f%% of the CPU during %s; "
                            + "rerun on a quiet machine.%n",
                    BenchReport.OTHER_CPU_WARNING_PERCENT,
                    report.disturbed().entrySet().stream()
                            .map(e -> format("%s (%.1f%%)", e.getKey(), e.getValue()))
                            .collect(Collectors.joining(", "))));
        }
        md.append("\n*other CPU*: share of all cores used during the phase by processes outside the run "
                + "(anything but the service, the baseline, Redis and the load generators).\n");

        md.append("\n| target | measured | result |\n|---|---|---|\n");
        for (TargetCheck t : report.targets()) {
            md.append(format("| %s | %s | %s |%n", t.target(), t.measured(), t.pass() ? "**pass**" : "**FAIL**"));
        }

        BenchReport.Bcrypt b = report.bcrypt();
        BenchReport.Memory m = report.memory();
        BenchReport.Startup s = report.startup();
        md.append("\n| measure | value |\n|---|---|\n");
        md.append(format("| start-up to ready, service | %,.0f ms |%n", s.serviceReadyMs()));
        md.append(format("| start-up to first answer, baseline | %,.0f ms |%n", s.baselineReadyMs()));
        md.append(format(
                "| service RSS: idle / after load / peak | %.0f / %.0f / %.0f MiB |%n",
                m.serviceIdleRssMiB(), m.serviceAfterLoadRssMiB(), m.servicePeakRssMiB()));
        md.append(format("| baseline RSS, idle | %.0f MiB |%n", m.baselineIdleRssMiB()));
        md.append(format(
                "| bcrypt limit (service hasher, cost %d, %d threads) | %.2f hashes/s |%n",
                b.cost(), b.threads(), b.verificationsPerSecond()));
        md.append(format(
                "| logins/s ÷ hashes/s | %.2f alone, %.2f during the flood |%n", b.loginRatio(), b.floodLoginRatio()));
        md.append(growth(report));
        return md.toString();
    }

    /** The growth phase: writes while growing, and each query's cache-miss median (p90) at each size. */
    static String growth(BenchReport report) {
        if (report.growth().isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n| store | users | creates/s | edits/s |");
        UserGrowth.QUERIES
                .keySet()
                .forEach(query -> md.append(' ').append(query).append(" ms |"));
        md.append(" bare Helidon ms |\n|---|---:|---:|---:|");
        UserGrowth.QUERIES.keySet().forEach(query -> md.append("---:|"));
        md.append("---:|\n");
        for (UserGrowth.Row row : report.growth()) {
            md.append(format(
                    "| %s | %,d | %,.0f | %,.0f |",
                    row.store(), row.users(), row.createsPerSecond(), row.editsPerSecond()));
            for (String query : UserGrowth.QUERIES.keySet()) {
                UserGrowth.Latency latency = row.queries().get(query);
                md.append(format(" %.1f (%.1f) |", latency.medianMs(), latency.p90Ms()));
            }
            md.append(format(" %.2f |%n", row.baselineMedianMs()));
        }
        md.append("\n*growth*: users created through the API (admin, 8 at once, bcrypt cost 4), then at each size "
                + "admin edits for the phase's seconds, then each read once after an edit (so never from the "
                + "response cache): median (p90) of the samples; bare Helidon: a GET of the baseline after each.\n");
        md.append(durabilityCost(report.growth()));
        return md.toString();
    }

    /**
     * Writes on the durable embedded store against the same writes on the store as it was before durable
     * acknowledgements (H2's background commit), at the size both reached; empty when either is missing.
     */
    static String durabilityCost(List<UserGrowth.Row> rows) {
        for (UserGrowth.Row before : rows) {
            if (!before.store().equals(UserGrowth.BACKGROUND_COMMIT_STORE)) {
                continue;
            }
            for (UserGrowth.Row after : rows) {
                if (after.store().equals("embedded") && after.users() == before.users()) {
                    return format(
                            "\n*durability cost*: up to %,d users, the embedded store answering each write only once "
                                    + "it is on disk made %,.0f creates/s and %,.0f edits/s, against %,.0f and %,.0f "
                                    + "with H2's background commit (before): %.2f× and %.2f×.%n",
                            after.users(),
                            after.createsPerSecond(),
                            after.editsPerSecond(),
                            before.createsPerSecond(),
                            before.editsPerSecond(),
                            after.createsPerSecond() / before.createsPerSecond(),
                            after.editsPerSecond() / before.editsPerSecond());
                }
            }
        }
        return "";
    }

    /** A whole document: title and tables. */
    static String document(BenchReport report) {
        return "# bench/run results\n\nWritten by `bench/run`; method and caveats in `docs/performance.md`.\n\n"
                + tables(report);
    }

    /** A ratio as a percentage, with enough digits that a small one does not read as zero. */
    static String percent(double ratio) {
        return ratio >= 0.01 ? format("%.1f%%", 100 * ratio) : format("%.3f%%", 100 * ratio);
    }

    private static String rate(double perSecond) {
        return perSecond >= 100 ? format("%,.0f", perSecond) : format("%.2f", perSecond);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
