package com.abcdashboard.observability;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.util.List;
import java.util.Map;

/** Runs the liveness or readiness checks and folds them into one verdict. */
public final class Probes {
    public record CheckResult(String name, boolean up, Map<String, Object> details) {}

    public record ProbeResult(boolean up, List<CheckResult> checks) {}

    private final List<HealthCheck> checks;

    public Probes(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public ProbeResult run(HealthCheckType type) {
        List<CheckResult> results =
                checks.stream().filter(c -> c.type() == type).map(Probes::call).toList();
        return new ProbeResult(results.stream().allMatch(CheckResult::up), results);
    }

    private static CheckResult call(HealthCheck check) {
        try {
            HealthCheckResponse response = check.call();
            return new CheckResult(
                    check.name(), response.status() == HealthCheckResponse.Status.UP, response.details());
        } catch (RuntimeException e) {
            // A check that throws is a failed check, not a failed probe request.
            return new CheckResult(
                    check.name(), false, Map.of("error", e.getClass().getSimpleName()));
        }
    }
}
