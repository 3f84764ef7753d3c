package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The successor of a rotated refresh token, sealed so that only whoever holds the rotated token can read
 * it: AES-256-GCM under a key derived from the rotated token itself ({@code SHA-256("refresh-successor:"
 * + token)}, independent of the stored {@code SHA-256(token)}). The database never holds a usable refresh
 * token: reading the sealed successor takes the plaintext predecessor, which is not stored either.
 */
final class SuccessorSeal {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String KEY_CONTEXT = "refresh-successor:";

    private final SecureRandom random;

    SuccessorSeal(SecureRandom random) {
        this.random = random;
    }

    /** {@code successor} sealed under a key only {@code predecessor} gives: base64(iv || ciphertext). */
    String seal(String successor, String predecessor) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, predecessor, iv);
            byte[] sealed = cipher.doFinal(successor.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    /** The successor, or empty when {@code sealed} was not sealed for {@code predecessor} (or is damaged). */
    Optional<String> open(String sealed, String predecessor) {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            if (bytes.length <= IV_BYTES) {
                return Optional.empty();
            }
            byte[] iv = java.util.Arrays.copyOf(bytes, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, predecessor, iv);
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException notForThisToken) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, String predecessor, byte[] iv) throws GeneralSecurityException {
        byte[] key = Sha256.bytes(KEY_CONTEXT + predecessor);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        return cipher;
    }
}
