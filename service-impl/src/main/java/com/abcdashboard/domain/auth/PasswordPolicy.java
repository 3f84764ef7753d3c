package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.FieldErrors;
import java.util.ArrayList;
import java.util.List;

/** 8-128 characters with at least one upper-case letter, one lower-case letter and one digit. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    /** Adds one message for {@code field} naming every rule the password breaks. */
    public static void check(String field, String password, FieldErrors errors) {
        if (!errors.required(field, password)) {
            return;
        }
        List<String> broken = new ArrayList<>();
        if (password.length() < MIN_LENGTH) {
            broken.add("be at least " + MIN_LENGTH + " characters long");
        }
        if (password.length() > MAX_LENGTH) {
            broken.add("be at most " + MAX_LENGTH + " characters long");
        }
        if (password.chars().noneMatch(Character::isUpperCase)) {
            broken.add("contain an upper-case letter");
        }
        if (password.chars().noneMatch(Character::isLowerCase)) {
            broken.add("contain a lower-case letter");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            broken.add("contain a digit");
        }
        if (!broken.isEmpty()) {
            errors.add(field, "must " + String.join(", ", broken));
        }
    }
}
