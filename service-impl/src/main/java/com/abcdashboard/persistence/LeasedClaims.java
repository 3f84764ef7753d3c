package com.abcdashboard.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The claim step of the two work queues ({@code email_outbox}, {@code link_requests}): a document is due
 * when PENDING with {@code nextAttemptAt} reached, or claimed with its lease ({@code lockedUntil}) ended —
 * its claimant died. Claiming is one atomic update that takes the one due longest, sets the lease, counts
 * an attempt and names the claim, so a claimant whose lease ran out cannot settle its successor's work.
 */
final class LeasedClaims {
    static final String PENDING = "PENDING";

    private LeasedClaims() {}

    static Bson due(String claimedStatus, Instant now) {
        Date at = Date.from(now);
        return or(
                and(eq("status", PENDING), lte("nextAttemptAt", at)),
                and(eq("status", claimedStatus), lte("lockedUntil", at)));
    }

    /** The claimed document as it is after the claim, or null when nothing is due. */
    static Document claimDue(MongoCollection<Document> queue, String claimedStatus, Instant now, Duration lease) {
        return queue.findOneAndUpdate(
                due(claimedStatus, now),
                Updates.combine(
                        Updates.set("status", claimedStatus),
                        Updates.set("lockedUntil", Date.from(now.plus(lease))),
                        Updates.set("claim", new ObjectId()),
                        Updates.inc("attempts", 1)),
                new FindOneAndUpdateOptions()
                        .sort(Sorts.ascending("nextAttemptAt"))
                        .returnDocument(ReturnDocument.AFTER));
    }
}
