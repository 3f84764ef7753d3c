package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.Sha256;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-use codes for signing in without the authenticator app: 10 of them, each 16 characters of a
 * 31-character alphabet without look-alikes (79 bits), written in groups of four. Only their SHA-256 is
 * stored: with that much entropy a fast hash is right, as for the other random tokens. Typed input is
 * compared without case, spaces and dashes.
 */
public final class RecoveryCodes {
    public static final int COUNT = 10;
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final int LENGTH = 16;

    private final SecureRandom random;

    public RecoveryCodes(SecureRandom random) {
        this.random = random;
    }

    public List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < LENGTH; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The stored form of a code as issued or as typed. */
    public static String hash(String code) {
        return Sha256.hex("recovery-code:" + normalise(code));
    }

    /** Whether {@code input} has the shape of a recovery code (rather than a 6-digit TOTP code). */
    static boolean looksLikeOne(String input) {
        return normalise(input).length() == LENGTH;
    }

    private static String normalise(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
