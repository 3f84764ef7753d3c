package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.user.Role;
import java.time.Instant;
import java.util.Optional;

/** Signed, short-lived access tokens (JWT). */
public interface AccessTokens {

    /** A freshly signed token and its lifetime in seconds. */
    record Issued(String token, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Issued[token=***, expiresIn=" + expiresInSeconds + "]";
        }
    }

    /** The verified claims of a token. */
    record Claims(String userId, Role role, String sessionId, String tokenId, Instant issuedAt, Instant expiresAt) {}

    Issued issue(String userId, Role role, String sessionId, Instant now);

    /**
     * Verifies signature (algorithm pinned), issuer, audience and lifetime (with a small clock-skew
     * allowance) at {@code now}.
     *
     * @return the claims, empty for any invalid, expired, tampered or foreign token
     */
    Optional<Claims> verify(String token, Instant now);
}
