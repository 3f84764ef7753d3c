package com.abcdashboard.domain.user;

/**
 * Filters and order of a user list. Every text filter is literal, case-insensitive substring text;
 * null means "no filter". Soft-deleted users are never listed.
 *
 * @param search found in displayName, username or email
 * @param ascending false = newest/largest first
 */
public record UserQuery(
        Role role,
        Boolean active,
        String search,
        String email,
        String username,
        String displayName,
        Boolean hasAvatar,
        Boolean hasBio,
        UserSort sortBy,
        boolean ascending) {
    public static final UserQuery ALL =
            new UserQuery(null, null, null, null, null, null, null, null, UserSort.CREATED_AT, false);

    public UserQuery {
        sortBy = sortBy == null ? UserSort.CREATED_AT : sortBy;
    }
}
