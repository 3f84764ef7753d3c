package com.abcdashboard.http;

import com.abcdashboard.domain.ErrorCategory;
import java.util.Map;

/** An error as the client will see it, before it is put into the envelope. */
record ApiError(int status, ErrorCategory category, String message, Map<String, String> details) {
    ApiError {
        details = Map.copyOf(details);
    }

    static ApiError of(int status, ErrorCategory category, String message) {
        return new ApiError(status, category, message, Map.of());
    }
}
