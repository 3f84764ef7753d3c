package com.abcdashboard.domain.apikey;

import com.abcdashboard.domain.user.Role;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an API key may be used for. A scope only opens the door to a group of operations; inside it, the
 * key's creator's current role decides as it does for the creator's own requests ({@code AccessPolicy}).
 */
public enum ApiKeyScope {
    /** List, read and count users. */
    USERS_READ,
    /** Create, update, (de)activate and delete users. */
    USERS_WRITE,
    /** Read the audit log. */
    AUDIT_READ;

    /** The wire and stored name, e.g. {@code users:read}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', ':');
    }

    public static Optional<ApiKeyScope> parse(String id) {
        for (ApiKeyScope scope : values()) {
            if (scope.id().equals(id)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /**
     * The scopes a role holds: what its own requests may reach. A key is created only with scopes its
     * creator holds (and only by admins and managers).
     */
    public static Set<ApiKeyScope> heldBy(Role role) {
        return switch (role) {
            case ADMIN -> EnumSet.allOf(ApiKeyScope.class);
            case MANAGER -> EnumSet.of(USERS_READ, USERS_WRITE);
            case STAFF -> EnumSet.of(USERS_READ);
        };
    }
}
