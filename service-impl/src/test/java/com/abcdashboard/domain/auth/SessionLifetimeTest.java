package com.abcdashboard.domain.auth;

import static com.abcdashboard.testsupport.TestUseCases.ACCESS_TTL;
import static com.abcdashboard.testsupport.TestUseCases.CLIENT;
import static com.abcdashboard.testsupport.TestUseCases.GRACE;
import static com.abcdashboard.testsupport.TestUseCases.PASSWORD;
import static com.abcdashboard.testsupport.TestUseCases.REFRESH_TTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.abcdashboard.testsupport.TestUseCases;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A session from sign-in to its end: rotation, the whole family on reuse, expiry by the clock, logout. */
class SessionLifetimeTest {
    private static final String EMAIL = "sam@session.test";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private TestUseCases useCases;
    private TestUseCases.Instance service;

    @BeforeEach
    void start() {
        useCases = new TestUseCases(mongo.freshDatabase());
        useCases.account(EMAIL);
        service = useCases.instance();
    }

    @AfterEach
    void stop() {
        useCases.close();
    }

    @Test
    void aRefreshTokenIsSingleUseAndItsSuccessorCarriesTheSessionOn() {
        SessionTokens first = signIn();

        SessionTokens second = service.sessions().refresh(first.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(service.sessions().authenticate(second.accessToken()).sessionId())
                .isEqualTo(first.sessionId());
    }

    @Test
    void refreshTokenReuseRevokesTheWholeFamily() {
        SessionTokens first = signIn();
        SessionTokens second = service.sessions().refresh(first.refreshToken());
        SessionTokens third = service.sessions().refresh(second.refreshToken());
        useCases.clock.advance(GRACE.plusSeconds(1));

        // Someone replays a token two generations old: a stolen copy.
        assertThatThrownBy(() -> service.sessions().refresh(first.refreshToken()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION));

        // The legitimate holder's current tokens die with it.
        assertThatThrownBy(() -> service.sessions().refresh(third.refreshToken()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> service.sessions().authenticate(third.accessToken()))
                .isInstanceOf(DomainException.class);
        // Another session of the same user is no part of that family.
        assertThat(service.sessions().refresh(signIn().refreshToken())).isNotNull();
    }

    @Test
    void aSessionExpiresByTheClockUnlessItIsRefreshed() {
        SessionTokens idle = signIn();
        SessionTokens active = signIn();

        useCases.clock.advance(REFRESH_TTL.minusDays(1));
        SessionTokens renewed = service.sessions().refresh(active.refreshToken());
        useCases.clock.advance(Duration.ofDays(2));

        assertThatThrownBy(() -> service.sessions().refresh(idle.refreshToken()))
                .isInstanceOf(DomainException.class);
        // Each rotation gives the session its full lifetime again.
        assertThat(service.sessions().refresh(renewed.refreshToken()).sessionId())
                .isEqualTo(active.sessionId());
    }

    @Test
    void anAccessTokenExpiresByTheClockWhileItsSessionLivesOn() {
        SessionTokens tokens = signIn();

        useCases.clock.advance(ACCESS_TTL.plusMinutes(5));

        assertThatThrownBy(() -> service.sessions().authenticate(tokens.accessToken()))
                .isInstanceOf(DomainException.class);
        SessionTokens renewed = service.sessions().refresh(tokens.refreshToken());
        assertThat(service.sessions().authenticate(renewed.accessToken()).sessionId())
                .isEqualTo(tokens.sessionId());
    }

    @Test
    void logoutEndsTheSessionItsRefreshTokenBelongsTo() {
        SessionTokens phone = signIn();
        SessionTokens laptop = signIn();

        service.sessions().logout(Optional.of(phone.refreshToken()), Optional.empty());

        assertThatThrownBy(() -> service.sessions().authenticate(phone.accessToken()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> service.sessions().refresh(phone.refreshToken()))
                .isInstanceOf(DomainException.class);
        assertThat(service.sessions().authenticate(laptop.accessToken()).sessionId())
                .isEqualTo(laptop.sessionId());
    }

    @Test
    void anotherUsersRefreshTokenLogsOutOnlyTheCallersOwnSession() {
        useCases.account("kim@session.test");
        SessionTokens kim =
                service.signIn().login("kim@session.test", PASSWORD, CLIENT).tokens();
        SessionTokens sam = signIn();

        service.sessions()
                .logout(
                        Optional.of(kim.refreshToken()),
                        Optional.of(service.sessions().authenticate(sam.accessToken())));

        assertThat(service.sessions().authenticate(kim.accessToken()).sessionId())
                .isEqualTo(kim.sessionId());
        assertThatThrownBy(() -> service.sessions().authenticate(sam.accessToken()))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void logoutWithNeitherTokenNorCallerIsRefused() {
        assertThatThrownBy(() -> service.sessions().logout(Optional.of("not-a-token"), Optional.empty()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION));
    }

    @Test
    void aSessionRemembersWhereItWasOpened() {
        SessionTokens tokens = signIn();

        Session session = service.sessionStore().findById(tokens.sessionId()).orElseThrow();

        assertThat(session.ipAddress()).isEqualTo(CLIENT.ipAddress());
        assertThat(session.userAgent()).isEqualTo(CLIENT.userAgent());
        assertThat(session.expiresAt()).isEqualTo(useCases.clock.instant().plus(REFRESH_TTL));
        // Only the hash of the refresh token is stored.
        assertThat(session.currentTokenHash())
                .isEqualTo(OpaqueTokens.hash(tokens.refreshToken()))
                .isNotEqualTo(tokens.refreshToken());
    }

    private SessionTokens signIn() {
        return service.signIn().login(EMAIL, PASSWORD, CLIENT).tokens();
    }
}
