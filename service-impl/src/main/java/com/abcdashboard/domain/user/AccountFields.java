package com.abcdashboard.domain.user;

import com.abcdashboard.domain.FieldErrors;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation and normalisation of the account fields shared by registration and user management. */
public final class AccountFields {
    /** Pragmatic: one @, no spaces, a dot in the domain; the verification email is the real check. */
    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_]{3,30}$");
    public static final int MAX_EMAIL_LENGTH = 254;

    private AccountFields() {}

    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isValidEmail(String email) {
        return email != null
                && email.length() <= MAX_EMAIL_LENGTH
                && EMAIL.matcher(email.trim()).matches();
    }

    public static void checkEmail(String field, String email, FieldErrors errors) {
        if (errors.required(field, email) && !isValidEmail(email)) {
            errors.add(field, "must be a valid email address");
        }
    }

    public static void checkName(String field, String name, FieldErrors errors) {
        if (errors.required(field, name)) {
            int length = name.trim().length();
            if (length < 2 || length > 50) {
                errors.add(field, "must be between 2 and 50 characters");
            }
        }
    }

    /** Username is optional; when given it must be 3-30 of letters, digits and underscores. */
    public static void checkUsername(String field, String username, FieldErrors errors) {
        if (username != null && !USERNAME.matcher(username).matches()) {
            errors.add(field, "must be 3-30 letters, digits or underscores");
        }
    }
}
