package com.abcdashboard.domain.auth;

import static com.abcdashboard.testsupport.TestUseCases.CLIENT;
import static com.abcdashboard.testsupport.TestUseCases.MAX_ATTEMPTS;
import static com.abcdashboard.testsupport.TestUseCases.PASSWORD;
import static com.abcdashboard.testsupport.TestUseCases.RESETS_PER_HOUR;
import static com.abcdashboard.testsupport.TestUseCases.RESET_TTL;
import static com.abcdashboard.testsupport.TestUseCases.newAccount;
import static com.abcdashboard.testsupport.TestUseCases.signUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.mail.EmailMessage.Template;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.abcdashboard.testsupport.TestUseCases;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changing a known password and resetting a forgotten one, as the use case runs them. */
class PasswordManagementTest {
    private static final String EMAIL = "sam@password.test";
    private static final String NEW_PASSWORD = "N3wSecretPass";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private TestUseCases useCases;
    private TestUseCases.Instance service;
    private User sam;

    @BeforeEach
    void start() {
        useCases = new TestUseCases(mongo.freshDatabase());
        service = useCases.instance();
        sam = useCases.account(EMAIL);
    }

    @AfterEach
    void stop() {
        useCases.close();
    }

    @Test
    void changingThePasswordKeepsThisSessionAndEndsEveryOther() {
        SessionTokens here = signIn(PASSWORD);
        SessionTokens elsewhere = signIn(PASSWORD);

        service.passwords().change(caller(here), PASSWORD, NEW_PASSWORD, CLIENT);

        assertThat(service.sessions().authenticate(here.accessToken()).user().id())
                .isEqualTo(sam.id());
        assertThat(service.sessions().refresh(here.refreshToken()).sessionId()).isEqualTo(here.sessionId());
        assertThatThrownBy(() -> service.sessions().authenticate(elsewhere.accessToken()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> service.sessions().refresh(elsewhere.refreshToken()))
                .isInstanceOf(DomainException.class);
        assertThat(service.sessionStore()
                        .findById(elsewhere.sessionId())
                        .orElseThrow()
                        .revokedReason())
                .isEqualTo("password-change");
    }

    @Test
    void aChangedPasswordSignsInAndTheOldOneNoLonger() {
        service.passwords().change(caller(signIn(PASSWORD)), PASSWORD, NEW_PASSWORD, CLIENT);

        assertThatThrownBy(() -> signIn(PASSWORD)).isInstanceOf(DomainException.class);
        assertThat(signIn(NEW_PASSWORD).sessionId()).isNotBlank();
    }

    @Test
    void theWrongCurrentPasswordChangesNothing() {
        SessionTokens here = signIn(PASSWORD);
        SessionTokens elsewhere = signIn(PASSWORD);

        assertThatThrownBy(() -> service.passwords().change(caller(here), "Wr0ngPassword", NEW_PASSWORD, CLIENT))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.details()).containsKey("currentPassword"));

