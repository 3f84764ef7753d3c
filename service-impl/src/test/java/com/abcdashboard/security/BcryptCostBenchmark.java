package com.abcdashboard.security;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measures one bcrypt hash (and one verification) with {@link BcryptPasswordHasher} at given costs on
 * this machine: a few warm-up hashes, then the median, minimum and maximum of {@code samples} timed runs.
 * A harness, not a test: timings belong in a report, not in assertions.
 *
 * <p>Run from the repository root with a JDK 21+ {@code java} (the default {@code java} here may be 17;
 * {@code ./mvnw} finds JDK 25 by itself, {@code java} does not):
 *
 * <pre>
 * ./mvnw -q -B -pl service-impl -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp service-impl/target/test-classes:service-impl/target/classes:$(cat service-impl/target/test.classpath) \
 *     com.abcdashboard.security.BcryptCostBenchmark 12 4
 * </pre>
 *
 * Arguments are the costs to measure (default {@code 12 4}); {@code -Dsamples=N} sets the timed runs per
 * cost (default 15).
 */
public final class BcryptCostBenchmark {
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final int WARM_UP = 3;

    private BcryptCostBenchmark() {}

    public static void main(String[] args) {
        int samples = Integer.getInteger("samples", 15);
        int[] costs = args.length == 0
                ? new int[] {12, 4}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(
                Locale.ROOT,
                "bcrypt on %d cores, %s %s, %d samples per cost%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                samples);
        for (int cost : costs) {
            measure(cost, samples);
        }
    }

    private static void measure(int cost, int samples) {
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(cost);
        String hash = hasher.hash(PASSWORD);
        for (int i = 0; i < WARM_UP; i++) {
            hasher.hash(PASSWORD);
            hasher.matches(PASSWORD, hash);
        }
        double[] hashing = new double[samples];
        double[] verifying = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            hasher.hash(PASSWORD);
            hashing[i] = millisSince(start);
            start = System.nanoTime();
            hasher.matches(PASSWORD, hash);
            verifying[i] = millisSince(start);
        }
        report(cost, "hash", hashing);
        report(cost, "verify", verifying);
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    private static void report(int cost, String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        System.out.printf(
                Locale.ROOT,
                "cost %2d %-6s median %8.2f ms  min %8.2f ms  max %8.2f ms  (n=%d)%n",
                cost,
                what,
                median,
                sorted[0],
                sorted[n - 1],
                n);
    }
}
