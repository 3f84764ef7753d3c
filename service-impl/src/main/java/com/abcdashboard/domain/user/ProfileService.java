package com.abcdashboard.domain.user;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.FieldErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;

/**
 * A user's own profile. Only profile fields can change here: role, email, verification state and the
 * active flag are not part of {@link ProfileChanges}, so no request can reach them.
 */
public final class ProfileService {
    public static final Set<String> LANGUAGES =
            Set.of("en", "es", "fr", "de", "vi", "it", "pt", "nl", "ja", "ko", "zh");
    private static final int MAX_BIO = 500;
    private static final int MAX_URL = 2048;

    private final UserRepository users;
    private final PhoneNumbers phones;
    private final Clock clock;

    public ProfileService(UserRepository users, PhoneNumbers phones, Clock clock) {
        this.users = users;
        this.phones = phones;
        this.clock = clock;
    }

    public User update(User user, ProfileChanges changes) {
        validate(changes, phones).throwIfAny();
        ProfileChanges normalised = normalise(changes, phones);
        return users.updateProfile(user.id(), normalised, clock.instant(), user.id())
                .orElseThrow(() -> new DomainException(ErrorCategory.AUTHENTICATION, "Authentication required"));
    }

    /**
     * Trims the fields, lower-cases langKey and writes the phone number in E.164 (an empty one clears
     * it); bio is kept as written. Only for changes {@link #validate} accepted.
     */
    public static ProfileChanges normalise(ProfileChanges changes, PhoneNumbers phones) {
        String phone = trim(changes.phone());
        return new ProfileChanges(
                trim(changes.displayName()),
                trim(changes.firstName()),
                trim(changes.lastName()),
                changes.bio(),
                phone == null || phone.isEmpty() ? phone : phones.toE164(phone).orElseThrow(),
                changes.langKey() == null ? null : changes.langKey().toLowerCase(Locale.ROOT),
                trim(changes.avatarUrl()));
    }

    public static FieldErrors validate(ProfileChanges c, PhoneNumbers phones) {
        FieldErrors errors = new FieldErrors();
        if (c.displayName() != null
                && (c.displayName().isBlank() || c.displayName().trim().length() > 100)) {
            errors.add("displayName", "must be 1-100 characters");
        }
        if (c.firstName() != null) {
            AccountFields.checkName("firstName", c.firstName(), errors);
        }
        if (c.lastName() != null) {
            AccountFields.checkName("lastName", c.lastName(), errors);
        }
        if (c.bio() != null && c.bio().length() > MAX_BIO) {
            errors.add("bio", "must be at most " + MAX_BIO + " characters");
        }
        if (c.phone() != null
                && !c.phone().isBlank()
                && phones.toE164(c.phone()).isEmpty()) {
            errors.add("phone", "must be a valid phone number, e.g. +14155550123 or (415) 555-0123");
        }
        if (c.langKey() != null && !LANGUAGES.contains(c.langKey().toLowerCase(Locale.ROOT))) {
            errors.add(
                    "langKey", "must be one of " + LANGUAGES.stream().sorted().toList());
        }
        if (c.avatarUrl() != null
                && !c.avatarUrl().isEmpty()
                && !isHttpsUrl(c.avatarUrl().trim())) {
            errors.add("avatarUrl", "must be an https URL");
        }
        return errors;
    }

    private static boolean isHttpsUrl(String value) {
        if (value.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
