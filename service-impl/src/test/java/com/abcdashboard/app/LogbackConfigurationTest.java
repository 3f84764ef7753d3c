package com.abcdashboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * The shipped logback.xml, loaded into a context of its own (the test JVM's logging is left alone):
 * request threads only queue their lines, and still none is lost or mislabelled.
 */
class LogbackConfigurationTest {
    private static final int THREADS = 8;
    private static final int LINES_PER_THREAD = 2_500; // 20,000 in all: the queues (8,192) overflow

    @TempDir
    Path logs;

    @Test
    void everyLineReachesTheFileWithItsOwnCorrelationIdEvenWhenTheQueueOverflows() throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("LOG_DIR", logs.toString());
        context.putProperty("LOG_LEVEL", "INFO");
        context.putProperty("CONSOLE_THRESHOLD", "OFF");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        context.setMDCAdapter(MDC.getMDCAdapter()); // the one MDC.put below writes to
        context.start();
        Logger access = context.getLogger("access");

        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> writers = new java.util.ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < LINES_PER_THREAD; i++) {
                        MDC.put("correlationId", "t" + thread + "-" + i);
                        access.info("line {} {}", thread, i);
                        MDC.remove("correlationId");
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }
        // What the process does last before it exits (LoggingSetup.flush): the queues are drained.
        context.stop();

        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(logs.resolve("combined.log"));
        assertThat(lines).hasSize(THREADS * LINES_PER_THREAD);
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            String[] words = event.get("message").asText().split(" ");
            assertThat(event.get("correlationId").asText()).isEqualTo("t" + words[1] + "-" + words[2]);
        }
        assertThat(Files.readString(logs.resolve("error.log"))).isEmpty();
    }
}
