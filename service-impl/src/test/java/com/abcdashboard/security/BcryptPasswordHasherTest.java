package com.abcdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BcryptPasswordHasherTest {
    /** The lowest cost bcrypt allows; the algorithm is the same at every cost. */
    private static final int TEST_COST = 4;

    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(TEST_COST);

    @Test
    void aHashMatchesItsPassword() {
        String hash = hasher.hash("Correct-Horse-9");

        assertThat(hasher.matches("Correct-Horse-9", hash)).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String hash = hasher.hash("Correct-Horse-9");

        assertThat(hasher.matches("Correct-Horse-8", hash)).isFalse();
    }

    @Test
    void theHashIsBcrypt2bWithTheConfiguredCost() {
        String hash = hasher.hash("Correct-Horse-9");

        assertThat(hash).startsWith("$2b$04$").hasSize(60);
        assertThat(new BcryptPasswordHasher(5).hash("Correct-Horse-9")).startsWith("$2b$05$");
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("Correct-Horse-9")).isNotEqualTo(hasher.hash("Correct-Horse-9"));
    }

    @Test
    void passwordsSharingTheirFirst72BytesDoNotMatchEachOther() {
        String prefix = "Aa1" + "x".repeat(69);
        assertThat(prefix.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        String first = prefix + "first-ending";
        String second = prefix + "second-ending";

        String hash = hasher.hash(first);

        assertThat(hasher.matches(first, hash)).isTrue();
        assertThat(hasher.matches(second, hash)).isFalse();
        assertThat(hasher.matches(prefix, hash)).isFalse();
    }

    @Test
    void everyByteOfA72BytePasswordCounts() {
        String first = "Aa1" + "x".repeat(68) + "y";
        String second = "Aa1" + "x".repeat(68) + "z";

        assertThat(hasher.matches(second, hasher.hash(first))).isFalse();
    }

    @Test
    void theLongestAllowedPasswordInMultiByteCharactersMatchesItselfOnly() {
        String longest = "Aa1" + "\u20ac".repeat(125); // 128 characters, 378 bytes of UTF-8
        String almost = "Aa1" + "\u20ac".repeat(124) + "\u00a3";

        String hash = hasher.hash(longest);

        assertThat(hasher.matches(longest, hash)).isTrue();
        assertThat(hasher.matches(almost, hash)).isFalse();
    }

    @Test
    void aStandardBcryptHashFromAnotherImplementationVerifies() {
        // OpenBSD/jBCrypt reference vector for "abc" at cost 6: short passwords stay plain bcrypt,
        // so hashes carried over from the old service keep working.
        String reference = "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i";

        assertThat(hasher.matches("abc", reference)).isTrue();
        assertThat(hasher.matches("abd", reference)).isFalse();
    }

    @Test
    void matchesNothingIsFalseEvenForEmptyAndLongPasswords() {
        assertThat(hasher.matchesNothing("Correct-Horse-9")).isFalse();
        assertThat(hasher.matchesNothing("")).isFalse();
        assertThat(hasher.matchesNothing("Aa1" + "x".repeat(125))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not-a-hash",
                "$2b$04$",
                "$2b$04$tooShort",
                "$9z$04$abcdefghijklmnopqrstuuvwxyz",
                "$2b$99$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i",
                "$2b$04$!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
                "$2b$04$\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
            })
    void aMalformedStoredHashMatchesNothing(String storedHash) {
        assertThat(hasher.matches("Correct-Horse-9", storedHash)).isFalse();
    }

    @Test
    void aMissingStoredHashMatchesNothing() {
        assertThat(hasher.matches("Correct-Horse-9", null)).isFalse();
    }

    @Test
    void toStringShowsTheCostAndNothingSecret() {
        assertThat(hasher.toString()).isEqualTo("BcryptPasswordHasher[version=2b, cost=4]");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 32})
    void aCostOutsideBcryptsRangeIsRefused(int cost) {
        assertThatThrownBy(() -> new BcryptPasswordHasher(cost))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BCRYPT_ROUNDS");
    }
}
