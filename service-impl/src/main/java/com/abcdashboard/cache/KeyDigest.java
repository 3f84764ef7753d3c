package com.abcdashboard.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Personal data (an email address) never appears in a shared-store key: keys carry its SHA-256 instead,
 * so a Redis dump or `MONITOR` shows which address is locked or throttled only to someone who already
 * knows it.
 */
final class KeyDigest {
    private KeyDigest() {}

    static String sha256Hex(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
