package com.abcdashboard.bench.libs;

import java.util.Locale;
import java.util.Map;

/** The library comparison as Markdown tables, every number from one run's {@link LibraryComparison.Results}. */
final class LibraryComparisonMarkdown {
    private LibraryComparisonMarkdown() {}

    static String tables(LibraryComparison.Results r) {
        Map<String, String> env = r.environment();
        StringBuilder md = new StringBuilder();
        md.append(format(
                "Measured %s on %s cores, %s; load average %s before, %s after (other work on the machine: "
                        + "compare the rows of one run, not absolute numbers between runs); %s s per throughput run.%n%n",
                env.get("date"),
                env.get("cores"),
                env.get("java"),
                env.get("loadAverageBefore"),
                env.get("loadAverageAfter"),
                env.get("seconds")));

        md.append(
                "**Rate limiter: decisions** (one instance; far from the limit; one key per caller, or all on one; the better of two rounds)\n\n");
        md.append("| limiter | callers | keys | decisions/s | vs ours | p50 µs | p99 µs | Redis failed, let through |\n"
                + "|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (RateLimitComparison.Throughput t : r.rateLimitThroughput()) {
            double ours = r.rateLimitThroughput().stream()
                    .filter(o -> o.kind().equals("OURS") && o.threads() == t.threads() && o.oneKey() == t.oneKey())
                    .mapToDouble(RateLimitComparison.Throughput::decisionsPerSecond)
                    .findFirst()
                    .orElse(0);
            md.append(format(
                    "| %s | %d | %s | %,.0f | %s | %.0f | %.0f | %,d |%n",
                    title(t.kind()),
                    t.threads(),
                    t.oneKey() ? "one" : "one each",
                    t.decisionsPerSecond(),
                    ours == 0 ? "—" : format("%.2f×", t.decisionsPerSecond() / ours),
                    1000 * t.latency().p50(),
                    1000 * t.latency().p99(),
                    t.failedOpen()));
        }

        md.append("\n**Rate limiter: exactness, headers, Redis commands** (limit 100 a minute, one key; through a "
                + "command-counting proxy)\n\n");
        md.append("| limiter | instances × callers × hits | admitted | Remaining after | Reset after | "
                + "commands / decision (contended) | commands / decision (one caller, far from the limit) |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (RateLimitComparison.Contention c : r.rateLimitContention()) {
            double uncontended = r.rateLimitRoundTrips().stream()
                    .filter(t -> t.kind().equals(c.kind()))
                    .mapToDouble(RateLimitComparison.RoundTrips::commandsPerDecision)
                    .findFirst()
                    .orElse(-1);
            md.append(format(
                    "| %s | %d × %d × %d | %d of %d%s | %s | %s | %.2f | %.3f |%n",
                    title(c.kind()),
                    c.instances(),
                    c.threads(),
                    c.hits(),
                    c.admitted(),
                    c.limit(),
                    c.failedOpen() > 0 ? format(" (%d let through after a 1 s timeout)", c.failedOpen()) : "",
                    c.remainingReported() < 0 ? "—" : Long.toString(c.remainingReported()),
                    c.resetReportedMs() < 0 ? "—" : format("%.1f s", c.resetReportedMs() / 1000.0),
                    c.commandsPerDecision(),
                    uncontended));
        }

        md.append("\n**Rate limiter: Redis cut off for 3 s** (a decision every 10 ms; a failure lets the request "
                + "through)\n\n");
        md.append(
                "| limiter | decisions | let through unchecked | p50 ms | max ms | answers from Redis again after |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (RateLimitComparison.Outage o : r.rateLimitOutage()) {
            md.append(format(
                    "| %s | %d | %d | %.2f | %.0f | %s |%n",
                    title(o.kind()),
                    o.decisions(),
                    o.failedOpen(),
                    o.latency().p50(),
                    o.latency().max(),
                    o.recoveredAfterMs() < 0 ? "not within 30 s" : format("%.0f ms", o.recoveredAfterMs())));
        }

        md.append("\n**Near cache: reads** (1,000 warm keys, copies of at most 1 s, one instance)\n\n");
        md.append("| cache | callers | reads/s | vs ours | p50 µs | p99 µs |\n|---|---:|---:|---:|---:|---:|\n");
        for (NearCacheComparison.Reads read : r.nearCacheReads()) {
            double ours = r.nearCacheReads().stream()
                    .filter(o -> o.kind().equals("OURS") && o.threads() == read.threads())
                    .mapToDouble(NearCacheComparison.Reads::readsPerSecond)
                    .findFirst()
                    .orElse(0);
            md.append(format(
                    "| %s | %d | %,.0f | %s | %.1f | %.1f |%n",
                    cacheTitle(read.kind()),
                    read.threads(),
                    read.readsPerSecond(),
                    ours == 0 ? "—" : format("%.2f×", read.readsPerSecond() / ours),
                    1000 * read.latency().p50(),
                    1000 * read.latency().p99()));
        }

        md.append("\n**Near cache: coherence between two instances**\n\n");
        md.append("| cache | invalidation seen by the other instance: p50 / p99 / max ms | writes, reads under "
                + "concurrent writes | stale reads (older than a finished write) | longest stale | keys stale 3 s "
                + "after the last write |\n|---|---|---|---:|---:|---:|\n");
        for (NearCacheComparison.Invalidation inv : r.nearCacheInvalidation()) {
            NearCacheComparison.Races race = r.nearCacheRaces().stream()
                    .filter(x -> x.kind().equals(inv.kind()))
                    .findFirst()
                    .orElseThrow();
            md.append(format(
                    "| %s | %.2f / %.2f / %.2f%s | %,d, %,d | %,d | %.1f ms | %d of %d |%n",
                    cacheTitle(inv.kind()),
                    inv.delay().p50(),
                    inv.delay().p99(),
                    inv.delay().max(),
                    inv.notSeenWithin5s() > 0 ? format(" (%d not within 5 s)", inv.notSeenWithin5s()) : "",
                    race.writes(),
                    race.reads(),
                    race.staleReads(),
                    race.maxStaleMs(),
                    race.keysStaleAfterQuiet(),
                    race.keys()));
        }

        md.append("\n**Near cache: Redis cut off for 4 s, a write meanwhile** (the other instance reads every 5 ms "
                + "during the cut and 6 s after)\n\n");
        md.append("| cache | reads during the cut | last stale read, ms after the write | reads after | stale "
                + "reads after Redis is back | still stale at the end | slowest read ms |\n");
        md.append("|---|---:|---:|---:|---:|---|---:|\n");
        for (NearCacheComparison.Outage o : r.nearCacheOutage()) {
            md.append(format(
                    "| %s | %d | %.0f | %d | %d | %s | %.0f |%n",
                    cacheTitle(o.kind()),
                    o.readsDuringCut(),
                    o.lastStaleDuringCutMs(),
                    o.readsAfterRestore(),
                    o.staleReadsAfterRestore(),
                    o.staleAtEnd() ? "**yes**" : "no",
                    o.maxReadMs()));
        }
        return md.toString();
    }

    private static String title(String kind) {
        return RateLimitContender.Kind.valueOf(kind).title;
    }

    private static String cacheTitle(String kind) {
        return NearCacheContender.Kind.valueOf(kind).title;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
