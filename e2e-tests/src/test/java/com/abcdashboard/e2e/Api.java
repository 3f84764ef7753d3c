package com.abcdashboard.e2e;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The suite's only rest-assured entry point: every request it sends has its answer checked against the spec. */
public final class Api {
    static final ContractConformance CONFORMANCE = new ContractConformance(RunningService.specFile());

    private Api() {}

    /**
     * A request to the service under test. Its response must conform to the spec (see {@link
     * ContractConformance}); the test fails otherwise.
     */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri(RunningService.baseUri().toString()).filter(CONFORMANCE);
    }

    /**
     * A request the spec does not allow but the service deliberately accepts (an empty query value, a
     * JSON {@code null} body): its answer is still checked, but a 2xx to it is not a violation. {@code why}
     * is for the reader.
     */
    public static RequestSpecification tolerated(String why) {
        return given().header(ContractConformance.TOLERATED, why);
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
