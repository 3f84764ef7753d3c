package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;

/**
 * The credentials are right but the account cannot sign in (email not verified, deactivated). An
 * authentication failure the client can act on, so the edge answers it with 403, not 401.
 */
public final class AccountNotUsableException extends DomainException {
    public AccountNotUsableException(String message) {
        super(ErrorCategory.AUTHENTICATION, message);
    }
}
