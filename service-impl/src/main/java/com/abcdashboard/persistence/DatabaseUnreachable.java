package com.abcdashboard.persistence;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Which failures mean that MongoDB cannot be reached right now — no server to select within the
 * timeout, a connection that broke, a primary stepping down — as opposed to a bug: the request may
 * succeed if retried shortly, and the answer is 503, not 500.
 */
public final class DatabaseUnreachable {
    private DatabaseUnreachable() {}

    /** Whether {@code failure}, or anything in its cause chain, is the database being out of reach. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException
                    || t instanceof MongoSocketException
                    || t instanceof MongoNotPrimaryException
                    || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
