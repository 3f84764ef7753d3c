package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.auth.LinkRequests.LinkRequest;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.abcdashboard.testsupport.MutableClock;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The durable queue behind forgot-password and resend-verification: a request answered with 200 is
 * fulfilled at least once, whichever instance dies when.
 */
class MongoLinkRequestsTest {
    private static final LinkRequest RESET = new LinkRequest(LinkRequest.Kind.PASSWORD_RESET, "sam@links.test");

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private final MongoDatabase database = mongo.emptyDatabase();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<LinkRequest> fulfilled = new CopyOnWriteArrayList<>();

    @Test
    void aRequestStoredByAnInstanceThatStopsBeforeFulfillingItIsFulfilledByTheNext() {
        MongoLinkRequests dying = new MongoLinkRequests(database, clock);
        dying.submit(RESET); // answered 200; the instance dies before its worker ran

        MongoLinkRequests next = new MongoLinkRequests(database, clock);
        assertThat(next.pending()).isEqualTo(1);
        next.drainDue(fulfilled::add);

        assertThat(fulfilled).containsExactly(RESET);
        assertThat(next.pending()).isZero();
    }

    @Test
    void aRequestClaimedByAnInstanceThatDiedMidWayIsTakenOverWhenItsLeaseEnds() {
        MongoLinkRequests dying = new MongoLinkRequests(database, clock);
        dying.submit(RESET);
        assertThatThrownBy(() -> dying.drainDue(request -> {
                    throw new ProcessDied();
                }))
                .isInstanceOf(ProcessDied.class);

        MongoLinkRequests next = new MongoLinkRequests(database, clock);
        assertThat(next.drainDue(fulfilled::add)).isZero(); // its lease still runs
        clock.advance(Duration.ofMinutes(1));
        next.drainDue(fulfilled::add);

        assertThat(fulfilled).containsExactly(RESET);
        assertThat(next.pending()).isZero();
    }

    @Test
    void aFailedFulfilmentIsRetriedLaterNotDropped() {
        MongoLinkRequests queue = new MongoLinkRequests(database, clock);
        queue.submit(RESET);
        queue.drainDue(request -> {
            throw new IllegalStateException("database away");
        });
        assertThat(queue.drainDue(fulfilled::add)).isZero();

        clock.advance(Duration.ofSeconds(5));
        queue.drainDue(fulfilled::add);

        assertThat(fulfilled).containsExactly(RESET);
    }

    @Test
    void theWorkerFulfilsARequestAsSoonAsItIsStored() {
        MongoLinkRequests queue = new MongoLinkRequests(database, clock);
        queue.start(fulfilled::add);
        try {
            queue.submit(RESET);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> fulfilled.contains(RESET) && queue.pending() == 0);
        } finally {
            queue.close();
        }
    }

    /** What a process dying mid-fulfilment looks like to the queue: no outcome is recorded. */
    private static final class ProcessDied extends Error {}
}
