package com.abcdashboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsMarkdownTest {
    private static UserGrowth.Row row(String store, int users, double creates, double edits) {
        return new UserGrowth.Row(store, users, creates, edits, 0.2, Map.of());
    }

    @Test
    void theDurabilityCostComparesBothStoresAtTheSizeBothReached() {
        String line = ResultsMarkdown.durabilityCost(List.of(
                row(UserGrowth.BACKGROUND_COMMIT_STORE, 1_000, 400, 300),
                row("embedded", 1_000, 200, 240),
                row("embedded", 10_000, 100, 120)));

        assertThat(line)
                .contains("up to 1,000 users")
                .contains("200 creates/s and 240 edits/s, against 400 and 300")
                .contains("0.50× and 0.80×");
    }

    @Test
    void withoutTheStoreBeforeThereIsNoDurabilityLine() {
        assertThat(ResultsMarkdown.durabilityCost(List.of(row("embedded", 1_000, 200, 240))))
                .isEmpty();
    }
}
