package com.abcdashboard.domain.auth;

import static com.abcdashboard.testsupport.TestUseCases.CLIENT;
import static com.abcdashboard.testsupport.TestUseCases.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.abcdashboard.testsupport.TestUseCases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions and devices: listing one's sessions, ending them, and doing so for the users one manages. */
class SessionManagementTest {
    private static final String LAPTOP =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String PHONE =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private TestUseCases auth;
    private TestUseCases.Instance a;
    private TestUseCases.Instance b;
    private User sam;

    @BeforeEach
    void start() {
        auth = new TestUseCases(mongo.freshDatabase());
        sam = auth.account("sam@sessions.test");
        a = auth.instance();
        b = auth.instance();
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    @Test
    void myActiveSessionsAreListedNewestFirstWithTheirDeviceAndTheCurrentOneMarked() {
        SessionTokens laptop = signIn(sam, LAPTOP);
        auth.clock.advance(Duration.ofMinutes(1));
        SessionTokens phone = signIn(sam, PHONE);
        auth.clock.advance(Duration.ofMinutes(1));
        SessionTokens loggedOut = signIn(sam, LAPTOP);
        a.sessions().logout(java.util.Optional.of(loggedOut.refreshToken()), java.util.Optional.empty());

        List<ActiveSession> listed = a.sessionManagement().mine(caller(laptop));

        assertThat(listed).extracting(ActiveSession::id).containsExactly(phone.sessionId(), laptop.sessionId());
        assertThat(listed).extracting(ActiveSession::current).containsExactly(false, true);
        assertThat(listed)
                .extracting(ActiveSession::device)
                .containsExactly("Mobile Safari 17 on iOS 17.1 (iPhone)", "Chrome 131 on Mac OS X 10.15.7");
        assertThat(listed.get(1).ipAddress()).isEqualTo(CLIENT.ipAddress());
        assertThat(listed.get(1).userAgent()).isEqualTo(LAPTOP);
    }

    @Test
    void anExpiredSessionIsNotListed() {
        SessionTokens old = signIn(sam, LAPTOP);
        auth.clock.advance(TestUseCases.REFRESH_TTL.minusMinutes(1));
        SessionTokens fresh = signIn(sam, PHONE);
        auth.clock.advance(Duration.ofMinutes(2));

        assertThat(a.sessionManagement().mine(new Authenticated(sam, fresh.sessionId())))
                .extracting(ActiveSession::id)
                .containsExactly(fresh.sessionId())
                .doesNotContain(old.sessionId());
    }

    @Test
    void endingOneOfMySessionsRefusesItsRefreshAndAccessTokensOnTheOtherInstance() {
        SessionTokens laptop = signIn(sam, LAPTOP);
        SessionTokens phone = signIn(sam, PHONE);

        a.sessionManagement().endMine(caller(phone), laptop.sessionId(), CLIENT);

        assertThatThrownBy(() -> b.sessions().authenticate(laptop.accessToken()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> b.sessions().refresh(laptop.refreshToken())).isInstanceOf(DomainException.class);
        assertThat(b.sessions().authenticate(phone.accessToken()).sessionId()).isEqualTo(phone.sessionId());
        AuditEvent entry = auth.audited(AuditAction.SESSION_REVOKED).getFirst();
        assertThat(entry.actorId()).isEqualTo(sam.id());
        assertThat(entry.targetId()).isEqualTo(sam.id());
        assertThat(entry.details()).containsEntry("sessionId", laptop.sessionId());
    }

    @Test
    void anotherUsersSessionOrAnEndedOneIsNotFoundAndTheOtherUsersSessionLivesOn() {
        User kim = auth.account("kim@sessions.test");
        SessionTokens kims = signIn(kim, LAPTOP);
        SessionTokens mine = signIn(sam, LAPTOP);
        SessionTokens ended = signIn(sam, PHONE);
        a.sessionManagement().endMine(caller(mine), ended.sessionId(), CLIENT);

        for (String id : List.of(kims.sessionId(), ended.sessionId(), "not-an-id", "6745a1f0c2d7e5b1a4c8e9a7")) {
            assertThatThrownBy(() -> a.sessionManagement().endMine(caller(mine), id, CLIENT))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND));
        }
        assertThat(a.sessions().authenticate(kims.accessToken()).userId()).isEqualTo(kim.id());
    }

