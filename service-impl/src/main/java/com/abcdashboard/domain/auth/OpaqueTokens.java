package com.abcdashboard.domain.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

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
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
