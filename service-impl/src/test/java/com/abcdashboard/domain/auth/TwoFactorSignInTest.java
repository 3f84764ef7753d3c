package com.abcdashboard.domain.auth;

import static com.abcdashboard.testsupport.TestUseCases.CLIENT;
import static com.abcdashboard.testsupport.TestUseCases.MAX_ATTEMPTS;
import static com.abcdashboard.testsupport.TestUseCases.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.testsupport.AuthenticatorApp;
import com.abcdashboard.testsupport.Concurrently;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.abcdashboard.testsupport.TestUseCases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two-factor sign-in (TOTP) as the use cases run it: enrolment, the second step, replay, recovery, lockout. */
class TwoFactorSignInTest {
    private static final String EMAIL = "sam@mfa.test";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private TestUseCases auth;

    @AfterEach
    void stop() {
        if (auth != null) {
            auth.close();
        }
    }

    private TestUseCases.Instance service() {
        auth = new TestUseCases(mongo.freshDatabase());
        return auth.instance();
    }

    /** Enrols and confirms the user signed in with {@code tokens}; answers the secret and the recovery codes. */
    private Enrolled enrol(TestUseCases.Instance a, SessionTokens tokens) {
        Authenticated caller = a.sessions().authenticate(tokens.accessToken());
        TotpEnrolment.Enrollment enrollment = a.totpEnrolment().enroll(caller);
        List<String> codes = a.totpEnrolment().confirm(caller, appCode(enrollment.secret()), CLIENT);
        return new Enrolled(enrollment.secret(), codes);
    }

    private record Enrolled(String secret, List<String> recoveryCodes) {}

    private String appCode(String secret) {
        return AuthenticatorApp.code(secret, auth.clock.instant());
    }

