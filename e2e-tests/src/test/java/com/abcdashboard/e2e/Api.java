package com.abcdashboard.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** rest-assured entry points: {@link #documented()} checks every response against the spec. */
public final class Api {
    /**
     * Checks responses only: the suite sends invalid and unauthenticated requests on purpose, to pin how
     * the service answers them, and every answer must still match the spec.
     */
    private static final OpenApiValidationFilter CONFORMANCE =
            new OpenApiValidationFilter(OpenApiInteractionValidator.createForSpecificationUrl(RunningService.repoDir()
                            .resolve("api-spec/src/main/openapi/abc-dashboard-api.yaml")
                            .toUri()
                            .toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private Api() {}

    /** For documented operations: a response that does not validate against the spec fails the test. */
    public static RequestSpecification documented() {
        return plain().filter(CONFORMANCE);
    }

    /** For routes the spec does not document (unknown paths, wrong methods): assert the envelope by hand. */
    public static RequestSpecification plain() {
        return RestAssured.given().baseUri(RunningService.baseUri().toString()).urlEncodingEnabled(true);
    }
}
