package com.abcdashboard.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timeline of a fault run (what broke when, when health noticed, when it recovered, what the load
 * got), logged and written to {@code target/fault-runs/<name>.md}.
 */
final class FaultRunReport {
    private static final Logger LOG = LoggerFactory.getLogger(FaultRunReport.class);

    private final String name;
    private final Instant start = Instant.now();
    private final List<String> lines = new ArrayList<>();

    FaultRunReport(String name) {
        this.name = name;
    }

    /** Notes an event at the time since the run started. */
    void note(String event) {
        String line = String.format(
                Locale.ROOT,
                "%6.2f s  %s",
                Duration.between(start, Instant.now()).toMillis() / 1000.0,
                event);
        lines.add(line);
        LOG.info("{}: {}", name, line);
    }

    void write() throws IOException {
        Path dir = Path.of(System.getProperty("fault.reports.dir", "fault-runs"));
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve(name + ".md"),
                "# " + name + "\n\n```\n" + String.join("\n", lines) + "\n```\n",
                StandardCharsets.UTF_8);
    }
}
