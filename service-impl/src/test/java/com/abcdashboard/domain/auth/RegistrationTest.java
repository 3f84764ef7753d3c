package com.abcdashboard.domain.auth;

import static com.abcdashboard.testsupport.TestUseCases.CLIENT;
import static com.abcdashboard.testsupport.TestUseCases.PASSWORD;
import static com.abcdashboard.testsupport.TestUseCases.VERIFICATION_TTL;
import static com.abcdashboard.testsupport.TestUseCases.signUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
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

/** Self-registration and email verification, as the use case runs them. */
class RegistrationTest {
    private static final String EMAIL = "jane@registration.test";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private TestUseCases useCases;
    private TestUseCases.Instance service;

    @BeforeEach
    void start() {
        useCases = new TestUseCases(mongo.freshDatabase());
        service = useCases.instance();
    }

    @AfterEach
    void stop() {
        useCases.close();
    }

    @Test
    void aNewAccountWaitsForItsMailedLinkBeforeItCanSignIn() {
        Registration.Result registered = register(EMAIL);

        assertThat(registered.tokens()).isEmpty();
        assertThat(registered.user().emailVerified()).isFalse();
        assertThat(registered.user().role()).isEqualTo(Role.STAFF);
        assertThatThrownBy(() -> service.signIn().login(EMAIL, PASSWORD, CLIENT))
                .isInstanceOf(AccountNotUsableException.class);

        User verified = service.registration().verifyEmail(useCases.mail.latestToken(EMAIL, Template.VERIFY_EMAIL));

        assertThat(verified.emailVerified()).isTrue();
        assertThat(verified.emailVerifiedAt()).isEqualTo(useCases.clock.instant());
        assertThat(service.signIn().login(EMAIL, PASSWORD, CLIENT).user().id())
                .isEqualTo(registered.user().id());
    }

    @Test
    void verificationTokenWorksOnce() {
        register(EMAIL);
        String token = useCases.mail.latestToken(EMAIL, Template.VERIFY_EMAIL);
        service.registration().verifyEmail(token);

        assertThatThrownBy(() -> service.registration().verifyEmail(token))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.details()).containsKey("token"));
    }

    @Test
    void verificationTokenExpiresByTheClock() {
        register(EMAIL);
        String token = useCases.mail.latestToken(EMAIL, Template.VERIFY_EMAIL);

        useCases.clock.advance(VERIFICATION_TTL.plusSeconds(1));

        assertThatThrownBy(() -> service.registration().verifyEmail(token)).isInstanceOf(DomainException.class);
        assertThat(useCases.reread(account(EMAIL)).emailVerified()).isFalse();
    }

    @Test
    void aResentLinkReplacesTheEarlierOne() {
        register(EMAIL);
        String first = useCases.mail.latestToken(EMAIL, Template.VERIFY_EMAIL);
        useCases.clock.advance(Duration.ofMinutes(5));

        service.registration().resendVerification("  Jane@Registration.TEST ");
        service.fulfilLinkRequests();
        String second = useCases.mail.latestToken(EMAIL, Template.VERIFY_EMAIL);

        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> service.registration().verifyEmail(first)).isInstanceOf(DomainException.class);
        assertThat(service.registration().verifyEmail(second).emailVerified()).isTrue();
    }

    @Test
    void resendingToAnUnknownOrAVerifiedAddressQueuesNoMail() {
        useCases.account("verified@registration.test");

        service.registration().resendVerification("nobody@registration.test");
        service.registration().resendVerification("verified@registration.test");
        service.fulfilLinkRequests();

        assertThat(useCases.mail.to("nobody@registration.test")).isEmpty();
        assertThat(useCases.mail.to("verified@registration.test")).isEmpty();
    }

    @Test
    void withoutVerificationTheNewAccountIsSignedInAtOnce() {
        TestUseCases.Instance open = useCases.instance(false);

        Registration.Result registered = open.registration().register(signUp(EMAIL, PASSWORD), CLIENT);

        assertThat(registered.user().emailVerified()).isTrue();
        assertThat(registered.tokens()).isPresent();
        assertThat(open.sessions()
                        .authenticate(registered.tokens().get().accessToken())
                        .user()
                        .id())
                .isEqualTo(registered.user().id());
        assertThat(useCases.mail.to(EMAIL)).isEmpty();
    }

    @Test
    void selfRegistrationCannotAskForARoleAboveStaff() {
        assertThatThrownBy(() -> service.registration().register(signUp(EMAIL, PASSWORD, "admin"), CLIENT))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHORIZATION));

        assertThat(service.users().findByEmail(EMAIL)).isEmpty();
        assertThat(useCases.mail.to(EMAIL)).isEmpty();
    }

    @Test
    void anAddressIsOneAccountWhateverItsCase() {
        register(EMAIL);

        assertThatThrownBy(() -> register("JANE@registration.test"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT));
        assertThat(useCases.mail.to(EMAIL)).hasSize(1);
    }

    @Test
    void aWeakPasswordIsRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> service.registration().register(signUp(EMAIL, "short"), CLIENT))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.VALIDATION);
                    assertThat(e.details()).containsKey("password");
                });

        assertThat(service.users().findByEmail(EMAIL)).isEmpty();
    }

    private Registration.Result register(String email) {
        return service.registration().register(signUp(email, PASSWORD), CLIENT);
    }

    private User account(String email) {
        return service.users().findByEmail(email).orElseThrow();
    }
}
