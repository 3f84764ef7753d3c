package com.abcdashboard.domain.user;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.FieldErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user's own profile. Only profile fields can change here: role, email, verification state and the
 * active flag are not part of {@link ProfileChanges}, so no request can reach them.
 */
public final class ProfileService {
    public static final Set<String> LANGUAGES =
            Set.of("en", "es", "fr", "de", "vi", "it", "pt", "nl", "ja", "ko", "zh");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{7,14}$");
    private static final int MAX_BIO = 500;
    private static final int MAX_URL = 2048;

    private final UserRepository users;
    private final Clock clock;

    public ProfileService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public User update(User user, ProfileChanges changes) {
        validate(changes).throwIfAny();
        ProfileChanges normalised = normalise(changes);
        return users.updateProfile(user.id(), normalised, clock.instant(), user.id())
                .orElseThrow(() -> new DomainException(ErrorCategory.AUTHENTICATION, "Authentication required"));
    }

    /** Trims the fields and lower-cases langKey; bio is kept as written. */
    static ProfileChanges normalise(ProfileChanges changes) {
        return new ProfileChanges(
                trim(changes.displayName()),
                trim(changes.firstName()),
                trim(changes.lastName()),
                changes.bio(),
                trim(changes.phone()),
                changes.langKey() == null ? null : changes.langKey().toLowerCase(Locale.ROOT),
                trim(changes.avatarUrl()));
    }

    static FieldErrors validate(ProfileChanges c) {
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
                && !c.phone().isEmpty()
                && !E164.matcher(c.phone().trim()).matches()) {
            errors.add("phone", "must be in E.164 form, e.g. +14155550123");
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
