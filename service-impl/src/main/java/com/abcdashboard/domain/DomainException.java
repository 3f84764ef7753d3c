package com.abcdashboard.domain;

import java.util.Map;

/**
 * A failure the domain expects and can explain to the caller (a rule broken, a thing not found, a
 * duplicate). Carries a category and optional per-field details; never a stack trace to the client.
 */
public class DomainException extends RuntimeException {
    private final ErrorCategory category;
    private final Map<String, String> details;

    public DomainException(ErrorCategory category, String message) {
        this(category, message, Map.of());
    }

    public DomainException(ErrorCategory category, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.category = category;
        this.details = Map.copyOf(details);
    }

    public ErrorCategory category() {
        return category;
    }

    public Map<String, String> details() {
        return details;
    }
}
