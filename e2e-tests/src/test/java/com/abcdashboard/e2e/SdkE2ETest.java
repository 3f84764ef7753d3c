package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.client.ApiClient;
import com.abcdashboard.client.ApiResponse;
import com.abcdashboard.client.api.HealthApi;
import com.abcdashboard.client.model.DatabaseHealth;
import com.abcdashboard.client.model.HealthReport;
import com.abcdashboard.client.model.HealthStatus;
import com.abcdashboard.client.model.ProbeReport;
import com.abcdashboard.client.model.ProbeStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated Java SDK against the running service: the SDK is a consumer of the same spec. */
@ExtendWith(RunningService.class)
class SdkE2ETest {
    private HealthApi health;

    @BeforeEach
    void connect() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RunningService.baseUri().toString());
        health = new HealthApi(client);
    }

    @Test
    void theSdkReadsTheHealthReport() throws Exception {
        HealthReport report = health.getHealth(null);

        assertThat(report.getStatus()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.getDatabase().getStatus()).isEqualTo(DatabaseHealth.StatusEnum.CONNECTED);
        assertThat(report.getTimestamp()).isNotNull();
    }

    @Test
    void theSdkReadsBothProbesAndTheCorrelationHeader() throws Exception {
        ApiResponse<ProbeReport> ready = health.getReadinessWithHttpInfo("sdk-trace-1");
        ProbeReport live = health.getLiveness(null);

        assertThat(ready.getStatusCode()).isEqualTo(200);
        assertThat(ready.getData().getStatus()).isEqualTo(ProbeStatus.UP);
        assertThat(ready.getHeaders().get("x-correlation-id")).containsExactly("sdk-trace-1");
        assertThat(live.getStatus()).isEqualTo(ProbeStatus.UP);
    }
}
