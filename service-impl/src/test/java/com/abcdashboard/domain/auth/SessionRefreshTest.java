package com.abcdashboard.domain.auth;

import static com.abcdashboard.testsupport.TestUseCases.GRACE;
import static com.abcdashboard.testsupport.TestUseCases.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.DomainException;
import com.abcdashboard.persistence.MongoSessionRepository;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.abcdashboard.testsupport.TestUseCases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Refresh-token rotation: reuse detection, and the grace that lets two tabs refresh with one token. */
class SessionRefreshTest {
    private static final String EMAIL = "sam@refresh.test";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private com.mongodb.client.MongoDatabase db;
    private TestUseCases auth;
    private TestUseCases.Instance a;
    private TestUseCases.Instance b;

    @BeforeEach
    void start() {
        db = mongo.freshDatabase();
        auth = new TestUseCases(db);
        auth.account(EMAIL);
        a = auth.instance();
        b = auth.instance();
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    @Test
    void theSameTokenAgainWithinTheGraceReturnsTheSuccessorAlreadyIssuedAndKeepsTheSession() {
        SessionTokens first = signIn();
        SessionTokens rotated = a.sessions().refresh(first.refreshToken());
        auth.clock.advance(GRACE);

        SessionTokens again = b.sessions().refresh(first.refreshToken());

        assertThat(again.refreshToken()).isEqualTo(rotated.refreshToken());
        assertThat(again.sessionId()).isEqualTo(first.sessionId());
        assertThat(session(first).revokedAt()).isNull();
        assertThat(b.sessions().authenticate(again.accessToken()).sessionId()).isEqualTo(first.sessionId());
        // The successor goes on as usual.
        assertThat(a.sessions().refresh(rotated.refreshToken()).sessionId()).isEqualTo(first.sessionId());
    }

    @Test
    void theSameTokenAfterTheGraceIsReuseAndRevokesTheSession() {
        SessionTokens first = signIn();
        SessionTokens rotated = a.sessions().refresh(first.refreshToken());
        auth.clock.advance(GRACE.plusMillis(1));

        assertThatThrownBy(() -> b.sessions().refresh(first.refreshToken())).isInstanceOf(DomainException.class);

        assertThat(session(first).revokedReason()).isEqualTo("refresh-token-reuse");
        assertThatThrownBy(() -> a.sessions().refresh(rotated.refreshToken())).isInstanceOf(DomainException.class);
    }

    @Test
    void twoRefreshesWithOneTokenAtTheSameMomentOnTwoInstancesBothGetTheSameSuccessor() throws Exception {
        SessionTokens first = signIn();

        List<SessionTokens> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<SessionTokens>> tabs = new ArrayList<>();
            for (TestUseCases.Instance instance : List.of(a, b)) {
                tabs.add(pool.submit(() -> {
                    go.await();
                    return instance.sessions().refresh(first.refreshToken());
                }));
            }
            go.countDown();
            for (Future<SessionTokens> tab : tabs) {
                answers.add(tab.get(30, TimeUnit.SECONDS));
            }
        }

        assertThat(answers.get(0).refreshToken()).isEqualTo(answers.get(1).refreshToken());
        assertThat(answers).extracting(SessionTokens::sessionId).containsOnly(first.sessionId());
        assertThat(session(first).revokedAt()).isNull();
    }

    @Test
    void aTokenWhoseSuccessorWasRotatedInTurnIsReuseEvenWithinTheGrace() {
        SessionTokens first = signIn();
        SessionTokens second = a.sessions().refresh(first.refreshToken());
        a.sessions().refresh(second.refreshToken());
        auth.clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> b.sessions().refresh(first.refreshToken())).isInstanceOf(DomainException.class);

        assertThat(session(first).revokedReason()).isEqualTo("refresh-token-reuse");
    }

    @Test
    void aRevokedSessionGivesNothingWithinTheGrace() {
        SessionTokens first = signIn();
        a.sessions().refresh(first.refreshToken());
        a.sessions()
                .logout(
                        java.util.Optional.empty(),
                        java.util.Optional.of(a.sessions().authenticate(first.accessToken())));

        assertThatThrownBy(() -> b.sessions().refresh(first.refreshToken())).isInstanceOf(DomainException.class);
    }

    private SessionTokens signIn() {
        return a.signIn().login(EMAIL, PASSWORD, ClientInfo.UNKNOWN).tokens();
    }

    private Session session(SessionTokens tokens) {
        return new MongoSessionRepository(db).findById(tokens.sessionId()).orElseThrow();
    }
}
