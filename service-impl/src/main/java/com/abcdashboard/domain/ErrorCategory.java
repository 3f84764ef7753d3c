package com.abcdashboard.domain;

/** What kind of failure an error is; the HTTP edge turns each category into a status code. */
public enum ErrorCategory {
    VALIDATION,
    AUTHENTICATION,
    AUTHORIZATION,
    NOT_FOUND,
    CONFLICT,
    BUSINESS_RULE,
    RATE_LIMIT,
    INTERNAL
}
