package com.abcdashboard.domain.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Which time step a code belongs to: the current 30-second step or one either side (clock drift of an
 * app, or a code typed as it changed). The step a code matched is what the account remembers, so the
 * same code — or an older one — is never accepted twice ({@link TotpFactorRepository#useStep}).
 */
public final class Totp {
    public static final long STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    static final int DRIFT_STEPS = 1;

    private final TotpGenerator generator;

    public Totp(TotpGenerator generator) {
        this.generator = generator;
    }

    public String newSecret() {
        return generator.newSecret();
    }

    /** The step {@code code} is the code of at {@code now}, within the drift allowed; empty for any other input. */
    public OptionalLong matchingStep(String base32Secret, String code, Instant now) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            byte[] expected = generator.code(base32Secret, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, presented)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The Key URI Format authenticator apps read (otpauth://totp/Issuer:account?secret=…&issuer=…). */
    public static String keyUri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
