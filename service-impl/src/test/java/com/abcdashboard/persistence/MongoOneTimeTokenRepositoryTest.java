package com.abcdashboard.persistence;

import static com.abcdashboard.domain.auth.OneTimeToken.Purpose.EMAIL_VERIFICATION;
import static com.abcdashboard.domain.auth.OneTimeToken.Purpose.PASSWORD_RESET;
import static com.abcdashboard.domain.auth.OneTimeToken.Purpose.SET_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.domain.auth.OneTimeToken;
import com.abcdashboard.testsupport.Concurrently;
import com.abcdashboard.testsupport.EmbeddedMongo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoOneTimeTokenRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant EXPIRES = NOW.plusSeconds(600);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoOneTimeTokenRepository tokens;

    @BeforeEach
    void freshDatabase() {
        tokens = new MongoOneTimeTokenRepository(mongo.freshDatabase());
    }

    @Test
    void aTokenIsConsumedOnce() {
        OneTimeToken created = tokens.create(PASSWORD_RESET, "t1", "u1", NOW, EXPIRES);
        Instant at = NOW.plusSeconds(10);

        Optional<OneTimeToken> consumed = tokens.consume(Set.of(PASSWORD_RESET), "t1", at);

        assertThat(consumed).hasValueSatisfying(token -> {
            assertThat(token.id()).isEqualTo(created.id());
            assertThat(token.userId()).isEqualTo("u1");
            assertThat(token.usedAt()).isEqualTo(at);
        });
        assertThat(tokens.consume(Set.of(PASSWORD_RESET), "t1", at)).isEmpty();
    }

    @Test
    void aTokenIsNotConsumedFromTheMomentItExpires() {
        tokens.create(PASSWORD_RESET, "t1", "u1", NOW, EXPIRES);

        assertThat(tokens.consume(Set.of(PASSWORD_RESET), "t1", EXPIRES)).isEmpty();
        assertThat(tokens.consume(Set.of(PASSWORD_RESET), "t1", EXPIRES.minusMillis(1)))
                .isPresent();
    }

    @Test
    void aTokenIsNotConsumedForAnotherPurposeAndSurvivesTheAttempt() {
        tokens.create(PASSWORD_RESET, "t1", "u1", NOW, EXPIRES);

        assertThat(tokens.consume(Set.of(EMAIL_VERIFICATION), "t1", NOW)).isEmpty();
        assertThat(tokens.consume(Set.of(PASSWORD_RESET), "t1", NOW)).isPresent();
    }

    @Test
    void aTokenMatchingAnyOfThePurposesIsConsumed() {
        tokens.create(SET_PASSWORD, "t1", "u1", NOW, EXPIRES);

        assertThat(tokens.consume(Set.of(PASSWORD_RESET, SET_PASSWORD), "t1", NOW))
                .map(OneTimeToken::purpose)
                .contains(SET_PASSWORD);
    }

    @Test
    void anUnknownTokenIsNotConsumed() {
        assertThat(tokens.consume(Set.of(PASSWORD_RESET), "nope", NOW)).isEmpty();
    }

    @Test
    void concurrentConsumesOfOneTokenHaveExactlyOneWinner() throws Exception {
        tokens.create(EMAIL_VERIFICATION, "t1", "u1", NOW, EXPIRES);

        List<Optional<OneTimeToken>> outcomes =
                Concurrently.run(20, thread -> tokens.consume(Set.of(EMAIL_VERIFICATION), "t1", NOW));

        assertThat(outcomes).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void invalidatingKillsOnlyTheUsersUnusedTokensOfThosePurposes() {
        tokens.create(EMAIL_VERIFICATION, "v1", "u1", NOW, EXPIRES);
        tokens.create(EMAIL_VERIFICATION, "v2", "u1", NOW, EXPIRES);
        tokens.create(EMAIL_VERIFICATION, "used", "u1", NOW, EXPIRES);
        tokens.consume(Set.of(EMAIL_VERIFICATION), "used", NOW);
        tokens.create(PASSWORD_RESET, "r1", "u1", NOW, EXPIRES);
        tokens.create(EMAIL_VERIFICATION, "w1", "u2", NOW, EXPIRES);

        long invalidated = tokens.invalidateAll("u1", Set.of(EMAIL_VERIFICATION), NOW);

        assertThat(invalidated).isEqualTo(2);
        assertThat(tokens.consume(Set.of(EMAIL_VERIFICATION), "v1", NOW)).isEmpty();
        assertThat(tokens.consume(Set.of(EMAIL_VERIFICATION), "v2", NOW)).isEmpty();
        assertThat(tokens.consume(Set.of(PASSWORD_RESET), "r1", NOW)).isPresent();
        assertThat(tokens.consume(Set.of(EMAIL_VERIFICATION), "w1", NOW)).isPresent();
    }
}
