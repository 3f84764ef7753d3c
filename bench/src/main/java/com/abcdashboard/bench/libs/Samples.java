package com.abcdashboard.bench.libs;

import com.abcdashboard.bench.Latencies;
import java.util.Arrays;
import java.util.List;

/** Latencies one thread recorded, in nanoseconds; kept in a growing array (no boxing on the measured path). */
final class Samples {
    private long[] nanos = new long[1 << 16];
    private int size;

    void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    int size() {
        return size;
    }

    /** The summary of every thread's samples together. */
    static Latencies summary(List<Samples> all) {
        int total = all.stream().mapToInt(Samples::size).sum();
        long[] merged = new long[total];
        int at = 0;
        for (Samples samples : all) {
            System.arraycopy(samples.nanos, 0, merged, at, samples.size);
            at += samples.size;
        }
        return Latencies.of(merged);
    }
}
