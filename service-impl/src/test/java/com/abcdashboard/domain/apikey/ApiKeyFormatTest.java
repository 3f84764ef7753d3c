package com.abcdashboard.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generating, recognising and checking keys: {@code abc_<8 base32>_<43 base64url>}. */
class ApiKeyFormatTest {
    private final ApiKeyFormat format = new ApiKeyFormat(new SecureRandom());

    @Test
    void aGeneratedKeyParsesBackToItsPrefix() {
        ApiKeyFormat.Generated generated = format.generate();

        assertThat(generated.key()).matches("abc_[a-z2-7]{8}_[A-Za-z0-9_-]{43}");
        assertThat(generated.key()).startsWith("abc_" + generated.prefix() + "_");
        assertThat(ApiKeyFormat.parse(generated.key()))
                .hasValueSatisfying(p -> assertThat(p.prefix()).isEqualTo(generated.prefix()));
    }

    @Test
    void keysAndPrefixesDoNotRepeat() {
        Set<String> keys = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            ApiKeyFormat.Generated generated = format.generate();
            keys.add(generated.key());
            prefixes.add(generated.prefix());
        }
        assertThat(keys).hasSize(2_000);
        // 40 random bits: a repeat among 2,000 has a chance of about 2e-6.
        assertThat(prefixes).hasSize(2_000);
    }

    @Test
    void aPrefixUsesEveryBase32Character() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            format.generate().prefix().chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(32);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "abc_",
                "abc_abcdefgh",
                "abc_abcdefgh_",
                "abc_ABCDEFGH_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "abc_abcdefg1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "abc_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "abc_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "abc_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "xyz_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                " abc_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig"
            })
    void anythingElseIsNotAKey(String credential) {
        assertThat(ApiKeyFormat.parse(credential)).isEmpty();
    }

    @Test
    void aWellFormedKeyIsNotParsedFromNull() {
        assertThat(ApiKeyFormat.parse(null)).isEmpty();
        assertThat(ApiKeyFormat.looksLikeKey(null)).isFalse();
    }

    @Test
    void onlyTheKeyItselfMatchesItsStoredDigest() {
        ApiKeyFormat.Generated generated = format.generate();
        String stored = ApiKeyFormat.digest(generated.key());
        String tampered = generated.key().substring(0, generated.key().length() - 1)
                + (generated.key().endsWith("A") ? "B" : "A");

        assertThat(stored).hasSize(64).doesNotContain(generated.key().substring(13));
        assertThat(ApiKeyFormat.matches(ApiKeyFormat.parse(generated.key()).orElseThrow(), stored))
                .isTrue();
        assertThat(ApiKeyFormat.matches(ApiKeyFormat.parse(tampered).orElseThrow(), stored))
                .isFalse();
    }

    @Test
    void theKeyNeverShowsInToString() {
        ApiKeyFormat.Generated generated = format.generate();
        String secret = generated.key().substring(13);

        assertThat(generated.toString()).doesNotContain(secret).contains(generated.prefix());
        assertThat(ApiKeyFormat.parse(generated.key()).orElseThrow().toString()).doesNotContain(secret);
        assertThat(new IssuedApiKey(null, generated.key()).toString()).doesNotContain(secret);
    }
}
