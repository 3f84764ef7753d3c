package com.abcdashboard.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TotpSecretSealTest {
    private static final String KEY = "a-test-key-of-more-than-32-characters-0123";
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private final TotpSecretSeal seal = new TotpSecretSeal(KEY, new SecureRandom());

    @Test
    void aSealedSecretOpensForItsOwnAccountOnly() {
        String sealed = seal.seal(SECRET, "user-1");

        assertThat(seal.open(sealed, "user-1")).contains(SECRET);
        assertThat(seal.open(sealed, "user-2")).isEmpty();
    }

    @Test
    void theStoredFormHoldsNeitherTheSecretNorTheSameBytesTwice() {
        String first = seal.seal(SECRET, "user-1");
        String second = seal.seal(SECRET, "user-1");

        assertThat(first).startsWith("v1:").doesNotContain(SECRET).isNotEqualTo(second);
    }

    @Test
    void anotherKeyOrATamperedValueOpensNothing() {
        String sealed = seal.seal(SECRET, "user-1");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThat(new TotpSecretSeal("another-key-of-more-than-32-characters-99", new SecureRandom())
                        .open(sealed, "user-1"))
                .isEmpty();
        assertThat(seal.open(tampered, "user-1")).isEmpty();
        assertThat(seal.open("v1:not base64!", "user-1")).isEmpty();
        assertThat(seal.open(SECRET, "user-1")).isEmpty();
    }

    @Test
    void aKeyShorterThan32CharactersIsRefused() {
        assertThatThrownBy(() -> new TotpSecretSeal("too-short", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
