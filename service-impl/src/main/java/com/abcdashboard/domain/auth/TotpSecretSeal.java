package com.abcdashboard.domain.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP secrets as they are stored: AES-256-GCM under a key derived from {@code MFA_ENCRYPTION_KEY}
 * ({@code HMAC-SHA256(key text, "abc-dashboard/totp-secret/v1")}, so the configured text is never the
 * AES key itself), with the user's id as associated data: a sealed secret copied onto another account
 * does not open. Stored as {@code v1:} + base64(iv || ciphertext || tag). A database dump without the key
 * holds no usable secret.
 */
public final class TotpSecretSeal {
    private static final String VERSION = "v1:";
    private static final byte[] KEY_CONTEXT = "abc-dashboard/totp-secret/v1".getBytes(StandardCharsets.UTF_8);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    public TotpSecretSeal(String encryptionKey, SecureRandom random) {
        if (encryptionKey == null || encryptionKey.length() < 32) {
            throw new IllegalArgumentException("The MFA encryption key must be at least 32 characters");
        }
        this.key = new SecretKeySpec(derive(encryptionKey), "AES");
        this.random = random;
    }

    /** {@code secret} sealed for the account {@code userId}. */
    public String seal(String secret, String userId) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv, userId).doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    /** The secret, or empty when {@code sealed} was not sealed under this key for this account (or is damaged). */
    public Optional<String> open(String sealed, String userId) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            if (bytes.length <= IV_BYTES) {
                return Optional.empty();
            }
            byte[] iv = Arrays.copyOf(bytes, IV_BYTES);
            byte[] plain = cipher(Cipher.DECRYPT_MODE, iv, userId).doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException notOurs) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] iv, String userId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(userId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] derive(String encryptionKey) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(encryptionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hmac.doFinal(KEY_CONTEXT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