    @Test
    void aConfirmedEnrolmentTurnsThePasswordStepIntoAChallengeThatACodeFinishes() {
        TestUseCases.Instance a = service();
        User sam = auth.account(EMAIL);
        Enrolled app = enrol(a, a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens());
        auth.clock.advance(Duration.ofSeconds(30));

        SignIn.Result passwordStep = a.signIn().login(EMAIL, PASSWORD, CLIENT);
        SignIn.Result signedIn =
                a.mfaSignIn().verify(passwordStep.challenge().mfaToken(), appCode(app.secret()), CLIENT);

        assertThat(passwordStep.mfaRequired()).isTrue();
        assertThat(passwordStep.tokens()).isNull();
        assertThat(passwordStep.challenge().expiresIn()).isEqualTo(Duration.ofMinutes(5));
        assertThat(a.sessions().authenticate(signedIn.tokens().accessToken()).userId())
                .isEqualTo(sam.id());
        assertThat(auth.reread(sam).mfaEnabled()).isTrue();
        assertThat(app.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        assertThat(auth.audited(AuditAction.LOGIN_SUCCESS).getFirst().details()).containsEntry("mfa", "totp");
        assertThat(auth.audited(AuditAction.MFA_ENABLED))
                .singleElement()
                .satisfies(e -> assertThat(e.actorId()).isEqualTo(sam.id()));
    }

    @Test
    void theStoredSecretIsSealedAndInactiveUntilConfirmed() {
        TestUseCases.Instance a = service();
        User sam = auth.account(EMAIL);
        Authenticated caller = a.sessions()
                .authenticate(a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens().accessToken());

        TotpEnrolment.Enrollment enrollment = a.totpEnrolment().enroll(caller);

        TotpFactor stored = a.totpFactors().find(sam.id()).orElseThrow();
        assertThat(stored.enabled()).isFalse();
        assertThat(stored.sealedPendingSecret()).startsWith("v1:").doesNotContain(enrollment.secret());
        assertThat(enrollment.keyUri())
                .startsWith("otpauth://totp/ABC%20Dashboard:sam%40mfa.test?secret=" + enrollment.secret())
                .contains("&issuer=ABC%20Dashboard&algorithm=SHA1&digits=6&period=30");
        // Not yet on: the password alone still signs in.
        assertThat(a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens()).isNotNull();
    }

    @Test
    void aCodeIsAcceptedOnceAndOneStepOfDriftEitherWay() {
        TestUseCases.Instance a = service();
        auth.account(EMAIL);
        Enrolled app = enrol(a, a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens());
        auth.clock.advance(Duration.ofMinutes(1));
        String code = appCode(app.secret());

        a.mfaSignIn().verify(challenge(a), code, CLIENT);

        assertThat(outcome(() -> a.mfaSignIn().verify(challenge(a), code, CLIENT)))
                .as("the same code again, within its 30 seconds")
                .isEqualTo("401");
        // The app's clock 30 s behind: the previous step's code counts once the current one was not used...
        auth.clock.advance(Duration.ofMinutes(1));
        String behind = AuthenticatorApp.code(app.secret(), auth.clock.instant().minusSeconds(30));
        assertThat(outcome(() -> a.mfaSignIn().verify(challenge(a), behind, CLIENT)))
                .isEqualTo("200");
        // ...and 30 s ahead; but two steps off is refused.
        auth.clock.advance(Duration.ofMinutes(1));
        String twoAhead =
                AuthenticatorApp.code(app.secret(), auth.clock.instant().plusSeconds(60));
        assertThat(outcome(() -> a.mfaSignIn().verify(challenge(a), twoAhead, CLIENT)))
                .isEqualTo("401");
        String ahead = AuthenticatorApp.code(app.secret(), auth.clock.instant().plusSeconds(30));
        assertThat(outcome(() -> a.mfaSignIn().verify(challenge(a), ahead, CLIENT)))
                .isEqualTo("200");
    }

    @Test
    void onceACodeWasAcceptedNoOlderCodeIsEvenWithinTheDrift() {
        TestUseCases.Instance a = service();
        auth.account(EMAIL);
        Enrolled app = enrol(a, a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens());
        auth.clock.advance(Duration.ofMinutes(1));
        String ahead = AuthenticatorApp.code(app.secret(), auth.clock.instant().plusSeconds(30));
        a.mfaSignIn().verify(challenge(a), ahead, CLIENT);

        assertThat(outcome(() -> a.mfaSignIn().verify(challenge(a), appCode(app.secret()), CLIENT)))
                .as("the current step's code, older than the one just used")
                .isEqualTo("401");
    }

    @Test
    void aRecoveryCodeSignsInOnceInPlaceOfTheApp() {
        TestUseCases.Instance a = service();
        auth.account(EMAIL);
        Enrolled app = enrol(a, a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens());
        String recovery = app.recoveryCodes().get(3);

        SignIn.Result signedIn = a.mfaSignIn().verify(challenge(a), recovery.toUpperCase(), CLIENT);

        assertThat(signedIn.tokens()).isNotNull();
        assertThat(outcome(() -> a.mfaSignIn().verify(challenge(a), recovery, CLIENT)))
                .isEqualTo("401");
        assertThat(auth.audited(AuditAction.LOGIN_SUCCESS).getFirst().details()).containsEntry("mfa", "recovery_code");
        assertThat(a.totpFactors().find(signedIn.user().id()).orElseThrow().recoveryCodeHashes())
                .hasSize(9);
    }

    @Test
    void theMfaTokenSignsInOnceAndOnlyForFiveMinutes() {
        TestUseCases.Instance a = service();
        auth.account(EMAIL);
        Enrolled app = enrol(a, a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens());
        String used = challenge(a);
        auth.clock.advance(Duration.ofSeconds(30));
        a.mfaSignIn().verify(used, appCode(app.secret()), CLIENT);
        String late = challenge(a);

        auth.clock.advance(Duration.ofSeconds(30));
        assertThat(outcome(() -> a.mfaSignIn().verify(used, appCode(app.secret()), CLIENT)))
                .isEqualTo("401");
        auth.clock.advance(Duration.ofMinutes(5));
        assertThat(outcome(() -> a.mfaSignIn().verify(late, appCode(app.secret()), CLIENT)))
                .isEqualTo("401");
    }

    @Test
    void fiftyConcurrentUsesOfOneMfaTokenOnTwoInstancesOpenOneSession() throws Exception {
        auth = new TestUseCases(mongo.freshDatabase());
        List<TestUseCases.Instance> instances = List.of(auth.instance(), auth.instance());
        auth.account(EMAIL);
        Enrolled app = enrol(
                instances.get(0),
                instances.get(0).signIn().login(EMAIL, PASSWORD, CLIENT).tokens());
        auth.clock.advance(Duration.ofSeconds(30));
        String mfaToken = challenge(instances.get(1));
        // Each request brings a code that is good on its own: the app's, or one of the recovery codes.
        List<String> codes = new ArrayList<>(app.recoveryCodes());
        codes.add(appCode(app.secret()));

        List<String> outcomes = Concurrently.run(50, i -> {
            String code = codes.get(i % codes.size());
            return outcome(() -> instances.get(i % 2).mfaSignIn().verify(mfaToken, code, CLIENT));
        });

        assertThat(outcomes).filteredOn("200"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("200")).allMatch(o -> o.equals("401") || o.equals("429"));
        assertThat(auth.audited(AuditAction.LOGIN_SUCCESS)).hasSize(2); // the enrolling sign-in and this one
    }

    @Test
    void wrongCodesCountTowardTheLockoutAndThenEvenTheRightCodeIsRefused() {
        TestUseCases.Instance a = service();
        User sam = auth.account(EMAIL);
        Enrolled app = enrol(a, a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens());
        auth.clock.advance(Duration.ofSeconds(30));
        String mfaToken = challenge(a); // the password counts as one attempt until a code succeeds

        for (int i = 1; i < MAX_ATTEMPTS; i++) {
            assertThat(outcome(() -> a.mfaSignIn().verify(mfaToken, "000000", CLIENT)))
                    .isEqualTo("401");
        }

        assertThat(auth.reread(sam).isLockedAt(auth.clock.instant())).isTrue();
        assertThatThrownBy(() -> a.mfaSignIn().verify(mfaToken, appCode(app.secret()), CLIENT))
                .isInstanceOf(RateLimitedException.class);
        assertThat(auth.audited(AuditAction.ACCOUNT_LOCKED)).hasSize(1);
        assertThat(auth.audited(AuditAction.LOGIN_FAILURE))
                .extracting(e -> e.details().get("reason"))
                .contains("bad_mfa_code", "locked");
    }

    @Test
    void aRightCodeResetsTheFailureCount() {
        TestUseCases.Instance a = service();
        User sam = auth.account(EMAIL);
        Enrolled app = enrol(a, a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens());
        auth.clock.advance(Duration.ofSeconds(30));
        String mfaToken = challenge(a);
        outcome(() -> a.mfaSignIn().verify(mfaToken, "000000", CLIENT));

        a.mfaSignIn().verify(mfaToken, appCode(app.secret()), CLIENT);

        assertThat(auth.reread(sam).failedLoginAttempts()).isZero();
    }

    @Test
    void disablingNeedsThePasswordAndACodeAndMakesThePasswordEnoughAgain() {
        TestUseCases.Instance a = service();
        User sam = auth.account(EMAIL);
        SessionTokens tokens = a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens();
        Enrolled app = enrol(a, tokens);
        Authenticated caller = a.sessions().authenticate(tokens.accessToken());
        auth.clock.advance(Duration.ofSeconds(30));

        assertThat(outcome(() -> {
                    a.totpEnrolment().disable(caller, "Wr0ngPassword", appCode(app.secret()), CLIENT);
                    return null;
                }))
                .isEqualTo("401");
        auth.clock.advance(Duration.ofSeconds(30));
        a.totpEnrolment().disable(caller, PASSWORD, appCode(app.secret()), CLIENT);

        assertThat(auth.reread(sam).mfaEnabled()).isFalse();
        assertThat(a.totpFactors().find(sam.id())).isEmpty();
        assertThat(a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens()).isNotNull();
        assertThat(auth.audited(AuditAction.MFA_DISABLED)).hasSize(1);
    }

    @Test
    void enrollingAgainWhileOnIsRefusedAndAWrongFirstCodeConfirmsNothing() {
        TestUseCases.Instance a = service();
        User sam = auth.account(EMAIL);
        Authenticated caller = a.sessions()
                .authenticate(a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens().accessToken());
        a.totpEnrolment().enroll(caller);

        assertThatThrownBy(() -> a.totpEnrolment().confirm(caller, "123456", CLIENT))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).category())
                .isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(auth.reread(sam).mfaEnabled()).isFalse();