    @Test
    void endingMyOtherSessionsKeepsTheCurrentOne() {
        SessionTokens laptop = signIn(sam, LAPTOP);
        SessionTokens phone = signIn(sam, PHONE);
        SessionTokens tablet = signIn(sam, PHONE);

        long ended = a.sessionManagement().endMyOthers(caller(phone), CLIENT);

        assertThat(ended).isEqualTo(2);
        assertThat(b.sessionManagement().mine(caller(phone)))
                .extracting(ActiveSession::id)
                .containsExactly(phone.sessionId());
        assertThatThrownBy(() -> b.sessions().refresh(tablet.refreshToken())).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> b.sessions().authenticate(laptop.accessToken()))
                .isInstanceOf(DomainException.class);
        assertThat(auth.audited(AuditAction.SESSIONS_REVOKED).getFirst().details())
                .containsEntry("scope", "others")
                .containsEntry("count", "2");
    }

    @Test
    void anAdminListsAndEndsEverySessionOfAUserAndBothAreRecorded() {
        User admin = auth.insert("admin@sessions.test", Role.ADMIN);
        SessionTokens adminSession = signIn(admin, LAPTOP);
        SessionTokens laptop = signIn(sam, LAPTOP);
        SessionTokens phone = signIn(sam, PHONE);

        List<ActiveSession> listed = a.sessionManagement().ofUser(caller(adminSession), sam.id(), CLIENT);
        long ended = a.sessionManagement().endAllOfUser(caller(adminSession), sam.id(), CLIENT);

        assertThat(listed).extracting(ActiveSession::id).containsExactly(phone.sessionId(), laptop.sessionId());
        assertThat(listed).extracting(ActiveSession::current).containsOnly(false);
        assertThat(ended).isEqualTo(2);
        assertThatThrownBy(() -> b.sessions().authenticate(phone.accessToken())).isInstanceOf(DomainException.class);
        assertThat(b.sessions().authenticate(adminSession.accessToken()).userId())
                .isEqualTo(admin.id());
        assertThat(auth.audited(AuditAction.SESSIONS_VIEWED).getFirst())
                .satisfies(e -> assertThat(e.actorId()).isEqualTo(admin.id()))
                .satisfies(e -> assertThat(e.targetId()).isEqualTo(sam.id()))
                .satisfies(e -> assertThat(e.details()).containsEntry("count", "2"));
        assertThat(auth.audited(AuditAction.SESSIONS_REVOKED).getFirst().details())
                .containsEntry("scope", "all")
                .containsEntry("count", "2");
    }

    @Test
    void aManagerManagesTheSessionsOfStaffButNotOfAdminsOrOtherManagers() {
        User manager = auth.insert("manager@sessions.test", Role.MANAGER);
        User otherManager = auth.insert("other-manager@sessions.test", Role.MANAGER);
        User admin = auth.insert("admin@sessions.test", Role.ADMIN);
        Authenticated caller = caller(signIn(manager, LAPTOP));
        signIn(sam, LAPTOP);

        assertThat(a.sessionManagement().endAllOfUser(caller, sam.id(), CLIENT)).isEqualTo(1);
        for (User target : List.of(otherManager, admin)) {
            assertThatThrownBy(() -> a.sessionManagement().ofUser(caller, target.id(), CLIENT))
                    .isInstanceOfSatisfying(
                            DomainException.class,
                            e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHORIZATION));
            assertThatThrownBy(() -> a.sessionManagement().endAllOfUser(caller, target.id(), CLIENT))
                    .isInstanceOfSatisfying(
                            DomainException.class,
                            e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHORIZATION));
        }
        // Their own, as with the profile: the current session is kept.
        assertThat(a.sessionManagement().ofUser(caller, manager.id(), CLIENT))
                .extracting(ActiveSession::current)
                .containsExactly(true);
        assertThat(a.sessionManagement().endAllOfUser(caller, manager.id(), CLIENT))
                .isZero();
    }

    @Test
    void staffMayNotLookAtAnotherUsersSessionsAndAnUnknownUserIsNotFound() {
        User kim = auth.account("kim@sessions.test");
        Authenticated staff = caller(signIn(kim, LAPTOP));
        User admin = auth.insert("admin@sessions.test", Role.ADMIN);
        Authenticated adminCaller = caller(signIn(admin, LAPTOP));

        assertThatThrownBy(() -> a.sessionManagement().ofUser(staff, sam.id(), CLIENT))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHORIZATION));
        assertThatThrownBy(() -> a.sessionManagement().endAllOfUser(adminCaller, "6745a1f0c2d7e5b1a4c8e9a7", CLIENT))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND));
    }

    private SessionTokens signIn(User user, String userAgent) {
        return a.signIn()
                .login(user.email(), PASSWORD, new ClientInfo(CLIENT.ipAddress(), userAgent, "corr"))
                .tokens();
    }

    private Authenticated caller(SessionTokens tokens) {
        return a.sessions().authenticate(tokens.accessToken());
    }
}
