package com.abcdashboard.domain.auth;

/**
 * Limits password-reset emails per address, across instances. Throws {@link
 * com.abcdashboard.domain.RateLimitedException} when the address has had its share.
 */
public interface ResetThrottle {
    void check(String normalisedEmail);
}
