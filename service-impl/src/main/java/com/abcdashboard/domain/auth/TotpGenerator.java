package com.abcdashboard.domain.auth;

/**
 * RFC 6238 codes as authenticator apps compute them (HMAC-SHA1, 6 digits, 30-second steps), for secrets
 * in base32. Implemented with a library at the edge ({@code security}); the rules around it — which
 * steps count, replay, lockout — are {@link Totp}'s.
 */
public interface TotpGenerator {
    /** A new random secret (160 bits, as RFC 4226 recommends), base32 without padding. */
    String newSecret();

    /** The 6-digit code of {@code base32Secret} for time step {@code step} (seconds since the epoch / 30). */
    String code(String base32Secret, long step);
}
