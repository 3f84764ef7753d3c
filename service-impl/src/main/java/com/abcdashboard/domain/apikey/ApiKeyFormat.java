package com.abcdashboard.domain.apikey;

import com.abcdashboard.domain.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API key: {@code abc_<prefix>_<secret>}. The prefix is 8 lower-case base32 characters
 * (40 random bits), unique among stored keys; the secret 43 base64url characters (256 random bits). The
 * {@code abc_} start lets secret scanners and people recognise a key, and tells the service that a
 * bearer credential is a key rather than an access token (a JWT starts with {@code eyJ}).
 */
public final class ApiKeyFormat {
    static final String START = "abc_";
    static final int PREFIX_LENGTH = 8;
    private static final int PREFIX_BYTES = 5;
    private static final int SECRET_BYTES = 32;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern KEY = Pattern.compile("abc_([a-z2-7]{8})_([A-Za-z0-9_-]{43})");

    /** A key as generated: the whole key (shown once) and its prefix. */
    public record Generated(String prefix, String key) {
        @Override
        public String toString() {
            return "Generated[prefix=" + prefix + ", key=***]";
        }
    }

    /** A key as presented by a caller, well-formed: its prefix, and the whole key to digest. */
    public record Presented(String prefix, String key) {
        @Override
        public String toString() {
            return "Presented[prefix=" + prefix + ", key=***]";
        }
    }

    private final SecureRandom random;

    public ApiKeyFormat(SecureRandom random) {
        this.random = random;
    }

    public Generated generate() {
        byte[] prefixBytes = new byte[PREFIX_BYTES];
        random.nextBytes(prefixBytes);
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String prefix = base32(prefixBytes);
        return new Generated(
                prefix,
                START + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Whether a credential looks like an API key at all (cheap; says nothing about its validity). */
    public static boolean looksLikeKey(String credential) {
        return credential != null && credential.startsWith(START);
    }

    /** The prefix of a well-formed key; empty for anything else. */
    public static Optional<Presented> parse(String credential) {
        if (credential == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(credential);
        return m.matches() ? Optional.of(new Presented(m.group(1), credential)) : Optional.empty();
    }

    /** What is stored of a key: SHA-256, lower-case hex. */
    public static String digest(String key) {
        return Sha256.hex(key);
    }

    /** Compares a presented key with a stored digest in time independent of where they differ. */
    public static boolean matches(Presented presented, String storedDigest) {
        return MessageDigest.isEqual(
                digest(presented.key()).getBytes(StandardCharsets.US_ASCII),
                storedDigest.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** RFC 4648 base32 (lower case, no padding) of 5 bytes: exactly 8 characters. */
    private static String base32(byte[] fiveBytes) {
        long bits = 0;
        for (byte b : fiveBytes) {
            bits = (bits << 8) | (b & 0xff);
        }
        char[] out = new char[PREFIX_LENGTH];
        for (int i = PREFIX_LENGTH - 1; i >= 0; i--) {
            out[i] = BASE32[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(out);
    }
}
