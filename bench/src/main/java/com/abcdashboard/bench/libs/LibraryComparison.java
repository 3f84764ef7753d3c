package com.abcdashboard.bench.libs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RedissonClient;

/**
 * {@code bench/run --libs}: our rate limiter and near cache against the libraries that do the same on
 * Redis, measured in one run on one Redis (every key under a prefix of this run's own, deleted at the
 * end). Writes {@code libs.json} and {@code libs.md} to the output directory and, given a docs file, the
 * tables between its {@code bench-libs} markers.
 *
 * <p>Arguments: {@code --redis URL} (default {@code redis://127.0.0.1:6379}), {@code --out DIR},
 * {@code --docs FILE}, {@code --seconds S} (measured seconds of each throughput run, default 3; the
 * rate limiter's runs are made twice, in two rounds over every limiter, and the better one is kept),
 * {@code --warmup S} (default 1).
 */
public final class LibraryComparison {
    static final String BEGIN = "<!-- bench-libs:begin -->";
    static final String END = "<!-- bench-libs:end -->";

    /** Everything one run measured, with where and under what load. */
    public record Results(
            Map<String, String> environment,
            List<RateLimitComparison.Throughput> rateLimitThroughput,
            List<RateLimitComparison.Contention> rateLimitContention,
            List<RateLimitComparison.RoundTrips> rateLimitRoundTrips,
            List<RateLimitComparison.Outage> rateLimitOutage,
            List<NearCacheComparison.Reads> nearCacheReads,
            List<NearCacheComparison.Invalidation> nearCacheInvalidation,
            List<NearCacheComparison.Races> nearCacheRaces,
            List<NearCacheComparison.Outage> nearCacheOutage) {}

    private LibraryComparison() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String url = options.getOrDefault("--redis", "redis://127.0.0.1:6379");
        Path out = Path.of(options.getOrDefault("--out", "bench/results"));
        Duration seconds =
                Duration.ofMillis((long) (1000 * Double.parseDouble(options.getOrDefault("--seconds", "3"))));
        Duration warmup = Duration.ofMillis((long) (1000 * Double.parseDouble(options.getOrDefault("--warmup", "1"))));
        String prefix = "bench-libs-" + System.currentTimeMillis() + "-"
                + ProcessHandle.current().pid();

        Results results;
        try {
            results = run(url, prefix, warmup, seconds);
        } finally {
            deleteKeys(url, prefix);
        }
        Files.createDirectories(out);
        new ObjectMapper()
                .findAndRegisterModules()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("libs.json").toFile(), results);
        String tables = LibraryComparisonMarkdown.tables(results);
        Files.writeString(
                out.resolve("libs.md"),
                "# bench/run --libs results\n\nWritten by `bench/run --libs`; what it measures: "
                        + "`docs/performance.md` (Our Redis code against the libraries).\n\n" + tables,
                StandardCharsets.UTF_8);
        if (options.containsKey("--docs")) {
            Path docs = Path.of(options.get("--docs"));
            Files.writeString(
                    docs,
                    replaceSection(Files.readString(docs, StandardCharsets.UTF_8), tables),
                    StandardCharsets.UTF_8);
        }
        System.out.print(tables);
        System.exit(0); // Redisson's and Lettuce's shut-down event loops may linger a few seconds
    }

    static Results run(String url, String prefix, Duration warmup, Duration seconds) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("date", Instant.now().truncatedTo(ChronoUnit.MINUTES).toString());
        environment.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        environment.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        environment.put("loadAverageBefore", loadAverage());
        environment.put("seconds", Double.toString(seconds.toMillis() / 1000.0));

        URI redis = URI.create(url);
        try (RespCountingProxy proxy = new RespCountingProxy(redis.getHost(), redis.getPort())) {
            RateLimitComparison limits = new RateLimitComparison(url, prefix + ":rl", warmup, seconds);
            // Two rounds over every kind, the better of each kept: other work on the machine comes and goes,
            // and a kind measured only once, in a busy moment, would look slower than it is.
            Map<String, RateLimitComparison.Throughput> best = new LinkedHashMap<>();
            for (int round = 1; round <= 2; round++) {
                for (RateLimitContender.Kind kind : RateLimitContender.Kind.values()) {
                    log("rate limit throughput, round " + round + ": " + kind.title);
                    for (RateLimitComparison.Throughput t : List.of(
                            limits.throughput(kind, 1, false),
                            limits.throughput(kind, 16, false),
                            limits.throughput(kind, 16, true))) {
                        best.merge(
                                t.kind() + "/" + t.threads() + "/" + t.oneKey(),
                                t,
                                (a, b) -> a.decisionsPerSecond() >= b.decisionsPerSecond() ? a : b);
                    }
                }
            }
            List<RateLimitComparison.Throughput> throughput = List.copyOf(best.values());
            List<RateLimitComparison.Contention> contention = new ArrayList<>();
            List<RateLimitComparison.RoundTrips> roundTrips = new ArrayList<>();
            for (RateLimitContender.Kind kind : RateLimitContender.Kind.values()) {
                log("rate limit contention and round trips: " + kind.title);
                contention.add(limits.contention(kind, proxy, 1, 50, 4, 100));
                contention.add(limits.contention(kind, proxy, 2, 8, 50, 100));
                roundTrips.add(RateLimitComparison.roundTrips(kind, proxy, prefix + ":rl", 2000));
            }
            log("rate limit outage: every connection cut for 3 s");
            List<RateLimitComparison.Outage> limitOutage =
                    RateLimitComparison.outage(proxy, prefix + ":rl", Duration.ofSeconds(3));

            NearCacheComparison caches = new NearCacheComparison(url, prefix + ":nc", warmup, seconds);
            List<NearCacheComparison.Reads> reads = new ArrayList<>();
            List<NearCacheComparison.Invalidation> invalidation = new ArrayList<>();
            List<NearCacheComparison.Races> races = new ArrayList<>();
            for (NearCacheContender.Kind kind : NearCacheContender.Kind.values()) {
                log("near cache: " + kind.title);
                reads.add(caches.reads(kind, 1));
                reads.add(caches.reads(kind, 16));
                invalidation.add(caches.invalidation(kind, 200));
                races.add(caches.races(kind, seconds));
            }
            log("near cache outage: every connection cut for 4 s, then 6 s of reads");
            List<NearCacheComparison.Outage> cacheOutage =
                    NearCacheComparison.outage(proxy, prefix + ":nc", Duration.ofSeconds(4), Duration.ofSeconds(6));
            environment.put("loadAverageAfter", loadAverage());
            return new Results(
                    environment,
                    throughput,
                    contention,
                    roundTrips,
                    limitOutage,
                    reads,
                    invalidation,
                    races,
                    cacheOutage);
        }
    }

    /** The document with the text between the markers replaced; refused if they are absent. */
    static String replaceSection(String document, String section) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("The document has no " + BEGIN + " ... " + END + " section");
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + section + document.substring(end);
    }

    /** Deletes this run's keys, and only those. */
    private static void deleteKeys(String url, String prefix) {
        RedissonClient client = RedisClients.redisson(url);
        try {
            client.getKeys().deleteByPattern("*" + prefix + "*"); // Redisson names some keys {name}:...
        } finally {
            client.shutdown();
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void log(String message) {
        System.err.printf("%s libs: %s%n", java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS), message);
    }
}
