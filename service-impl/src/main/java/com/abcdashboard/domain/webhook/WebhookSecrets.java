package com.abcdashboard.domain.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** Signing secrets in the Standard Webhooks form: {@code whsec_} and the base64 of 32 random bytes. */
public final class WebhookSecrets {
    public static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;

    private final SecureRandom random;

    public WebhookSecrets(SecureRandom random) {
        this.random = random;
    }

    public String generate() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key of a secret: the base64-decoded part after the prefix. */
    public static byte[] key(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
