package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import java.util.Map;

/** The failures of the auth flows, with the messages clients see. */
final class AuthFailures {
    private AuthFailures() {}

    /** The same for an unknown email and a wrong password: nothing tells them apart. */
    static DomainException invalidCredentials() {
        return new DomainException(ErrorCategory.AUTHENTICATION, "Invalid email or password");
    }

    static DomainException notSignedIn() {
        return new DomainException(ErrorCategory.AUTHENTICATION, "Authentication required");
    }

    static DomainException invalidSession() {
        return new DomainException(ErrorCategory.AUTHENTICATION, "Invalid or expired session; please sign in again");
    }

    static DomainException invalidToken(String field, String what) {
        return new DomainException(
                ErrorCategory.VALIDATION, "Invalid or expired " + what, Map.of(field, "is invalid or expired"));
    }
}
