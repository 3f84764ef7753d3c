package com.abcdashboard.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects per-field problems of one input and throws them together as one VALIDATION error. */
public final class FieldErrors {
    private final Map<String, String> problems = new LinkedHashMap<>();

    public FieldErrors add(String field, String problem) {
        problems.putIfAbsent(field, problem);
        return this;
    }

    /** Records {@code problem} for {@code field} when {@code value} is null or blank; true when present. */
    public boolean required(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new DomainException(ErrorCategory.VALIDATION, "Validation failed", problems);
        }
    }
}
