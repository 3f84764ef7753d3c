package com.abcdashboard.bench;

import java.util.Arrays;

/** Summary of recorded latencies (nanoseconds): nearest-rank percentiles, maximum and mean, in milliseconds. */
public record Latencies(long count, double p50, double p90, double p99, double p999, double max, double mean) {

    public static Latencies of(long[] nanos) {
        if (nanos.length == 0) {
            return new Latencies(0, 0, 0, 0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new Latencies(
                sorted.length,
                millis(percentile(sorted, 50)),
                millis(percentile(sorted, 90)),
                millis(percentile(sorted, 99)),
                millis(percentile(sorted, 99.9)),
                millis(sorted[sorted.length - 1]),
                sum / sorted.length / 1e6);
    }

    /** Nearest rank: the smallest value with at least {@code p} percent of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
