package com.abcdashboard.domain.user;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers as people type them ({@code (415) 555-0123}, {@code 415-555-0123}, {@code +44 20 7946 0958}),
 * read with Google's libphonenumber: national numbers in the default region ({@code DEFAULT_PHONE_REGION}),
 * international ones by their {@code +} prefix. Valid numbers are stored and returned in E.164 form.
 */
public final class PhoneNumbers {
    /** Longer input is refused before parsing: no real number, however formatted, comes near it. */
    private static final int MAX_INPUT = 64;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /** @param defaultRegion an ISO 3166-1 alpha-2 region libphonenumber knows, e.g. {@code US} */
    public PhoneNumbers(String defaultRegion) {
        if (!isKnownRegion(defaultRegion)) {
            throw new IllegalArgumentException("Unknown phone region: " + defaultRegion);
        }
        this.defaultRegion = defaultRegion;
    }

    public static boolean isKnownRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region);
    }

    /** The E.164 form of the number, or empty when libphonenumber does not call it a valid number. */
    public Optional<String> toE164(String written) {
        if (written == null || written.isBlank() || written.length() > MAX_INPUT) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(written.trim(), defaultRegion);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
