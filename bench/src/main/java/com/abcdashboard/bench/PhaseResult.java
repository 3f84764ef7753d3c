package com.abcdashboard.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One measured phase of bench/run, whichever tool measured it: throughput, latency and errors, plus the
 * ratio to the baseline's throughput when the phase is a closed-loop (maximum throughput) run.
 *
 * @param errors every request that did not get a 2xx answer: non-2xx statuses plus socket errors
 *     (connect, read, write, timeout)
 * @param ratioToBaseline null for runs at a fixed rate, whose throughput is chosen, not measured
 * @param otherCpuPercent CPU used during the phase by processes that are not part of the run, in percent
 *     of all cores (null: not measured); more than a few percent means the numbers are disturbed
 * @param generatorCpuPercent CPU of the constant-rate generator itself during the phase, in percent of all
 *     cores (null for wrk phases)
 */
public record PhaseResult(
        String id,
        String title,
        String request,
        String tool,
        int connections,
        double seconds,
        long requests,
        double requestsPerSecond,
        double p50Ms,
        double p99Ms,
        double maxMs,
        long errors,
        Double targetRate,
        Double ratioToBaseline,
        Double otherCpuPercent,
        Double generatorCpuPercent) {

    /** From the JSON report.lua writes for a wrk run. */
    static PhaseResult fromWrk(
            String id, String title, String request, int connections, Double otherCpuPercent, JsonNode wrk) {
        JsonNode latency = wrk.path("latencyMs");
        JsonNode e = wrk.path("errors");
        long socket = e.path("connect").asLong()
                + e.path("read").asLong()
                + e.path("write").asLong()
                + e.path("timeout").asLong();
        // wrk counts statuses >= 400; a script that counts non-2xx itself (refresh.lua) reports its own.
        long status = Math.max(e.path("status").asLong(), wrk.path("non2xx").asLong(-1));
        return new PhaseResult(
                id,
                title,
                request,
                "wrk",
                connections,
                wrk.path("seconds").asDouble(),
                wrk.path("requests").asLong(),
                wrk.path("requestsPerSecond").asDouble(),
                latency.path("p50").asDouble(),
                latency.path("p99").asDouble(),
                latency.path("max").asDouble(),
                socket + status,
                null,
                null,
                otherCpuPercent,
                null);
    }

    /** From the JSON {@link ConstantRateLoad} prints. */
    static PhaseResult fromConstantRate(String id, String title, String request, Double otherCpuPercent, JsonNode run) {
        JsonNode latency = run.path("latencyMs");
        return new PhaseResult(
                id,
                title,
                request,
                "constant rate",
                run.path("connections").asInt(),
                run.path("seconds").asDouble(),
                run.path("requests").asLong(),
                run.path("achievedRate").asDouble(),
                latency.path("p50").asDouble(),
                latency.path("p99").asDouble(),
                latency.path("max").asDouble(),
                run.path("non2xx").asLong() + run.path("socketErrors").asLong(),
                run.path("targetRate").asDouble(),
                null,
                otherCpuPercent,
                run.path("generatorCpuPercent").asDouble());
    }

    PhaseResult withRatioTo(PhaseResult baseline) {
        double ratio = baseline.requestsPerSecond() == 0 ? 0 : requestsPerSecond / baseline.requestsPerSecond();
        return new PhaseResult(
                id,
                title,
                request,
                tool,
                connections,
                seconds,
                requests,
                requestsPerSecond,
                p50Ms,
                p99Ms,
                maxMs,
                errors,
                targetRate,
                ratio,
                otherCpuPercent,
                generatorCpuPercent);
    }
}
