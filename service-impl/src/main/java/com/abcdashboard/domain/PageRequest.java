package com.abcdashboard.domain;

import java.util.Map;

/** A 1-based page of a list; {@code limit} items per page, at most {@link #MAX_LIMIT}. */
public record PageRequest(int page, int limit) {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 10;

    public PageRequest {
        if (page < 1) {
            throw new DomainException(
                    ErrorCategory.VALIDATION, "Validation failed", Map.of("page", "must be at least 1"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainException(
                    ErrorCategory.VALIDATION,
                    "Validation failed",
                    Map.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
    }

    /** Identifies this page exactly, for caching its answers. */
    public String cacheKey() {
        return "page=" + page + ";limit=" + limit;
    }

    /** How many items come before this page. */
    public long offset() {
        return (long) (page - 1) * limit;
    }
}
