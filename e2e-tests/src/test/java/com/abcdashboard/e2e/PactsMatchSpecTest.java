package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consumers' pacts against the spec, without a running service: every interaction's request must be
 * one the spec allows, and its expected response must use only documented statuses, fields, types and
 * values. A pact names only the fields its consumer reads, so missing required fields (and bodies nobody reads)
 * are not reported.
 * Together with the provider verification this keeps consumer, spec and service from drifting apart: a
 * consumer cannot come to rely on something the spec does not promise.
 */
class PactsMatchSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createForSpecificationUrl(
                    RunningService.specFile().toUri().toString())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.response.body.schema.required", ValidationReport.Level.IGNORE)
                    // An interaction whose consumer reads nothing of the answer leaves the body out.
                    .withLevel("validation.response.body.missing", ValidationReport.Level.IGNORE)
                    // The service ignores unknown query parameters (the dashboard's cache-busting `_t`).
                    .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    static Stream<Path> pacts() throws IOException {
        try (Stream<Path> files = Files.list(RunningService.repoDir().resolve("e2e-tests/pacts"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("pacts")
    void everyInteractionIsOneTheSpecDocuments(Path pact) throws IOException {
        JsonNode interactions = JSON.readTree(pact.toFile()).path("interactions");
        assertThat(interactions).as("interactions in %s", pact).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (JsonNode interaction : interactions) {
            ValidationReport report =
                    VALIDATOR.validate(request(interaction.path("request")), response(interaction.path("response")));
            report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> interaction.path("description").asText() + ": " + m.getKey() + ": " + m.getMessage())
                    .forEach(problems::add);
        }
        assertThat(problems)
                .as("interactions of %s the spec does not document", pact.getFileName())
                .isEmpty();
    }

    private static Request request(JsonNode request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(
                request.path("method").asText(), request.path("path").asText());
        request.path("query")
                .properties()
                .forEach(q -> q.getValue().forEach(v -> builder.withQueryParam(q.getKey(), v.asText())));
        headers(request).forEach(builder::withHeader);
        if (request.has("body")) {
            builder.withBody(request.get("body").toString());
        }
        return builder.build();
    }

    private static SimpleResponse response(JsonNode response) {
        SimpleResponse.Builder builder =
                SimpleResponse.Builder.status(response.path("status").asInt());
        headers(response).forEach(builder::withHeader);
        if (response.has("body")) {
            builder.withBody(response.get("body").toString());
        }
        return builder.build();
    }

    private static Map<String, String> headers(JsonNode message) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        message.path("headers")
                .properties()
                .forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        return headers;
    }
}
