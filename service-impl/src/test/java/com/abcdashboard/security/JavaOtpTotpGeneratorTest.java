package com.abcdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.domain.auth.Totp;
import com.abcdashboard.testsupport.AuthenticatorApp;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaOtpTotpGeneratorTest {
    /** RFC 6238 appendix B's SHA-1 seed, "12345678901234567890", in base32. */
    private static final String RFC_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private final JavaOtpTotpGenerator generator = new JavaOtpTotpGenerator(new SecureRandom());
    private final Totp totp = new Totp(generator);

    /** The 8-digit values of RFC 6238 appendix B, cut to the 6 digits apps show. */
    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037"})
    void theCodesAreThoseOfRfc6238(long epochSecond, String code) {
        Instant at = Instant.ofEpochSecond(epochSecond);

        assertThat(generator.code(RFC_SEED, Totp.step(at))).isEqualTo(code);
        assertThat(AuthenticatorApp.code(RFC_SEED, at))
                .as("the tests' own implementation")
                .isEqualTo(code);
    }

    @Test
    void aNewSecretIs160BitsOfBase32AndAnAppComputesItsCodes() {
        String secret = generator.newSecret();
        Instant now = Instant.parse("2026-12-01T10:00:07Z");

        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(generator.newSecret()).isNotEqualTo(secret);
        assertThat(totp.matchingStep(secret, AuthenticatorApp.code(secret, now), now))
                .hasValue(Totp.step(now));
    }

    @Test
    void oneStepOfDriftEitherWayIsAcceptedAndNoMore() {
        String secret = generator.newSecret();
        Instant now = Instant.parse("2026-12-01T10:00:07Z");

        assertThat(totp.matchingStep(secret, AuthenticatorApp.code(secret, now.minusSeconds(30)), now))
                .hasValue(Totp.step(now) - 1);
        assertThat(totp.matchingStep(secret, AuthenticatorApp.code(secret, now.plusSeconds(30)), now))
                .hasValue(Totp.step(now) + 1);
        assertThat(totp.matchingStep(secret, AuthenticatorApp.code(secret, now.minusSeconds(60)), now))
                .isEmpty();
        assertThat(totp.matchingStep(secret, AuthenticatorApp.code(secret, now.plusSeconds(60)), now))
                .isEmpty();
    }

    @Test
    void anythingButSixDigitsMatchesNothing() {
        String secret = generator.newSecret();
        Instant now = Instant.parse("2026-12-01T10:00:07Z");
        String code = AuthenticatorApp.code(secret, now);

        assertThat(totp.matchingStep(secret, code + "0", now)).isEmpty();
        assertThat(totp.matchingStep(secret, code.substring(1), now)).isEmpty();
        assertThat(totp.matchingStep(secret, "12345a", now)).isEmpty();
        assertThat(totp.matchingStep(secret, null, now)).isEmpty();
    }
}
