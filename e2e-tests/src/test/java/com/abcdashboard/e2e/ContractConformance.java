package com.abcdashboard.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The spec as the referee of every answer the suite receives; {@link Api} applies it to every request.
 *
 * <ul>
 *   <li>Every response carries a valid {@code X-Correlation-ID}, and an error body names the same id.
 *   <li>The response of a documented operation validates against the spec (status, headers, body), with
 *       Atlassian's swagger-request-validator.
 *   <li>A route the spec does not document (unknown path, wrong method) can only be checked for what every
 *       error promises: its body is the spec's {@code ErrorResponse}.
 * </ul>
 *
 * Requests are not validated: the suite sends invalid ones on purpose, to pin how the service answers them.
 */
final class ContractConformance implements Filter {
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final String PATH_MISSING = "validation.request.path.missing";
    private static final String OPERATION_NOT_ALLOWED = "validation.request.operation.notAllowed";
    private static final Set<String> UNDOCUMENTED = Set.of(PATH_MISSING, OPERATION_NOT_ALLOWED);

    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;
    private final Schema<?> errorResponse;
    private final ObjectMapper json = new ObjectMapper();

    ContractConformance(Path specFile) {
        String spec = specFile.toUri().toString();
        this.validator = OpenApiInteractionValidator.createForSpecificationUrl(spec)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        // Still reported (not as errors), so an undocumented route is told apart from a bad answer.
                        .withLevel(PATH_MISSING, ValidationReport.Level.INFO)
                        .withLevel(OPERATION_NOT_ALLOWED, ValidationReport.Level.INFO)
                        .build())
                .build();
        ParseOptions resolveReferences = new ParseOptions();
        resolveReferences.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().read(spec, null, resolveReferences);
        this.schemas = new SchemaValidator(api, new MessageResolver());
        this.errorResponse = api.getComponents().getSchemas().get("ErrorResponse");
        OperationCoverage.documented(api);
    }

    @Override
    public io.restassured.response.Response filter(
            FilterableRequestSpecification request,
            FilterableResponseSpecification responseSpec,
            FilterContext context) {
        io.restassured.response.Response response = context.next(request, responseSpec);
        OperationCoverage.answered(request.getMethod(), request.getDerivedPath(), response.statusCode());
        List<String> problems = problems(RestAssuredRequest.of(request), RestAssuredResponse.of(response));
        if (!problems.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + request.getDerivedPath() + " answered "
                    + response.statusCode() + ", which breaks the contract:\n  - "
                    + String.join("\n  - ", problems)
                    + "\n  body: " + response.asString());
        }
        return response;
    }

    /** What is wrong with {@code response} as the answer to {@code request}; empty when it conforms. */
    List<String> problems(Request request, Response response) {
        List<String> problems = new ArrayList<>();
        Optional<String> correlationId =
                response.getHeaderValues("X-Correlation-ID").stream().findFirst();
        if (correlationId.isEmpty()) {
            problems.add("no X-Correlation-ID header");
        } else if (!CORRELATION_ID.matcher(correlationId.get()).matches()) {
            problems.add("X-Correlation-ID '" + correlationId.get() + "' is not a valid correlation id");
        }

        ValidationReport report = validator.validate(request, response);
        boolean documented = report.getMessages().stream().noneMatch(m -> UNDOCUMENTED.contains(m.getKey()));
        if (documented) {
            report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> m.getKey() + ": " + m.getMessage())
                    .forEach(problems::add);
        } else if (response.getStatus() >= 400 && request.getMethod() != Request.Method.HEAD) {
            // A HEAD answer has no body by definition (HTTP); its status and headers are checked above.
            schemas.validate(bodyText(response), errorResponse, "response.body").getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> "not an ErrorResponse: " + m.getMessage())
                    .forEach(problems::add);
        }

        if (response.getStatus() >= 400) {
            bodyCorrelationId(response)
                    .filter(inBody -> !correlationId.equals(Optional.of(inBody)))
                    .ifPresent(inBody -> problems.add("the body's correlationId '" + inBody
                            + "' is not the X-Correlation-ID header " + correlationId.orElse("(absent)")));
        }
        return problems;
    }

    private static String bodyText(Response response) {
        try {
            Optional<Body> body = response.getResponseBody();
            return body.isPresent() ? body.get().toString(StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> bodyCorrelationId(Response response) {
        try {
            JsonNode body = json.readTree(bodyText(response));
            return Optional.ofNullable(body)
                    .map(b -> b.get("correlationId"))
                    .filter(JsonNode::isTextual)
                    .map(JsonNode::asText);
        } catch (JsonProcessingException notJson) {
            // Not an envelope at all: the schema check above already says so.
            return Optional.empty();
        }
    }
}
