package com.abcdashboard.domain.audit;

import java.util.Locale;
import java.util.Optional;

/** What an audit entry records. The API and the stored documents use {@link #id()} (lower snake case). */
public enum AuditAction {
    LOGIN_SUCCESS,
    LOGIN_FAILURE,
    ACCOUNT_LOCKED,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    USER_CREATED,
    USER_UPDATED,
    ROLE_CHANGED,
    USER_DEACTIVATED,
    USER_ACTIVATED,
    USER_DELETED,
    API_KEY_CREATED,
    API_KEY_REVOKED,
    SESSION_REVOKED,
    SESSIONS_REVOKED,
    SESSIONS_VIEWED,
    WEBHOOK_CREATED,
    WEBHOOK_UPDATED,
    WEBHOOK_DELETED,
    /** By the service, after repeated failed deliveries. */
    WEBHOOK_DISABLED,
    MFA_ENABLED,
    MFA_DISABLED,
    MFA_RESET;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditAction> parse(String value) {
        for (AuditAction action : values()) {
            if (action.id().equals(value)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
