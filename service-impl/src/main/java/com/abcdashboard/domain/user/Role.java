package com.abcdashboard.domain.user;

import java.util.Locale;
import java.util.Optional;

/** What a user may do: admin everything, manager staff management, staff their own profile. */
public enum Role {
    ADMIN,
    MANAGER,
    STAFF;

    /** The lower-case name used in the API and in stored documents. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String value) {
        for (Role role : values()) {
            if (role.id().equalsIgnoreCase(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
