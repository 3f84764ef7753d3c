package com.abcdashboard.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.abcdashboard.domain.auth.LinkRequests;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LinkRequests} in the {@code link_requests} collection, fulfilled by one background thread per
 * instance ({@code link-requests}); any number of instances may share the collection.
 *
 * <p>{@link #submit} is one insert, whatever the address. The worker claims a request atomically (PENDING
 * and due, or CLAIMED whose lease ended — its instance died), fulfils it (the account lookup, the token,
 * the outbox entry) and deletes it. A failure (the database away) retries with a growing delay; after
 * {@link #MAX_ATTEMPTS} the request is kept as FAILED and logged. So a request answered with 200 is
 * fulfilled at least once: if an instance dies between fulfilling and deleting, another fulfils it again
 * and the account gets a second mail whose link replaces the first.
 */
public final class MongoLinkRequests implements LinkRequests, AutoCloseable {
    static final String COLLECTION = "link_requests";
    static final String PENDING = LeasedClaims.PENDING;
    static final String CLAIMED = "CLAIMED";
    static final String FAILED = "FAILED";
    static final int MAX_ATTEMPTS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(MongoLinkRequests.class);
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofSeconds(5);

    private final MongoCollection<Document> requests;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean stopping;
    private Thread thread;

    public MongoLinkRequests(MongoDatabase database, Clock clock) {
        this.requests = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    public void createIndexes() {
        requests.createIndex(
                Indexes.ascending("status", "nextAttemptAt"), new IndexOptions().name("link_requests_due"));
    }

    @Override
    public void submit(LinkRequest request) {
        Date now = Date.from(clock.instant());
        requests.insertOne(new Document("_id", new ObjectId())
                .append("kind", request.kind().name())
                .append("email", request.normalisedEmail())
                .append("status", PENDING)
                .append("attempts", 0)
                .append("createdAt", now)
                .append("nextAttemptAt", now));
        wakeUp.release();
    }

    /** Starts fulfilling requests — those left by a previous run first — on a thread of its own. */
    public synchronized void start(Consumer<LinkRequest> fulfil) {
        if (thread != null) {
            throw new IllegalStateException("The link request worker is already started");
        }
        thread = Thread.ofPlatform().name("link-requests").daemon(true).start(() -> loop(fulfil));
    }

    /** Fulfils every request due now on the caller's thread; returns how many were attempted. */
    public int drainDue(Consumer<LinkRequest> fulfil) {
        int attempted = 0;
        Document claimed;
        while (!stopping && (claimed = claim()) != null) {
            fulfil(claimed, fulfil);
            attempted++;
        }
        return attempted;
    }

    /** Requests stored and not yet fulfilled (FAILED ones excluded). */
    public long pending() {
        return requests.countDocuments(or(eq("status", PENDING), eq("status", CLAIMED)));
    }

    /** Stops the worker; a request in flight finishes or is taken over once its lease ends. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            running = thread;
            stopping = true;
        }
        wakeUp.release();
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop(Consumer<LinkRequest> fulfil) {
        while (!stopping) {
            try {
                drainDue(fulfil);
            } catch (RuntimeException e) {
                // The database may be away for a moment; the next round tries again.
                LOG.warn("Link request round failed: {}", e.getClass().getSimpleName());
            }
            try {
                wakeUp.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Document claim() {
        return LeasedClaims.claimDue(requests, CLAIMED, clock.instant(), LEASE);
    }

    private void fulfil(Document claimed, Consumer<LinkRequest> fulfil) {
        Bson ours = and(eq("_id", claimed.getObjectId("_id")), eq("claim", claimed.getObjectId("claim")));
        LinkRequest request =
                new LinkRequest(LinkRequest.Kind.valueOf(claimed.getString("kind")), claimed.getString("email"));
        try {
            fulfil.accept(request);
        } catch (RuntimeException e) {
            int attempts = claimed.getInteger("attempts", 1);
            boolean last = attempts >= MAX_ATTEMPTS;
            Instant retryAt = clock.instant().plus(FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10)));
            requests.updateOne(
                    ours,
                    Updates.combine(
                            Updates.set("status", last ? FAILED : PENDING),
                            Updates.set("nextAttemptAt", Date.from(retryAt)),
                            Updates.set("lastError", e.getClass().getSimpleName()),
                            Updates.unset("lockedUntil"),
                            Updates.unset("claim")));
            if (last) {
                LOG.error(
                        "{} given up after {} attempts: {}",
                        request,
                        attempts,
                        e.getClass().getSimpleName());
            } else {
                LOG.warn(
                        "{} failed (attempt {}), retried later: {}",
                        request,
                        attempts,
                        e.getClass().getSimpleName());
            }
            return;
        }
        requests.deleteOne(ours);
    }
}
