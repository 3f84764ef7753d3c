package com.abcdashboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.testsupport.TestEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A request traced by its caller can be followed into the service's log lines by the caller's trace id. */
class RequestTraceLoggingTest {
    private static final Logger ACCESS = (Logger) LoggerFactory.getLogger("access");
    private static final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Application app;

    @BeforeAll
    static void start() {
        Map<String, String> env = TestEnvironment.basics(dir);
        env.put("MONGODB_URI", "embedded:memory");
        app = Application.start(AppConfig.from(env));
        logged.start();
        ACCESS.addAppender(logged);
    }

    @AfterAll
    static void stop() {
        ACCESS.detachAppender(logged);
        app.close();
    }

    /** The MDC of the access-log line of the request that carried this correlation id. */
    private static Map<String, String> accessLineOf(String correlationId) {
        return Awaitility.await("access-log line of " + correlationId)
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> logged.list.stream()
                                .map(ILoggingEvent::getMDCPropertyMap)
                                .filter(mdc -> correlationId.equals(mdc.get("correlationId")))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static void get(String correlationId, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/api/v1/health/live"))
                .header("X-Correlation-ID", correlationId);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        assertThat(http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aW3cTraceparentBecomesTheTraceIdOfTheRequestsLogLines() throws Exception {
        get("trace-w3c", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertThat(accessLineOf("trace-w3c"))
                .containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736")
                .containsEntry("parentSpanId", "00f067aa0ba902b7");
    }

    @Test
    void theDashboardsTraceHeaderBecomesTheTraceIdOfTheRequestsLogLines() throws Exception {
        get("trace-dashboard", "X-Trace-ID", "fe_1733356800000_k3j9x2m1a", "X-Span-ID", "p0q9r8s7t");

        assertThat(accessLineOf("trace-dashboard"))
                .containsEntry("traceId", "fe_1733356800000_k3j9x2m1a")
                .containsEntry("parentSpanId", "p0q9r8s7t");
    }

    @Test
    void anUntracedRequestLeavesNoTraceIdBehind() throws Exception {
        get("traced-first", "X-Trace-ID", "fe_1_leftover");
        get("untraced-after");

        assertThat(accessLineOf("untraced-after")).doesNotContainKeys("traceId", "parentSpanId");
    }
}
