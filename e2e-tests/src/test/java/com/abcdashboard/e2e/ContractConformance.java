package com.abcdashboard.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
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
 * <p>Requests are validated too, but the suite sends invalid ones on purpose, so an invalid request is not a
 * failure in itself; its answer is: the service must refuse (4xx) every request the spec rejects, and must
 * not answer 400 to a request the spec allows (a rule the service enforces but the spec does not state).
 */
final class ContractConformance implements Filter {
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final String PATH_MISSING = "validation.request.path.missing";
    private static final String OPERATION_NOT_ALLOWED = "validation.request.operation.notAllowed";
    private static final Set<String> UNDOCUMENTED = Set.of(PATH_MISSING, OPERATION_NOT_ALLOWED);
    private static final String REQUEST_MESSAGE = "validation.request.";
    /** Marks a request the test sends knowing the service tolerates what the spec does not state; never sent. */
    static final String TOLERATED = "X-Test-Tolerated-Request";
    /**
     * Fields whose validity depends on stored state (a token's existence, the current password) or on the
     * clock (an API key's {@code expiresAt}, which must be in the future), or on the world and the deployment
     * (a webhook {@code url}: what its host resolves to, and whether plain http is allowed there), which no
     * schema can express: a 400 naming only these is an answer about state, not a rule missing from the spec.
     */
    private static final Set<String> STATEFUL_FIELDS = Set.of("token", "currentPassword", "expiresAt", "url");
    /**
     * Format rules v1 states only in the fields' descriptions (phone numbers libphonenumber accepts, language
     * list, https avatar URL; first and last name required on createUser unless a displayName is sent). As
     * schema patterns (an {@code anyOf} for the names) they would tighten the released request schemas, which
     * the breaking-change gate refuses (measured both), so they become schema rules with the next major version.
     */
    private static final Set<String> DESCRIBED_ONLY_FIELDS =
            Set.of("phone", "langKey", "avatarUrl", "firstName", "lastName");
    /**
     * The text rules v1 states only in the spec's conventions (no control, bidi or unpaired surrogate
     * characters in text fields), for the same reason: a 400 giving this reason for a field is explained.
     */
    static final String DESCRIBED_TEXT_RULE =
            "must not contain control characters, bidirectional controls or unpaired surrogates";

    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;
    private final Schema<?> errorResponse;
    private final ObjectMapper json = new ObjectMapper();

    ContractConformance(Path specFile) {
        String spec = specFile.toUri().toString();
        // One pass judges request and answer; the request's messages (keys validation.request.*) are
        // weighed against the answer's status below, the rest are the answer's own problems.
        this.validator = OpenApiInteractionValidator.createForSpecificationUrl(spec)
                .withLevelResolver(LevelResolver.create()
                        // Unknown body fields are ignored by design (a form's confirmPassword), never stored;
                        // the suite pins that they change nothing (role, isActive in a profile update).
                        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        // Accept is disregarded by design (the spec's conventions): every answer is JSON.
                        .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
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
        boolean tolerated = request.getHeaders().hasHeaderWithName(TOLERATED);
        request.removeHeader(TOLERATED);
        io.restassured.response.Response response = context.next(request, responseSpec);
        OperationCoverage.answered(request.getMethod(), request.getDerivedPath(), response.statusCode());
        List<String> problems =
                problems(asSent(RestAssuredRequest.of(request), request), RestAssuredResponse.of(response), tolerated);
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
        return problems(request, response, false);
    }

    /**
     * What is wrong with {@code response} as an answer, leaving the request unjudged: for callers that hold
     * their requests to rules of their own (the fuzz campaign's are invalid by construction).
     */
    List<String> answerProblems(Request request, Response response) {
        return problems(request, response, true);
    }

    /**
     * What is wrong with an answer to a request the spec cannot describe (a method HTTP does not define,
     * a target that is no path): only what every answer promises, a correlation id and, for an error
     * (except to HEAD, which has no body), the envelope.
     */
    List<String> problemsOfUndescribable(Response response, boolean toHead) {
        List<String> problems = new ArrayList<>();
        Optional<String> correlationId = correlationId(response, problems);
        if (response.getStatus() >= 400 && !toHead) {
            problems.addAll(notAnErrorResponse(response));
        }
        problems.addAll(correlationIdInBody(response, correlationId));
        return problems;
    }

    private List<String> problems(Request request, Response response, boolean toleratedRequest) {
        List<String> problems = new ArrayList<>();
        Optional<String> correlationId = correlationId(response, problems);

        ValidationReport report = validator.validate(request, response);
        boolean documented = report.getMessages().stream().noneMatch(m -> UNDOCUMENTED.contains(m.getKey()));
        List<String> requestProblems = new ArrayList<>();
        if (documented) {
            report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> (m.getKey().startsWith(REQUEST_MESSAGE) ? requestProblems : problems)
                            .add(m.getKey() + ": " + m.getMessage()));
        } else if (response.getStatus() >= 400 && request.getMethod() != Request.Method.HEAD) {
            // A HEAD answer has no body by definition (HTTP); its status and headers are checked above.
            problems.addAll(notAnErrorResponse(response));
        }

        if (documented && !toleratedRequest) {
            if (!requestProblems.isEmpty() && response.getStatus() < 400) {
                problems.add("answered " + response.getStatus() + " to a request the spec rejects: " + requestProblems);
            } else if (requestProblems.isEmpty()
                    && response.getStatus() == 400
                    && !explainedByStateOrDescription(errorDetailFields(response))) {
                problems.add("answered 400 to a request the spec allows (a rule missing from the spec?)");
            }
        }

        problems.addAll(correlationIdInBody(response, correlationId));
        return problems;
    }

