package com.abcdashboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Everything one bench/run measured, read from its run directory ({@code facts.properties} written by the
 * script, one JSON file per phase written by wrk's report.lua, {@link ConstantRateLoad} and {@link
 * BcryptRate}), with the ratios formed and the targets checked. Every number comes from those
 * files; nothing here is a remembered result.
 */
public record BenchReport(
        Map<String, String> environment,
        Startup startup,
        Memory memory,
        Bcrypt bcrypt,
        List<PhaseResult> phases,
        List<TargetCheck> targets,
        List<UserGrowth.Row> growth) {

    public static final double PROFILE_RATIO_TARGET = 0.50;
    public static final double P99_AT_80_TARGET_MS = 20;
    public static final double LOGIN_RATIO_TARGET = 0.90;
    public static final double FLOOD_P99_TARGET_MS = 50;
    public static final double IDLE_RSS_TARGET_MIB = 256;
    public static final double GROWTH_LIST_TARGET_MS = 50;
    public static final int GROWTH_LIST_TARGET_USERS = 100_000;

    /** Time from starting the JVM to the first 200 of the readiness probe (the baseline: of its route). */
    public record Startup(double serviceReadyMs, double baselineReadyMs) {}

    /** Resident set sizes (VmRSS; peak: VmHWM) of the service and of the baseline server, in MiB. */
    public record Memory(
            double serviceIdleRssMiB,
            double serviceAfterLoadRssMiB,
            double servicePeakRssMiB,
            double baselineIdleRssMiB) {}

    /**
     * The bcrypt limit (verifications per second with one thread per core, the service's hasher and cost)
     * and sign-ins per second against it: alone, and during the flood (with the profile probe running).
     */
    public record Bcrypt(
            int cost,
            int threads,
            double verificationsPerSecond,
            double loginsPerSecond,
            double loginRatio,
            double floodLoginsPerSecond,
            double floodLoginRatio,
            Double otherCpuPercent) {}

    /** The optional ablation phase: the profile on an instance with the in-process cache instead of Redis. */
    public static final String PROFILE_WITHOUT_REDIS = "profile-memory";

    /** Above this share of the cores used by other processes during a phase, the report warns. */
    public static final double OTHER_CPU_WARNING_PERCENT = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a run directory and forms the report. */
    public static BenchReport load(Path runDir) throws IOException {
        Properties facts = new Properties();
        try (Reader reader = Files.newBufferedReader(runDir.resolve("facts.properties"), StandardCharsets.UTF_8)) {
            facts.load(reader);
        }
        PhaseResult baseline = wrk(runDir, facts, "baseline", "bare Helidon (baseline)", "GET /baseline");
        List<PhaseResult> phases = new ArrayList<>();
        phases.add(baseline.withRatioTo(baseline));
        phases.add(wrk(runDir, facts, "live", "liveness", "GET /api/v1/health/live")
                .withRatioTo(baseline));
        phases.add(wrk(runDir, facts, "profile", "profile (JWT + cached user)", "GET /api/v1/auth/profile")
                .withRatioTo(baseline));
        phases.add(wrk(runDir, facts, "users", "user list as manager", "GET /api/v1/users?limit=20")
                .withRatioTo(baseline));
        phases.add(wrk(runDir, facts, "login", "sign-in (bcrypt)", "POST /api/v1/auth/login")
                .withRatioTo(baseline));
        phases.add(wrk(runDir, facts, "refresh", "token refresh (rotation)", "POST /api/v1/auth/refresh")
                .withRatioTo(baseline));
        // Lower fixed rates, to show where the latency knee is; absent from runs made before they existed.
        for (int share : new int[] {50, 65}) {
            String id = "profile-" + share;
            if (Files.isRegularFile(runDir.resolve("rate-" + id + ".json"))) {
                phases.add(constantRate(
                        runDir, facts, id, "profile at " + share + "% of its peak", "GET /api/v1/auth/profile"));
            }
        }
        phases.add(constantRate(runDir, facts, "profile-80", "profile at 80% of its peak", "GET /api/v1/auth/profile"));
        PhaseResult floodLogin = wrk(runDir, facts, "flood-login", "sign-in flood", "POST /api/v1/auth/login")
                .withRatioTo(baseline);
        phases.add(floodLogin);
        phases.add(
                constantRate(runDir, facts, "flood-profile", "profile during the flood", "GET /api/v1/auth/profile"));
        // The ablation: a second instance without Redis (in-process cache only), beside the near cache
        // in front of Redis. Absent from runs made before it existed.
        if (Files.isRegularFile(runDir.resolve("wrk-" + PROFILE_WITHOUT_REDIS + ".json"))) {
            phases.add(wrk(
                            runDir,
                            facts,
                            PROFILE_WITHOUT_REDIS,
                            "profile, in-process cache (no Redis)",
                            "GET /api/v1/auth/profile")
                    .withRatioTo(baseline));
        }

        JsonNode bcryptRun = read(runDir.resolve("bcrypt.json"));
        double limit = bcryptRun.path("perSecond").asDouble();
        double logins = find(phases, "login").requestsPerSecond();
        Bcrypt bcrypt = new Bcrypt(
                bcryptRun.path("cost").asInt(),
                bcryptRun.path("threads").asInt(),
                limit,
                logins,
                ratio(logins, limit),
                floodLogin.requestsPerSecond(),
                ratio(floodLogin.requestsPerSecond(), limit),
                otherCpu(facts, "bcrypt"));
        Startup startup = new Startup(number(facts, "service.readyMs"), number(facts, "baseline.readyMs"));
        Memory memory = new Memory(
                mib(facts, "service.rssIdleKb"),
                mib(facts, "service.rssAfterLoadKb"),
                mib(facts, "service.rssPeakKb"),
                mib(facts, "baseline.rssIdleKb"));
        Map<String, String> environment = new TreeMap<>();
        for (String name : facts.stringPropertyNames()) {
            if (name.startsWith("env.")) {
                environment.put(name.substring("env.".length()), facts.getProperty(name));
            }
        }
        List<UserGrowth.Row> growth = Files.isRegularFile(runDir.resolve("growth.json"))
                ? List.of(JSON.readValue(runDir.resolve("growth.json").toFile(), UserGrowth.Row[].class))
                : List.of();
        List<TargetCheck> targets = new ArrayList<>(targets(phases, bcrypt, memory));
        growth.stream()
                .filter(row -> row.store().equals("embedded") && row.users() == GROWTH_LIST_TARGET_USERS)
                .findFirst()
                .ifPresent(row -> {
                    double list = row.queries().get("list").medianMs();
                    targets.add(new TargetCheck(
                            "growth-list-embedded",
                            String.format(
                                    Locale.ROOT,
                                    "users list, cache miss, embedded store, %,d users: median ≤ %.0f ms",
                                    GROWTH_LIST_TARGET_USERS,
                                    GROWTH_LIST_TARGET_MS),
                            String.format(Locale.ROOT, "%.1f ms", list),
                            list <= GROWTH_LIST_TARGET_MS));
                });
        return new BenchReport(environment, startup, memory, bcrypt, List.copyOf(phases), List.copyOf(targets), growth);
    }

    static List<TargetCheck> targets(List<PhaseResult> phases, Bcrypt bcrypt, Memory memory) {
        PhaseResult baseline = find(phases, "baseline");
        PhaseResult profile = find(phases, "profile");
        PhaseResult at80 = find(phases, "profile-80");
        PhaseResult floodProfile = find(phases, "flood-profile");
        List<TargetCheck> checks = new ArrayList<>();
        double profileRatio = ratio(profile.requestsPerSecond(), baseline.requestsPerSecond());
        checks.add(new TargetCheck(
                "profile-vs-baseline",
                "profile ≥ 50% of the baseline's req/s",
                format(
                                "%.1f%% (%,.0f of %,.0f req/s)",
                                100 * profileRatio, profile.requestsPerSecond(), baseline.requestsPerSecond())
                        + phases.stream()
                                .filter(p -> p.id().equals(PROFILE_WITHOUT_REDIS))
                                .findFirst()
                                .map(p -> format(
                                        "; without Redis %.1f%%",
                                        100 * ratio(p.requestsPerSecond(), baseline.requestsPerSecond())))
                                .orElse(""),
                profileRatio >= PROFILE_RATIO_TARGET));
        checks.add(new TargetCheck(
                "p99-at-80-percent",
                "profile p99 < 20 ms at 80% of its peak rate",
                format(
                        "p99 %.2f ms at %,.0f req/s (asked %,.0f)",
                        at80.p99Ms(), at80.requestsPerSecond(), at80.targetRate()),
                at80.p99Ms() < P99_AT_80_TARGET_MS));
        checks.add(new TargetCheck(
                "login-vs-bcrypt",
                "sign-ins during the flood ≥ 90% of the bcrypt limit",
                format(
                        "%.1f%% (%.2f logins/s of %.2f hashes/s)",
                        100 * bcrypt.floodLoginRatio(), bcrypt.floodLoginsPerSecond(), bcrypt.verificationsPerSecond()),
                bcrypt.floodLoginRatio() >= LOGIN_RATIO_TARGET));
        checks.add(new TargetCheck(
                "profile-p99-during-flood",
                "profile p99 < 50 ms during the sign-in flood",
                format("p99 %.2f ms at %,.0f req/s", floodProfile.p99Ms(), floodProfile.requestsPerSecond()),
                floodProfile.p99Ms() < FLOOD_P99_TARGET_MS));
        long errors = phases.stream().mapToLong(PhaseResult::errors).sum();
        StringBuilder where = new StringBuilder();
        phases.stream()
                .filter(p -> p.errors() > 0)
                .forEach(p -> where.append(where.isEmpty() ? " (" : ", ")
                        .append(p.id())
                        .append(": ")
                        .append(p.errors()));
        if (!where.isEmpty()) {
            where.append(')');
        }
        checks.add(new TargetCheck(
                "zero-errors",
                "no error in any phase (non-2xx or socket)",
                format(
                                "%,d errors in %,d requests",
                                errors,
                                phases.stream().mapToLong(PhaseResult::requests).sum())
                        + where,
                errors == 0));
        checks.add(new TargetCheck(
                "idle-rss",
                "service RSS at idle < 256 MiB",
                format("%.0f MiB", memory.serviceIdleRssMiB()),
                memory.serviceIdleRssMiB() < IDLE_RSS_TARGET_MIB));
        return List.copyOf(checks);
    }

    /** The phase with this id. */
    public PhaseResult phase(String id) {
        return find(phases, id);
    }

    /** Phases (and the bcrypt probe) during which other processes used a noticeable share of the CPU. */
    public Map<String, Double> disturbed() {
        Map<String, Double> disturbed = new LinkedHashMap<>();
        phases.stream()
                .filter(p -> p.otherCpuPercent() != null && p.otherCpuPercent() > OTHER_CPU_WARNING_PERCENT)
                .forEach(p -> disturbed.put(p.id(), p.otherCpuPercent()));
        if (bcrypt.otherCpuPercent() != null && bcrypt.otherCpuPercent() > OTHER_CPU_WARNING_PERCENT) {
            disturbed.put("bcrypt", bcrypt.otherCpuPercent());
        }
        return disturbed;
    }

    /** Ids and titles of the targets missed, in order; empty when all pass. */
    public Map<String, String> missed() {
        Map<String, String> missed = new LinkedHashMap<>();
        targets.stream().filter(t -> !t.pass()).forEach(t -> missed.put(t.id(), t.target()));
        return missed;
    }

    private static PhaseResult find(List<PhaseResult> phases, String id) {
        return phases.stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No phase " + id));
    }

    private static PhaseResult wrk(Path runDir, Properties facts, String id, String title, String request)
            throws IOException {
        int connections = (int) number(facts, "phase." + id + ".connections");
        return PhaseResult.fromWrk(
                id, title, request, connections, otherCpu(facts, id), read(runDir.resolve("wrk-" + id + ".json")));
    }

    private static PhaseResult constantRate(Path runDir, Properties facts, String id, String title, String request)
            throws IOException {
        return PhaseResult.fromConstantRate(
                id, title, request, otherCpu(facts, id), read(runDir.resolve("rate-" + id + ".json")));
    }

    private static Double otherCpu(Properties facts, String id) {
        String value = facts.getProperty("phase." + id + ".otherCpuPercent");
        return value == null || value.isBlank() ? null : Double.valueOf(value.trim());
    }

    private static JsonNode read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("Missing result file " + file + " (did that phase of bench/run fail?)");
        }
        return JSON.readTree(file.toFile());
    }

    private static double number(Properties facts, String name) {
        String value = facts.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("facts.properties has no " + name);
        }
        return Double.parseDouble(value.trim());
    }

    private static double mib(Properties facts, String name) {
        return number(facts, name) / 1024.0;
    }

    private static double ratio(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