        assertThat(service.sessions().authenticate(elsewhere.accessToken()).sessionId())
                .isEqualTo(elsewhere.sessionId());
        assertThat(useCases.audited(AuditAction.PASSWORD_CHANGED)).isEmpty();
        assertThat(signIn(PASSWORD).sessionId()).isNotBlank();
    }

    @Test
    void aPasswordChangeIsAuditedAndTheOwnerIsTold() {
        service.passwords().change(caller(signIn(PASSWORD)), PASSWORD, NEW_PASSWORD, CLIENT);

        AuditEvent changed = useCases.audited(AuditAction.PASSWORD_CHANGED).getFirst();
        assertThat(changed.actorId()).isEqualTo(sam.id());
        assertThat(changed.targetId()).isEqualTo(sam.id());
        assertThat(changed.client().ipAddress()).isEqualTo(CLIENT.ipAddress());
        assertThat(useCases.mail.to(EMAIL, Template.PASSWORD_CHANGED)).hasSize(1);
    }

    @Test
    void resetTokenWorksOnceAndEndsEverySession() {
        SessionTokens before = signIn(PASSWORD);
        String token = forgot();

        service.passwords().reset(token, NEW_PASSWORD, CLIENT);

        assertThatThrownBy(() -> service.sessions().authenticate(before.accessToken()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> service.sessions().refresh(before.refreshToken()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> service.passwords().reset(token, "An0therPassword", CLIENT))
                .isInstanceOf(DomainException.class);
        assertThat(signIn(NEW_PASSWORD).sessionId()).isNotBlank();
        assertThat(useCases.audited(AuditAction.PASSWORD_RESET).getFirst().details())
                .containsEntry("via", "password_reset");
    }

    @Test
    void resetTokenExpiresByTheClock() {
        String token = forgot();

        useCases.clock.advance(RESET_TTL.plusSeconds(1));

        assertThatThrownBy(() -> service.passwords().reset(token, NEW_PASSWORD, CLIENT))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.details()).containsKey("token"));
        assertThat(signIn(PASSWORD).sessionId()).isNotBlank();
    }

    @Test
    void aNewerResetLinkKillsTheOlderOne() {
        String older = forgot();
        useCases.clock.advance(Duration.ofMinutes(1));
        String newer = forgot();

        assertThatThrownBy(() -> service.passwords().reset(older, NEW_PASSWORD, CLIENT))
                .isInstanceOf(DomainException.class);
        service.passwords().reset(newer, NEW_PASSWORD, CLIENT);
        assertThat(signIn(NEW_PASSWORD).sessionId()).isNotBlank();
    }

    @Test
    void forgotPasswordForAnUnknownAddressQueuesNothingButCountsTowardsTheLimit() {
        String nobody = "nobody@password.test";
        for (int i = 0; i < RESETS_PER_HOUR; i++) {
            service.passwords().forgot(nobody);
        }
        service.fulfilLinkRequests();

        assertThat(useCases.mail.to(nobody)).isEmpty();
        assertThatThrownBy(() -> service.passwords().forgot(nobody)).isInstanceOf(RateLimitedException.class);
        // Another address has its own count.
        service.passwords().forgot(EMAIL);
    }

    @Test
    void aResetEndsALockoutAtOnce() {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            assertThatThrownBy(() -> signIn("Wr0ngPassword")).isInstanceOf(DomainException.class);
        }
        assertThatThrownBy(() -> signIn(PASSWORD)).isInstanceOf(RateLimitedException.class);

        service.passwords().reset(forgot(), NEW_PASSWORD, CLIENT);

        assertThat(signIn(NEW_PASSWORD).sessionId()).isNotBlank();
    }

    @Test
    void aResetThroughTheMailedLinkVerifiesTheAddress() {
        String jane = "jane@password.test";
        service.registration().register(signUp(jane, PASSWORD), CLIENT);
        service.passwords().forgot(jane);
        service.fulfilLinkRequests();

        service.passwords().reset(useCases.mail.latestToken(jane, Template.PASSWORD_RESET), NEW_PASSWORD, CLIENT);

        assertThat(service.users().findByEmail(jane).orElseThrow().emailVerified())
                .isTrue();
        assertThat(service.signIn().login(jane, NEW_PASSWORD, CLIENT).tokens()).isNotNull();
    }

    @Test
    void anAdminCreatedAccountChoosesItsFirstPasswordThroughTheSetPasswordLink() {
        User admin = useCases.insert("admin@password.test", Role.ADMIN);
        String kim = "kim@password.test";
        service.administration().create(admin, newAccount(kim, Role.STAFF, null), CLIENT);
        assertThatThrownBy(() -> service.signIn().login(kim, PASSWORD, CLIENT)).isInstanceOf(DomainException.class);

        service.passwords().reset(useCases.mail.latestToken(kim, Template.WELCOME_SET_PASSWORD), NEW_PASSWORD, CLIENT);

        // A password of their own already: the first sign-in asks for no other.
        assertThat(service.signIn().login(kim, NEW_PASSWORD, CLIENT).requiresPasswordChange())
                .isFalse();
        assertThat(useCases.audited(AuditAction.PASSWORD_RESET).getFirst().details())
                .containsEntry("via", "set_password");
    }

    @Test
    void aVerificationTokenIsNoResetToken() {
        String jane = "jane@password.test";
        service.registration().register(signUp(jane, PASSWORD), CLIENT);

        assertThatThrownBy(() -> service.passwords()
                        .reset(useCases.mail.latestToken(jane, Template.VERIFY_EMAIL), NEW_PASSWORD, CLIENT))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.VALIDATION));
    }

    /** Asks for a reset link for Sam, lets the background fulfil it, and returns the token. */
    private String forgot() {
        service.passwords().forgot(EMAIL);
        service.fulfilLinkRequests();
        return useCases.mail.latestToken(EMAIL, Template.PASSWORD_RESET);
    }

    private SessionTokens signIn(String password) {
        return service.signIn().login(EMAIL, password, CLIENT).tokens();
    }

    private Authenticated caller(SessionTokens tokens) {
        return service.sessions().authenticate(tokens.accessToken());
    }
}
