package com.abcdashboard.domain.user;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;

/** A change would leave no active admin: refused (422), whatever the caller's permissions. */
public final class LastActiveAdminException extends DomainException {
    public LastActiveAdminException() {
        super(ErrorCategory.BUSINESS_RULE, "The last active admin cannot be demoted, deactivated or deleted");
    }
}
