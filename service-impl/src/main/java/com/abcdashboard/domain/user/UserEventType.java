package com.abcdashboard.domain.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happened to an account, as webhook subscribers name it ({@link #id()}: {@code user.created}, ...).
 * The repository records these in the same single-document write as the change itself, so an event
 * exists exactly when its change does.
 */
public enum UserEventType {
    USER_CREATED("user.created"),
    USER_UPDATED("user.updated"),
    USER_DELETED("user.deleted"),
    USER_ROLE_CHANGED("user.role_changed"),
    USER_ACTIVATED("user.activated"),
    USER_DEACTIVATED("user.deactivated"),
    USER_LOGIN_LOCKED("user.login_locked"),
    USER_PASSWORD_CHANGED("user.password_changed");

    private final String id;

    UserEventType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<UserEventType> parse(String id) {
        for (UserEventType type : values()) {
            if (type.id.equals(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * The events of an administrative update of {@code before}: a role change, an activation or a
     * deactivation each name themselves; profile fields, or an update that changes nothing else, are
     * {@code user.updated}.
     */
    public static List<UserEventType> ofUpdate(User before, UserUpdate update) {
        List<UserEventType> events = new ArrayList<>();
        if (update.changesRole(before)) {
            events.add(USER_ROLE_CHANGED);
        }
        if (update.changesActive(before)) {
            events.add(update.active() ? USER_ACTIVATED : USER_DEACTIVATED);
        }
        if (events.isEmpty() || !update.profile().isEmpty()) {
            events.add(USER_UPDATED);
        }
        return List.copyOf(events);
    }
}
