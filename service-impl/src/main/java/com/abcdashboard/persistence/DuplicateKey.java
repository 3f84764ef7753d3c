package com.abcdashboard.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which unique index a write violated. MongoDB (and the embedded server) report it only in the message,
 * {@code E11000 duplicate key error collection: db.users index: users_email_key_unique dup key: {...}},
 * so the index name is read from there — never by searching the whole message, whose {@code dup key}
 * part echoes user input that may itself contain an index name.
 */
final class DuplicateKey {
    private static final Pattern INDEX_NAME = Pattern.compile(" index: (\\S+) dup key");

    private DuplicateKey() {}

    /** The violated index's name; empty when {@code e} is not a duplicate-key error. */
    static Optional<String> violatedIndex(MongoException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
            return Optional.empty();
        }
        String message = switch (e) {
            case MongoWriteException w -> w.getError().getMessage();
            case MongoCommandException c -> c.getErrorMessage();
            default -> e.getMessage();
        };
        Matcher matcher = INDEX_NAME.matcher(message == null ? "" : message);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
