package com.abcdashboard.domain.user;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import java.util.Map;

/** An email address or username already belongs to another (non-deleted) account. */
public final class DuplicateUserException extends DomainException {
    public enum Field {
        EMAIL,
        USERNAME
    }

    private final Field field;

    public DuplicateUserException(Field field) {
        super(
                ErrorCategory.CONFLICT,
                field == Field.EMAIL
                        ? "An account with this email already exists"
                        : "An account with this username already exists",
                Map.of(field == Field.EMAIL ? "email" : "username", "is already taken"));
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
