package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.domain.auth.Session;
import com.abcdashboard.testsupport.Concurrently;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoSessionRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(7));

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoSessionRepository sessions;

    @BeforeEach
    void freshDatabase() {
        MongoDatabase database = mongo.freshDatabase();
        sessions = new MongoSessionRepository(database);
    }

    @Test
    void aCreatedSessionIsFoundByIdAndByItsCurrentHash() {
        Session created = sessions.create("u1", "h0", NOW, EXPIRES, "curl/8", "203.0.113.7");

        assertThat(created.currentTokenHash()).isEqualTo("h0");
        assertThat(created.isUsableAt(NOW)).isTrue();
        assertThat(sessions.findById(created.id())).contains(created);
        assertThat(sessions.findByCurrentTokenHash("h0")).contains(created);
        assertThat(sessions.findByRotatedTokenHash("h0")).isEmpty();
    }

    @Test
    void aMalformedOrUnknownIdFindsNothing() {
        assertThat(sessions.findById("not-an-id")).isEmpty();
        assertThat(sessions.findById(new ObjectId().toHexString())).isEmpty();
        assertThat(sessions.findById(null)).isEmpty();
    }

    @Test
    void rotationReplacesTheCurrentHashAndRemembersThePresentedOne() {
        Session created = sessions.create("u1", "h0", NOW, EXPIRES, null, null);
        Instant later = NOW.plusSeconds(60);

        Session rotated = sessions.rotate("h0", "h1", later, later.plus(Duration.ofDays(7)))
                .orElseThrow();

        assertThat(rotated.id()).isEqualTo(created.id());
        assertThat(rotated.currentTokenHash()).isEqualTo("h1");
        assertThat(rotated.lastUsedAt()).isEqualTo(later);
        assertThat(rotated.expiresAt()).isEqualTo(later.plus(Duration.ofDays(7)));
        assertThat(sessions.findByCurrentTokenHash("h1")).contains(rotated);
        assertThat(sessions.findByCurrentTokenHash("h0")).isEmpty();
        assertThat(sessions.findByRotatedTokenHash("h0")).contains(rotated);
    }

    @Test
    void anAlreadyRotatedHashDoesNotRotateAgain() {
        sessions.create("u1", "h0", NOW, EXPIRES, null, null);
        sessions.rotate("h0", "h1", NOW, EXPIRES);

        assertThat(sessions.rotate("h0", "h2", NOW, EXPIRES)).isEmpty();
        assertThat(sessions.findByCurrentTokenHash("h1")).isPresent();
        assertThat(sessions.findByCurrentTokenHash("h2")).isEmpty();
    }

    @Test
    void concurrentRotationsOfOneTokenHaveExactlyOneWinner() throws Exception {
        Session created = sessions.create("u1", "h0", NOW, EXPIRES, null, null);

        List<Optional<Session>> outcomes =
                Concurrently.run(8, thread -> sessions.rotate("h0", "next-" + thread, NOW, EXPIRES));

        List<Session> winners = outcomes.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(sessions.findById(created.id()).orElseThrow().currentTokenHash())
                .isEqualTo(winners.getFirst().currentTokenHash());
    }

    @Test
    void anExpiredSessionDoesNotRotate() {
        sessions.create("u1", "h0", NOW, EXPIRES, null, null);

        assertThat(sessions.rotate("h0", "h1", EXPIRES, EXPIRES.plusSeconds(60)))
                .isEmpty();
        assertThat(sessions.findByCurrentTokenHash("h0")).isPresent();
    }

    @Test
    void aRevokedSessionDoesNotRotate() {
        Session created = sessions.create("u1", "h0", NOW, EXPIRES, null, null);
        sessions.revoke(created.id(), NOW, "logout");

        assertThat(sessions.rotate("h0", "h1", NOW, EXPIRES)).isEmpty();
    }

    @Test
    void onlyTheMostRecentRotatedHashesAreKept() {
        sessions.create("u1", "h0", NOW, EXPIRES, null, null);
        int rotations = MongoSessionRepository.ROTATED_HASHES_KEPT + 1;
        for (int i = 0; i < rotations; i++) {
            sessions.rotate("h" + i, "h" + (i + 1), NOW, EXPIRES).orElseThrow();
        }

        assertThat(sessions.findByRotatedTokenHash("h0")).isEmpty();
        assertThat(sessions.findByRotatedTokenHash("h1")).isPresent();
        assertThat(sessions.findByRotatedTokenHash("h" + (rotations - 1))).isPresent();
    }

    @Test
    void revokingIsIdempotentAndKeepsTheFirstReason() {
        Session created = sessions.create("u1", "h0", NOW, EXPIRES, null, null);

        sessions.revoke(created.id(), NOW, "logout");
        sessions.revoke(created.id(), NOW.plusSeconds(5), "refresh-token-reuse");

        Session revoked = sessions.findById(created.id()).orElseThrow();
        assertThat(revoked.revokedAt()).isEqualTo(NOW);
        assertThat(revoked.revokedReason()).isEqualTo("logout");
        assertThat(revoked.isUsableAt(NOW)).isFalse();
    }

    @Test
    void revokingAMalformedOrUnknownSessionChangesNothing() {
        Session created = sessions.create("u1", "h0", NOW, EXPIRES, null, null);

        sessions.revoke("not-an-id", NOW, "logout");
        sessions.revoke(new ObjectId().toHexString(), NOW, "logout");

        assertThat(sessions.findById(created.id())).contains(created);
    }

    @Test
    void revokingAllOfAUsersSessionsCanKeepTheCurrentOne() {
        Session keep = sessions.create("u1", "a", NOW, EXPIRES, null, null);
        Session other = sessions.create("u1", "b", NOW, EXPIRES, null, null);
        Session alreadyRevoked = sessions.create("u1", "c", NOW, EXPIRES, null, null);
        sessions.revoke(alreadyRevoked.id(), NOW, "logout");
        Session foreign = sessions.create("u2", "d", NOW, EXPIRES, null, null);

        long revoked = sessions.revokeAllForUser("u1", keep.id(), NOW.plusSeconds(1), "password-change");

        assertThat(revoked).isEqualTo(1);
        assertThat(sessions.findById(keep.id()).orElseThrow().isUsableAt(NOW)).isTrue();
        assertThat(sessions.findById(other.id()).orElseThrow().revokedReason()).isEqualTo("password-change");
        assertThat(sessions.findById(alreadyRevoked.id()).orElseThrow().revokedReason())
                .isEqualTo("logout");
        assertThat(sessions.findById(foreign.id()).orElseThrow().isUsableAt(NOW))
                .isTrue();
    }

    @Test
    void revokingAllOfAUsersSessionsWithoutKeepRevokesEveryOne() {
        Session first = sessions.create("u1", "a", NOW, EXPIRES, null, null);
        Session second = sessions.create("u1", "b", NOW, EXPIRES, null, null);

        long revoked = sessions.revokeAllForUser("u1", null, NOW, "password-reset");

        assertThat(revoked).isEqualTo(2);
        assertThat(sessions.findById(first.id()).orElseThrow().isUsableAt(NOW)).isFalse();
        assertThat(sessions.findById(second.id()).orElseThrow().isUsableAt(NOW)).isFalse();
    }
}
