package com.abcdashboard.http;

import com.abcdashboard.mapping.HealthMapper;
import com.abcdashboard.observability.HealthReporter;
import com.abcdashboard.observability.Probes;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/** Implements the generated {@link HealthService}: the detailed report and the two probes. */
public final class HealthHandler extends HealthService {
    private final HealthReporter reporter;
    private final Probes probes;
    private final HealthMapper mapper = HealthMapper.INSTANCE;

    public HealthHandler(HealthReporter reporter, Probes probes) {
        this.reporter = reporter;
        this.probes = probes;
    }

    @Override
    protected void handleGetHealth(ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        HealthReporter.Report report = reporter.report();
        if (report.status() == HealthReporter.Status.UNHEALTHY) {
            GetHealthOp.Response503.builder().response(mapper.toDto(report)).send(response);
        } else {
            GetHealthOp.Response200.builder().response(mapper.toDto(report)).send(response);
        }
    }

    @Override
    protected void handleGetLiveness(ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        Probes.ProbeResult result = probes.run(HealthCheckType.LIVENESS);
        if (result.up()) {
            GetLivenessOp.Response200.builder().response(mapper.toDto(result)).send(response);
        } else {
            GetLivenessOp.Response503.builder().response(mapper.toDto(result)).send(response);
        }
    }

    @Override
    protected void handleGetReadiness(ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        Probes.ProbeResult result = probes.run(HealthCheckType.READINESS);
        if (result.up()) {
            GetReadinessOp.Response200.builder().response(mapper.toDto(result)).send(response);
        } else {
            GetReadinessOp.Response503.builder().response(mapper.toDto(result)).send(response);
        }
    }

    @Override
    public void afterStop() {
        // The generated default prints to stdout; shutdown is logged by the application.
    }
}
