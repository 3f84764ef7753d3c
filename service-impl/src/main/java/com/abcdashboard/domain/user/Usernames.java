package com.abcdashboard.domain.user;

import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every account has a username. When none is given, one is made from the display name (else the email
 * address's local part): ASCII letters and digits in lower case, words joined by {@code _}, at most 24
 * characters; when it is taken, a random 4-digit suffix is added until the unique index accepts one.
 */
public final class Usernames {
    private static final int MAX_BASE = 24;
    private static final int ATTEMPTS = 20;

    private Usernames() {}

    /** The candidate from the name, else the email's local part, else {@code user}. */
    public static String base(String name, String email) {
        String fromName = slug(name);
        if (fromName.length() >= 3) {
            return fromName;
        }
        String local = email == null ? "" : email.substring(0, Math.max(0, email.indexOf('@')));
        String fromEmail = slug(local);
        return fromEmail.length() >= 3 ? fromEmail : "user";
    }

    /**
     * Inserts the account with its own username, or with a generated one when it has none: the first
     * candidate is the plain base, then the base with random suffixes. A taken given username is the
     * caller's 409 as before; a taken email address is never retried.
     */
    public static User insert(UserRepository users, NewUser user) {
        if (user.username() != null) {
            return users.insert(user);
        }
        String base = base(user.displayName(), user.email());
        String candidate = base;
        for (int attempt = 0; ; attempt++) {
            try {
                return users.insert(user.withUsername(candidate));
            } catch (DuplicateUserException e) {
                if (e.field() != DuplicateUserException.Field.USERNAME || attempt == ATTEMPTS) {
                    throw e;
                }
                candidate = withSuffix(base);
            }
        }
    }

    /** {@code base_1234}, still within 30 characters. */
    public static String withSuffix(String base) {
        return base + "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
    }

    private static String slug(String text) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > MAX_BASE) {
            slug = slug.substring(0, MAX_BASE).replaceAll("_+$", "");
        }
        return slug;
    }
}
