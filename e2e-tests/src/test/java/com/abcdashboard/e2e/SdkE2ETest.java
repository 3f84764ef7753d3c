package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.abcdashboard.client.ApiClient;
import com.abcdashboard.client.ApiException;
import com.abcdashboard.client.ApiResponse;
import com.abcdashboard.client.api.HealthApi;
import com.abcdashboard.client.model.DatabaseHealthDto;
import com.abcdashboard.client.model.HealthReportDto;
import com.abcdashboard.client.model.HealthStatusDto;
import com.abcdashboard.client.model.ProbeCheckDto;
import com.abcdashboard.client.model.ProbeReportDto;
import com.abcdashboard.client.model.ProbeStatusDto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated Java SDK against the running service, as an integrator would use it. */
@ExtendWith(RunningService.class)
class SdkE2ETest {

    private static HealthApi healthApi(String baseUri) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        return new HealthApi(client);
    }

    private static HealthApi healthApi() {
        return healthApi(RunningService.baseUri().toString());
    }

    @Test
    void theSdkReadsTheHealthReport() throws ApiException {
        HealthReportDto report = healthApi().getHealth(null);

        assertThat(report.getStatus()).isEqualTo(HealthStatusDto.HEALTHY);
        assertThat(report.getVersion()).isEqualTo(RunningService.serviceVersion());
        assertThat(report.getTimestamp()).isNotNull();
        assertThat(report.getDatabase().getStatus()).isEqualTo(DatabaseHealthDto.StatusEnum.CONNECTED);
        assertThat(report.getDatabase().getResponseTime()).isNotNegative();
        assertThat(report.getMemory().getUsed()).isPositive();
    }

    @Test
    void theSdkReadsTheLivenessProbe() throws ApiException {
        ProbeReportDto live = healthApi().getLiveness(null);

        assertThat(live.getStatus()).isEqualTo(ProbeStatusDto.UP);
        assertThat(live.getChecks()).extracting(ProbeCheckDto::getName).contains("deadlock");
    }

    @Test
    void theSdkReadsTheReadinessProbeAndTheEchoedCorrelationId() throws ApiException {
        ApiResponse<ProbeReportDto> ready = healthApi().getReadinessWithHttpInfo("sdk-trace-1");

        assertThat(ready.getStatusCode()).isEqualTo(200);
        assertThat(ready.getData().getStatus()).isEqualTo(ProbeStatusDto.UP);
        assertThat(ready.getData().getChecks())
                .extracting(ProbeCheckDto::getName)
                .contains("lifecycle", "mongodb");
        assertThat(ready.getHeaders().get("x-correlation-id")).containsExactly("sdk-trace-1");
    }

    @Test
    void anErrorStatusSurfacesAsAnApiExceptionWithTheStatusCodeAndTheEnvelope() throws Exception {
        // An integrator's misconfigured base URL: every call lands on a route the service does not have.
        HealthApi misconfigured = healthApi(RunningService.baseUri() + "/not-the-api");

        ApiException failure = catchThrowableOfType(ApiException.class, () -> misconfigured.getHealth("sdk-404"));

        assertThat(failure.getCode()).isEqualTo(404);
        assertThat(failure.getResponseHeaders().firstValue("x-correlation-id")).hasValue("sdk-404");
        JsonNode envelope = new ObjectMapper().readTree(failure.getResponseBody());
        assertThat(envelope.path("success").asBoolean(true)).isFalse();
        assertThat(envelope.path("error").path("code").asInt()).isEqualTo(404);
        assertThat(envelope.path("error").path("category").asText()).isEqualTo("NOT_FOUND");
        assertThat(envelope.path("correlationId").asText()).isEqualTo("sdk-404");
    }
}
