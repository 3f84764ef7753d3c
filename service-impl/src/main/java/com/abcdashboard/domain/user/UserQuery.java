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

    /**
     * Identifies this query exactly, for caching its answers: equal queries give equal keys, different
     * ones different keys. Text filters are length-prefixed, so no filter text can pass for another field
     * (a record's {@code toString()} gave {@code search="a, email=b"} the key of two filters).
     */
    public String cacheKey() {
        return "role=" + (role == null ? "" : role.id())
                + ";active=" + flag(active)
                + ";search=" + text(search)
                + ";email=" + text(email)
                + ";username=" + text(username)
                + ";displayName=" + text(displayName)
                + ";hasAvatar=" + flag(hasAvatar)
                + ";hasBio=" + flag(hasBio)
                + ";sortBy=" + sortBy
                + ";ascending=" + ascending;
    }

    private static String flag(Boolean value) {
        return value == null ? "" : value.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value.length() + ":" + value;
    }
}
