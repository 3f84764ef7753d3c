package com.abcdashboard.e2e;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The suite's only rest-assured entry point: every request it sends has its answer checked against the spec. */
public final class Api {
    private static final ContractConformance CONFORMANCE = new ContractConformance(RunningService.specFile());

    private Api() {}

    /**
     * A request to the service under test. Its response must conform to the spec (see {@link
     * ContractConformance}); the test fails otherwise.
     */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri(RunningService.baseUri().toString()).filter(CONFORMANCE);
    }

    /** The same as {@link #given()}; kept for the tests written before every request was checked. */
    public static RequestSpecification documented() {
        return given();
    }

    /** The same as {@link #given()}; kept for the tests written before every request was checked. */
    public static RequestSpecification plain() {
        return given();
    }
}
