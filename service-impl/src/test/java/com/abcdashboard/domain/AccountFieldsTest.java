package com.abcdashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.domain.user.AccountFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountFieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {"jane@example.com", "Jane.Doe+tag@sub.example.co.uk", "a_b@x.io"})
    void acceptsOrdinaryEmailAddresses(String email) {
        assertThat(AccountFields.isValidEmail(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@b", "a b@example.com", "a@@example.com", "@example.com", "a@.com"})
    void rejectsMalformedEmailAddresses(String email) {
        assertThat(AccountFields.isValidEmail(email)).isFalse();
    }

    @Test
    void rejectsEmailAddressesLongerThan254Characters() {
        assertThat(AccountFields.isValidEmail("a".repeat(250) + "@x.io")).isFalse();
    }

    @Test
    void normalisesEmailToTrimmedLowerCase() {
        assertThat(AccountFields.normaliseEmail("  Jane.DOE@Example.COM ")).isEqualTo("jane.doe@example.com");
    }

    @Test
    void usernameIsOptionalButMustBeThreeToThirtyWordCharacters() {
        FieldErrors ok = new FieldErrors();
        AccountFields.checkUsername("username", null, ok);
        AccountFields.checkUsername("username", "jane_doe42", ok);
        assertThat(ok.isEmpty()).isTrue();

        for (String bad : new String[] {"ab", "x".repeat(31), "jane-doe", "jané", "a b"}) {
            FieldErrors errors = new FieldErrors();
            AccountFields.checkUsername("username", bad, errors);
            assertThat(errors.isEmpty()).as(bad).isFalse();
        }
    }

    @Test
    void namesMustBeTwoToFiftyCharactersAfterTrimming() {
        FieldErrors errors = new FieldErrors();
        AccountFields.checkName("firstName", " J ", errors);
        AccountFields.checkName("lastName", "D".repeat(51), errors);
        assertThat(errors.isEmpty()).isFalse();
    }
}