    private static Optional<String> correlationId(Response response, List<String> problems) {
        Optional<String> correlationId =
                response.getHeaderValues("X-Correlation-ID").stream().findFirst();
        if (correlationId.isEmpty()) {
            problems.add("no X-Correlation-ID header");
        } else if (!CORRELATION_ID.matcher(correlationId.get()).matches()) {
            problems.add("X-Correlation-ID '" + correlationId.get() + "' is not a valid correlation id");
        }
        return correlationId;
    }

    private List<String> notAnErrorResponse(Response response) {
        return schemas.validate(bodyText(response), errorResponse, "response.body").getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> "not an ErrorResponse: " + m.getMessage())
                .toList();
    }

    private List<String> correlationIdInBody(Response response, Optional<String> correlationId) {
        if (response.getStatus() < 400) {
            return List.of();
        }
        return bodyCorrelationId(response)
                .filter(inBody -> !correlationId.equals(Optional.of(inBody)))
                .map(inBody -> List.of("the body's correlationId '" + inBody + "' is not the X-Correlation-ID header "
                        + correlationId.orElse("(absent)")))
                .orElse(List.of());
    }

    /**
     * The request as it went out: rest-assured keeps cookies apart from headers (the validator finds cookie
     * credentials in the header), and labels a body-less POST as a form, which carries no body to type.
     */
    private static Request asSent(Request request, FilterableRequestSpecification spec) {
        boolean noBody = request.getRequestBody().isEmpty();
        if (!spec.getCookies().exist() && !noBody) {
            return request;
        }
        SimpleRequest.Builder copy = new SimpleRequest.Builder(request.getMethod(), request.getPath());
        request.getHeaders().entrySet().stream()
                .filter(h -> !(noBody && h.getKey().equalsIgnoreCase("Content-Type")))
                .forEach(h -> copy.withHeader(h.getKey(), List.copyOf(h.getValue())));
        request.getQueryParameters()
                .forEach(name -> copy.withQueryParam(name, List.copyOf(request.getQueryParameterValues(name))));
        request.getRequestBody().ifPresent(copy::withBody);
        if (spec.getCookies().exist()) {
            copy.withHeader(
                    "Cookie",
                    spec.getCookies().asList().stream()
                            .map(c -> c.getName() + "=" + c.getValue())
                            .collect(java.util.stream.Collectors.joining("; ")));
        }
        return copy.build();
    }

    private static boolean explainedByStateOrDescription(java.util.Map<String, String> details) {
        return details.entrySet().stream()
                .allMatch(d -> STATEFUL_FIELDS.contains(d.getKey())
                        || DESCRIBED_ONLY_FIELDS.contains(d.getKey())
                        || DESCRIBED_TEXT_RULE.equals(d.getValue()));
    }

    private java.util.Map<String, String> errorDetailFields(Response response) {
        try {
            JsonNode details = json.readTree(bodyText(response)).path("error").path("details");
            java.util.Map<String, String> fields = new java.util.HashMap<>();
            details.properties()
                    .forEach(d -> fields.put(d.getKey(), d.getValue().asText()));
            return fields;
        } catch (JsonProcessingException notJson) {
            return java.util.Map.of();
        }
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
