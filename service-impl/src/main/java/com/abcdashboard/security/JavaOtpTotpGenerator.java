package com.abcdashboard.security;

import com.abcdashboard.domain.auth.Totp;
import com.abcdashboard.domain.auth.TotpGenerator;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * {@link TotpGenerator} with java-otp (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps — the parameters
 * every authenticator app assumes) and commons-codec's base32, the encoding of the Key URI Format.
 */
public final class JavaOtpTotpGenerator implements TotpGenerator {
    /** 160 bits: the HMAC-SHA1 block RFC 4226 recommends as the shared secret's length. */
    private static final int SECRET_BYTES = 20;

    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(
            Duration.ofSeconds(Totp.STEP_SECONDS),
            Totp.DIGITS,
            TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    private final Base32 base32 = new Base32();
    private final SecureRandom random;

    public JavaOtpTotpGenerator(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return base32.encodeToString(secret).replace("=", "");
    }

    @Override
    public String code(String base32Secret, long step) {
        byte[] key = base32.decode(base32Secret.toUpperCase(Locale.ROOT));
        try {
            return totp.generateOneTimePasswordString(
                    new SecretKeySpec(key, totp.getAlgorithm()),
                    Instant.ofEpochSecond(step * Totp.STEP_SECONDS),
                    Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("Not a usable TOTP secret", e);
        }
    }
}
