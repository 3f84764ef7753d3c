package com.abcdashboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
    @TempDir
    Path runDir;

    /** A run directory as bench/run leaves it; every number below is made up for the test. */
    private void writeRun(double profileRate, double floodLogins, double at80P99, long refreshNon2xx, long idleRssKb)
            throws IOException {
        Files.writeString(
                runDir.resolve("facts.properties"),
                String.join(
                        "\n",
                        "env.date=2026-01-01T00:00Z",
                        "env.cores=2",
                        "env.commit=abc1234",
                        "service.readyMs=2500",
                        "baseline.readyMs=700",
                        "service.rssIdleKb=" + idleRssKb,
                        "service.rssAfterLoadKb=409600",
                        "service.rssPeakKb=419840",
                        "baseline.rssIdleKb=102400",
                        "phase.baseline.connections=32",
                        "phase.live.connections=32",
                        "phase.profile.connections=32",
                        "phase.users.connections=32",
                        "phase.login.connections=8",
                        "phase.refresh.connections=8",
                        "phase.flood-login.connections=8",
                        "phase.profile.otherCpuPercent=7.5",
                        "phase.bcrypt.otherCpuPercent=0.5",
                        ""));
        wrk("baseline", 100_000, 0);
        wrk("live", 20_000, 0);
        wrk("profile", profileRate, 0);
        wrk("users", 2_000, 0);
        wrk("login", 8, 0);
        wrk("refresh", 2_500, refreshNon2xx);
        wrk("flood-login", floodLogins, 0);
        rate("profile-80", profileRate * 0.8, at80P99);
        rate("flood-profile", 100, 12.5);
        Files.writeString(runDir.resolve("bcrypt.json"), "{\"cost\":12,\"threads\":2,\"perSecond\":9.0}");
    }

    private void wrk(String id, double rate, long non2xx) throws IOException {
        Files.writeString(
                runDir.resolve("wrk-" + id + ".json"),
                String.format(
                        Locale.ROOT,
                        "{\"requests\":%d,\"seconds\":15.0,\"requestsPerSecond\":%.2f,"
                                + "\"latencyMs\":{\"p50\":1.5,\"p99\":9.0,\"max\":20.0},"
                                + "\"errors\":{\"connect\":0,\"read\":0,\"write\":0,\"timeout\":0,\"status\":0},"
                                + "\"non2xx\":%d}",
                        (long) (rate * 15),
                        rate,
                        non2xx == 0 ? -1 : non2xx));
    }

    private void rate(String id, double rate, double p99) throws IOException {
        Files.writeString(
                runDir.resolve("rate-" + id + ".json"),
                String.format(
                        Locale.ROOT,
                        "{\"targetRate\":%.1f,\"achievedRate\":%.1f,\"connections\":16,\"seconds\":15.0,"
                                + "\"requests\":%d,\"non2xx\":0,\"socketErrors\":0,"
                                + "\"latencyMs\":{\"p50\":1.0,\"p99\":%.3f,\"max\":30.0}}",
                        rate,
                        rate,
                        (long) (rate * 15),
                        p99));
    }

    @Test
    void ratiosAreFormedAgainstTheBaselineOfTheSameRun() throws IOException {
        writeRun(60_000, 8.5, 5, 0, 200 * 1024);

        BenchReport report = BenchReport.load(runDir);

        assertThat(report.phase("baseline").ratioToBaseline()).isEqualTo(1.0);
        assertThat(report.phase("profile").ratioToBaseline()).isEqualTo(0.6);
        assertThat(report.phase("profile-80").ratioToBaseline()).isNull();
        assertThat(report.bcrypt().floodLoginRatio()).isCloseTo(8.5 / 9.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(report.memory().serviceIdleRssMiB()).isEqualTo(200.0);
    }

    @Test
    void theRunWithoutRedisIsAnOptionalPhaseNamedBesideTheProfileTarget() throws IOException {
        writeRun(40_000, 8.5, 5, 0, 200 * 1024);
        assertThat(BenchReport.load(runDir).phases())
                .extracting(PhaseResult::id)
                .doesNotContain("profile-memory");

        Files.writeString(
                runDir.resolve("facts.properties"),
                Files.readString(runDir.resolve("facts.properties")) + "phase.profile-memory.connections=32\n");
        wrk("profile-memory", 45_000, 0);
        BenchReport report = BenchReport.load(runDir);

        assertThat(report.phase("profile-memory").ratioToBaseline()).isEqualTo(0.45);
        assertThat(report.targets())
                .filteredOn(t -> t.id().equals("profile-vs-baseline"))
                .singleElement()
                .satisfies(t -> assertThat(t.measured()).endsWith("; without Redis 45.0%"));
    }

    @Test
    void lowerFixedRatesAreOptionalPhasesListedBeforeTheEightyPercentOne() throws IOException {
        writeRun(60_000, 8.5, 5, 0, 200 * 1024);
        assertThat(BenchReport.load(runDir).phases())
                .extracting(PhaseResult::id)
                .doesNotContain("profile-50");

        rate("profile-50", 15_000, 3.0);
        rate("profile-65", 19_500, 6.0);

        assertThat(BenchReport.load(runDir).phases())
                .extracting(PhaseResult::id)
                .containsSubsequence("profile-50", "profile-65", "profile-80");
    }

    @Test
    void aRunMeetingEveryTargetPassesThemAll() throws IOException {
        writeRun(60_000, 8.5, 5, 0, 200 * 1024);

        assertThat(BenchReport.load(runDir).missed()).isEmpty();
    }

    @Test
    void eachMissedTargetIsNamed() throws IOException {
        writeRun(40_000, 7.0, 25, 3, 300 * 1024);

        assertThat(BenchReport.load(runDir).missed())
                .containsOnlyKeys(
                        "profile-vs-baseline", "p99-at-80-percent", "login-vs-bcrypt", "zero-errors", "idle-rss");
    }

    @Test
    void aScriptsOwnNon2xxCountIsAnError() throws IOException {
        writeRun(60_000, 8.5, 5, 3, 200 * 1024);

        BenchReport report = BenchReport.load(runDir);

        assertThat(report.phase("refresh").errors()).isEqualTo(3);
        assertThat(report.targets())
                .filteredOn(t -> t.id().equals("zero-errors"))
                .singleElement()
                .satisfies(t -> assertThat(t.measured()).contains("refresh: 3"));
    }

    @Test
    void phasesDisturbedByOtherProcessesAreReported() throws IOException {
        writeRun(60_000, 8.5, 5, 0, 200 * 1024);

        BenchReport report = BenchReport.load(runDir);

        assertThat(report.disturbed()).containsOnlyKeys("profile");
        assertThat(ResultsMarkdown.tables(report))
                .contains("**Disturbed run:**")
                .contains("profile (7.5%)");
    }

    @Test
    void aMissingPhaseFileIsNamed() throws IOException {
        writeRun(60_000, 8.5, 5, 0, 200 * 1024);
        Files.delete(runDir.resolve("wrk-users.json"));

        assertThatThrownBy(() -> BenchReport.load(runDir)).hasMessageContaining("wrk-users.json");
    }

    @Test
    void writesTheTablesTheChartAndTheDocsSection(@TempDir Path out) throws IOException {
        writeRun(60_000, 8.5, 5, 0, 200 * 1024);
        Path docs = out.resolve("performance.md");
        Files.writeString(docs, "# Perf\n\n" + WriteResults.BEGIN + "\nold\n" + WriteResults.END + "\n\nafter\n");

        WriteResults.main(new String[] {runDir.toString(), out.toString(), docs.toString()});

        assertThat(Files.readString(out.resolve("latest.md")))
                .contains(
                        "| profile (JWT + cached user) | `GET /api/v1/auth/profile` | wrk, 32 conns | 60,000 | 60.0% |");
        assertThat(Files.readString(out.resolve("latest.json"))).contains("\"ratioToBaseline\" : 0.6");
        BufferedImage chart = ImageIO.read(out.resolve("latest.png").toFile());
        assertThat(chart.getWidth()).isPositive();
        String updated = Files.readString(docs);
        assertThat(updated)
                .doesNotContain("old")
                .contains("60,000")
                .startsWith("# Perf")
                .endsWith("after\n");
    }

    @Test
    void aDocumentWithoutTheMarkersIsRefused() {
        assertThatThrownBy(() -> WriteResults.replaceSection("# no markers", "table"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
