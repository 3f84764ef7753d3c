package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer secrets (refresh tokens, email-link tokens): 256 bits from {@link SecureRandom},
 * URL-safe. Only their SHA-256 hash is ever stored; a fast hash is right here because the secret
 * itself has full entropy (unlike a password).
 */
public final class OpaqueTokens {
    private static final int BYTES = 32;

    private final SecureRandom random;

    public OpaqueTokens(SecureRandom random) {
        this.random = random;
    }

    public String generate() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }
}
