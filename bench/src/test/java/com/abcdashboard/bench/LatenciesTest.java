package com.abcdashboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        long[] oneToHundredMillis =
                LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();

        Latencies latencies = Latencies.of(oneToHundredMillis);

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50()).isEqualTo(50.0);
        assertThat(latencies.p90()).isEqualTo(90.0);
        assertThat(latencies.p99()).isEqualTo(99.0);
        assertThat(latencies.p999()).isEqualTo(100.0);
        assertThat(latencies.max()).isEqualTo(100.0);
        assertThat(latencies.mean()).isEqualTo(50.5);
    }

    @Test
    void theOrderOfRecordingDoesNotMatter() {
        Latencies latencies = Latencies.of(new long[] {3_000_000, 1_000_000, 2_000_000});

        assertThat(latencies.p50()).isEqualTo(2.0);
        assertThat(latencies.max()).isEqualTo(3.0);
    }

    @Test
    void noSamplesGiveZeros() {
        assertThat(Latencies.of(new long[0])).isEqualTo(new Latencies(0, 0, 0, 0, 0, 0, 0));
    }
}
