package com.abcdashboard.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.abcdashboard.domain.user.UserQuery;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;

/** A {@link UserQuery} as a MongoDB filter and sort. Text filters are literal: every regex character is escaped. */
final class MongoUserQueries {
    /**
     * Characters with a meaning in a regular expression (PCRE on MongoDB, java.util.regex on the embedded
     * server). Both read a backslash before a non-alphanumeric character as that character, literally.
     */
    private static final Pattern REGEX_META = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    private MongoUserQueries() {}

    static Bson filter(UserQuery query) {
        List<Bson> parts = new ArrayList<>();
        parts.add(exists(MongoUserRepository.DELETED_AT, false));
        if (query.role() != null) {
            parts.add(eq("role", query.role().id()));
        }
        if (query.active() != null) {
            parts.add(eq("active", query.active()));
        }
        if (hasText(query.search())) {
            String pattern = literal(query.search());
            parts.add(or(contains("displayName", pattern), contains("username", pattern), contains("email", pattern)));
        }
        if (hasText(query.email())) {
            parts.add(contains("email", literal(query.email())));
        }
        if (hasText(query.username())) {
            parts.add(contains("username", literal(query.username())));
        }
        if (hasText(query.displayName())) {
            parts.add(contains("displayName", literal(query.displayName())));
        }
        if (query.hasAvatar() != null) {
            parts.add(present("avatarUrl", query.hasAvatar()));
        }
        if (query.hasBio() != null) {
            parts.add(present("bio", query.hasBio()));
        }
        return and(parts);
    }

    /** The requested order, then {@code _id} in the same direction: a total, stable order for paging. */
    static Bson sort(UserQuery query) {
        String field = switch (query.sortBy()) {
            case CREATED_AT -> "createdAt";
            case EMAIL -> "email";
            case USERNAME -> MongoUserRepository.USERNAME_KEY;
            case DISPLAY_NAME -> "displayName";
            case LAST_LOGIN_AT -> "lastLoginAt";
            case ROLE -> "role";
        };
        return query.ascending() ? Sorts.ascending(field, "_id") : Sorts.descending(field, "_id");
    }

    /** The text as a regular expression that matches exactly that text. */
    static String literal(String text) {
        return REGEX_META.matcher(text.trim()).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }

    private static Bson contains(String field, String literalPattern) {
        return regex(field, literalPattern, "i");
    }

    private static Bson present(String field, boolean present) {
        return present
                ? and(exists(field, true), ne(field, ""), ne(field, null))
                : or(exists(field, false), eq(field, ""), eq(field, null));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
