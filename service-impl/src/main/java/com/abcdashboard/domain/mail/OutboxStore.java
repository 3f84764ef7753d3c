package com.abcdashboard.domain.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where the outbox keeps its messages, shared by every instance: a message is added PENDING and due at
 * once, claimed by one deliverer for a lease (a claimant that dies loses nothing: the message is due
 * again when its lease ends), then settled as sent, retried later, or failed. A settlement names its
 * claim and is dropped when the lease ran out and another deliverer took the message over meanwhile.
 */
public interface OutboxStore {
    /** A message claimed for delivery. {@code template} is the stored name, which may no longer exist. */
    record Claimed(String id, String claim, String to, String template, Map<String, String> variables, int attempts) {
        public Claimed {
            variables = Map.copyOf(variables);
        }

        @Override
        public String toString() {
            return "Claimed[template=" + template + ", attempts=" + attempts + "]"; // variables carry links
        }
    }

    /** Stores {@code message} as PENDING, due at {@code now}. */
    void add(EmailMessage message, Instant now);

    /**
     * Atomically claims the message due longest (PENDING and due, or claimed with its lease ended) for
     * {@code lease}, counting one more attempt.
     */
    Optional<Claimed> claimDue(Instant now, Duration lease);

    /** @return whether the claim was still this deliverer's (else the outcome is dropped) */
    boolean markSent(Claimed message, Instant at);

    /** Back to PENDING, due at {@code next}; {@code error} names what went wrong (a class name, never data). */
    boolean retryAt(Claimed message, Instant next, String error);

    /** Given up: kept as FAILED. */
    boolean markFailed(Claimed message, Instant at, String error);

    /**
     * Messages due now (PENDING and due, or claimed with an ended lease). Bounded in time: health and
     * metrics ask while the database may be away.
     */
    long countDue(Instant now);

    /**
     * Makes every claimed message due at {@code now}, as if its lease had ended; only for a store no other
     * process can reach, whose claims are all a dead process's.
     *
     * @return how many were claimed
     */
    long releaseClaims(Instant now);
}
