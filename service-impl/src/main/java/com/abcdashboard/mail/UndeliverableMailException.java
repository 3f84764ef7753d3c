package com.abcdashboard.mail;

/**
 * A message that no retry can deliver (its template cannot be rendered, its recipient is not an
 * address): the worker marks it FAILED at once instead of retrying for an hour.
 */
final class UndeliverableMailException extends Exception {
    UndeliverableMailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
