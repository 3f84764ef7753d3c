package com.abcdashboard.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {
    private final PhoneNumbers us = new PhoneNumbers("US");

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "+14155550123      | +14155550123",
                "(415) 555-0123    | +14155550123",
                "415-555-0123      | +14155550123",
                "415 555 0123      | +14155550123",
                "4155550123        | +14155550123",
                "+44 20 7946 0958  | +442079460958",
                "+84 90 123 45 67  | +84901234567",
            })
    void numbersAsTheDashboardsFormsAcceptThemBecomeE164(String written, String e164) {
        assertThat(us.toE164(written)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "+1 555", "not a number", "+999 1234567", "0000000000", " "})
    void numbersLibphonenumberCallsInvalidAreRefused(String written) {
        assertThat(us.toE164(written)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aNationalNumberIsReadInTheConfiguredRegion() {
        assertThat(new PhoneNumbers("GB").toE164("020 7946 0958")).contains("+442079460958");
    }

    @org.junit.jupiter.api.Test
    void anUnknownRegionIsAConfigurationError() {
        assertThat(PhoneNumbers.isKnownRegion("XX")).isFalse();
        assertThatThrownBy(() -> new PhoneNumbers("XX")).isInstanceOf(IllegalArgumentException.class);
    }
}