        enrol(a, a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens());
        assertThatThrownBy(() -> a.totpEnrolment().enroll(caller))
                .extracting(e -> ((DomainException) e).category())
                .isEqualTo(ErrorCategory.BUSINESS_RULE);
    }

    @Test
    void aRoleThatRequiresTwoFactorSignInMustEnrolAndThenItsSameSessionIsWhole() {
        auth = new TestUseCases(mongo.freshDatabase(), Set.of(Role.ADMIN));
        TestUseCases.Instance a = auth.instance();
        auth.insert("admin@mfa.test", Role.ADMIN);
        auth.account(EMAIL);

        SignIn.Result admin = a.signIn().login("admin@mfa.test", PASSWORD, CLIENT);
        SignIn.Result staff = a.signIn().login(EMAIL, PASSWORD, CLIENT);

        assertThat(admin.mfaEnrollmentRequired()).isTrue();
        assertThat(staff.mfaEnrollmentRequired()).isFalse();
        Authenticated caller = a.sessions().authenticate(admin.tokens().accessToken());
        assertThat(a.twoFactorRequirement().mustEnrol(caller.user())).isTrue();

        enrol(a, admin.tokens());

        Authenticated after = a.sessions().authenticate(admin.tokens().accessToken());
        assertThat(a.twoFactorRequirement().mustEnrol(after.user())).isFalse();
    }

    @Test
    void onlyAdminsResetAnotherUsersTwoFactorSignIn() {
        TestUseCases.Instance a = service();
        User sam = auth.account(EMAIL);
        auth.insert("admin@mfa.test", Role.ADMIN);
        auth.insert("manager@mfa.test", Role.MANAGER);
        enrol(a, a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens());
        Authenticated admin = a.sessions()
                .authenticate(a.signIn()
                        .login("admin@mfa.test", PASSWORD, CLIENT)
                        .tokens()
                        .accessToken());
        Authenticated manager = a.sessions()
                .authenticate(a.signIn()
                        .login("manager@mfa.test", PASSWORD, CLIENT)
                        .tokens()
                        .accessToken());

        assertThatThrownBy(() -> a.totpEnrolment().reset(manager, sam.id(), CLIENT))
                .extracting(e -> ((DomainException) e).category())
                .isEqualTo(ErrorCategory.AUTHORIZATION);
        a.totpEnrolment().reset(admin, sam.id(), CLIENT);

        assertThat(auth.reread(sam).mfaEnabled()).isFalse();
        assertThat(a.signIn().login(EMAIL, PASSWORD, CLIENT).tokens()).isNotNull();
        assertThat(auth.audited(AuditAction.MFA_RESET))
                .singleElement()
                .satisfies(e -> assertThat(e.actorId()).isEqualTo(admin.userId()))
                .satisfies(e -> assertThat(e.targetId()).isEqualTo(sam.id()));
    }

    /** A fresh password step of {@link #EMAIL}: its mfaToken. */
    private static String challenge(TestUseCases.Instance a) {
        return a.signIn().login(EMAIL, PASSWORD, CLIENT).challenge().mfaToken();
    }

    private static String outcome(Supplier<?> call) {
        try {
            call.get();
            return "200";
        } catch (RateLimitedException e) {
            return "429";
        } catch (DomainException e) {
            return e.category() == ErrorCategory.AUTHENTICATION
                    ? "401"
                    : e.category().name();
        }
    }
}
