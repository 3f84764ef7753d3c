package com.abcdashboard.domain.auth;

import static com.abcdashboard.testsupport.TestUseCases.CLIENT;
import static com.abcdashboard.testsupport.TestUseCases.LOCK;
import static com.abcdashboard.testsupport.TestUseCases.MAX_ATTEMPTS;
import static com.abcdashboard.testsupport.TestUseCases.PASSWORD;
import static com.abcdashboard.testsupport.TestUseCases.newAccount;
import static com.abcdashboard.testsupport.TestUseCases.signUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserUpdate;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Password sign-in and its lockout, as the use case runs it on one or two instances. */
class SignInTest {
    private static final String EMAIL = "sam@signin.test";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private TestUseCases auth;

    @BeforeEach
    void start() {
        auth = new TestUseCases(mongo.freshDatabase());
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    @Test
    void fiftyParallelWrongGuessesOnTwoInstancesGetAtMostMaxPasswordChecksAndTheRightPasswordIsRefused()
            throws Exception {
        User sam = auth.account(EMAIL);
        List<TestUseCases.Instance> instances = List.of(auth.instance(), auth.instance());
        int checksBefore = auth.passwords.checks();

        List<String> outcomes = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            List<Future<String>> guesses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                SignIn signIn = instances.get(i % 2).signIn();
                String guess = "Wrong" + i + "Password";
                guesses.add(pool.submit(() -> {
                    go.await();
                    return outcome(() -> signIn.login(EMAIL, guess, ClientInfo.UNKNOWN));
                }));
            }
            go.countDown();
            // The right password, sent while the burst is under way: once the guesses used the attempts up.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> instances
                            .get(0)
                            .users()
                            .findById(sam.id())
                            .orElseThrow()
                            .isLockedAt(auth.clock.instant()));
            assertThatThrownBy(() -> instances.get(1).signIn().login(EMAIL, PASSWORD, ClientInfo.UNKNOWN))
                    .isInstanceOf(RateLimitedException.class)
                    .satisfies(e ->
                            assertThat(((RateLimitedException) e).retryAfter()).isPositive());
            for (Future<String> guess : guesses) {
                outcomes.add(guess.get(30, TimeUnit.SECONDS));
            }
        }

        assertThat(auth.passwords.checks() - checksBefore).isLessThanOrEqualTo(MAX_ATTEMPTS);
        assertThat(outcomes).filteredOn("401"::equals).hasSize(MAX_ATTEMPTS);
        assertThat(outcomes).filteredOn("429"::equals).hasSize(50 - MAX_ATTEMPTS);
    }

    @Test
    void whileLockedTheRightPasswordIsRefusedWithoutAPasswordCheckOnEveryInstance() {
        auth.account(EMAIL);
        TestUseCases.Instance a = auth.instance();
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            assertThat(outcome(() -> a.signIn().login(EMAIL, "Wrong1Password", ClientInfo.UNKNOWN)))
                    .isEqualTo("401");
        }
        int checks = auth.passwords.checks();

        TestUseCases.Instance b = auth.instance();
        assertThat(outcome(() -> b.signIn().login(EMAIL, PASSWORD, ClientInfo.UNKNOWN)))
                .isEqualTo("429");
        assertThat(b.locks().known(EMAIL, auth.clock.instant())).isPresent();
        assertThat(auth.passwords.checks()).isEqualTo(checks);
    }

    @Test
    void theLockEndsAfterTheLockoutDurationAndTheRightPasswordSignsInAgain() {
        auth.account(EMAIL);
        TestUseCases.Instance a = auth.instance();
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            outcome(() -> a.signIn().login(EMAIL, "Wrong1Password", ClientInfo.UNKNOWN));
        }
        auth.clock.advance(LOCK.minusSeconds(1));
        assertThat(outcome(() -> a.signIn().login(EMAIL, PASSWORD, ClientInfo.UNKNOWN)))
                .isEqualTo("429");

        auth.clock.advance(Duration.ofSeconds(1));

        assertThat(outcome(() -> a.signIn().login(EMAIL, PASSWORD, ClientInfo.UNKNOWN)))
                .isEqualTo("200");
    }

    @Test
    void aSuccessResetsTheCountOfAttemptsThatDidNotSucceed() {
        auth.account(EMAIL);
        TestUseCases.Instance a = auth.instance();
        for (int i = 0; i < MAX_ATTEMPTS - 1; i++) {
            outcome(() -> a.signIn().login(EMAIL, "Wrong1Password", ClientInfo.UNKNOWN));
        }
        assertThat(outcome(() -> a.signIn().login(EMAIL, PASSWORD, ClientInfo.UNKNOWN)))
                .isEqualTo("200");

        for (int i = 0; i < MAX_ATTEMPTS - 1; i++) {
            assertThat(outcome(() -> a.signIn().login(EMAIL, "Wrong1Password", ClientInfo.UNKNOWN)))
                    .isEqualTo("401");
        }
        assertThat(outcome(() -> a.signIn().login(EMAIL, PASSWORD, ClientInfo.UNKNOWN)))
                .isEqualTo("200");
    }

    @Test
    void theMaxthFailureLocksTheAccountWhenTheAttemptsComeOneByOne() {
        auth.account(EMAIL);
        TestUseCases.Instance a = auth.instance();
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            assertThat(outcome(() -> a.signIn().login(EMAIL, "Wrong1Password", ClientInfo.UNKNOWN)))
                    .isEqualTo("401");
        }

        assertThat(outcome(() -> a.signIn().login(EMAIL, "Wrong1Password", ClientInfo.UNKNOWN)))
                .isEqualTo("429");
    }

    @Test
    void anUnknownAddressAndAWrongPasswordFailAlikeAndEachSpendsOnePasswordCheck() {
        auth.account(EMAIL);
        TestUseCases.Instance a = auth.instance();
        int before = auth.passwords.checks();

        DomainException unknown = catchDomain(() -> a.signIn().login("nobody@signin.test", PASSWORD, CLIENT));
        DomainException wrong = catchDomain(() -> a.signIn().login(EMAIL, "Wrong1Password", CLIENT));

        assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage());
        assertThat(unknown.category()).isEqualTo(wrong.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(auth.passwords.checks() - before).isEqualTo(2);
        // The audit log tells them apart; only the unknown address is recorded as typed.
        assertThat(auth.audited(AuditAction.LOGIN_FAILURE))
                .extracting(e -> e.details().get("reason"))
                .containsExactly("bad_password", "unknown_email");
        assertThat(auth.audited(AuditAction.LOGIN_FAILURE).getLast().details())
                .containsEntry("email", "nobody@signin.test");
    }

    @Test
    void aSuccessfulSignInIsAuditedAndOpensASessionItsAccessTokenAuthenticates() {
        User sam = auth.account(EMAIL);
        TestUseCases.Instance a = auth.instance();

        SignIn.Result result = a.signIn().login(" SAM@signin.test ", PASSWORD, CLIENT);

        assertThat(result.user().lastLoginAt()).isEqualTo(auth.clock.instant());
        assertThat(a.sessions().authenticate(result.tokens().accessToken()).userId())
                .isEqualTo(sam.id());
        AuditEvent success = auth.audited(AuditAction.LOGIN_SUCCESS).getFirst();
        assertThat(success.actorId()).isEqualTo(sam.id());
        assertThat(success.client()).isEqualTo(CLIENT);
    }

    @Test
    void theFailureThatLocksTheAccountIsAuditedOnceWithTheLockEnd() {
        User sam = auth.account(EMAIL);
        TestUseCases.Instance a = auth.instance();

        for (int i = 0; i < MAX_ATTEMPTS + 2; i++) {
            outcome(() -> a.signIn().login(EMAIL, "Wrong1Password", CLIENT));
        }

        assertThat(auth.audited(AuditAction.ACCOUNT_LOCKED)).singleElement().satisfies(locked -> {
            assertThat(locked.targetId()).isEqualTo(sam.id());
            assertThat(locked.details())
                    .containsEntry(
                            "lockedUntil", auth.clock.instant().plus(LOCK).toString());
        });
        assertThat(auth.audited(AuditAction.LOGIN_FAILURE))
                .extracting(e -> e.details().get("reason"))
                .containsOnly("bad_password", "locked");
    }

    @Test
    void anUnverifiedAccountGetsNoSessionEvenWithTheRightPasswordAndTheAttemptCounts() {
        TestUseCases.Instance a = auth.instance();
        a.registration().register(signUp(EMAIL, PASSWORD), CLIENT);

        assertThatThrownBy(() -> a.signIn().login(EMAIL, PASSWORD, CLIENT))
                .isInstanceOf(AccountNotUsableException.class);

        assertThat(a.users().findByEmail(EMAIL).orElseThrow().failedLoginAttempts())
                .isEqualTo(1);
        assertThat(auth.audited(AuditAction.LOGIN_FAILURE).getFirst().details())
                .containsEntry("reason", "email_not_verified");
    }

    @Test
    void aDeactivatedAccountIsRefusedEvenWithTheRightPassword() {
        User admin = auth.insert("admin@signin.test", Role.ADMIN);
        User sam = auth.account(EMAIL);
        TestUseCases.Instance a = auth.instance();
        a.administration().update(admin, sam.id(), new UserUpdate(null, null, false), CLIENT);

        assertThatThrownBy(() -> a.signIn().login(EMAIL, PASSWORD, CLIENT))
                .isInstanceOf(AccountNotUsableException.class)
                .hasMessageContaining("deactivated");
    }

    @Test
    void anAdminCreatedAccountIsAskedForANewPasswordAtItsFirstSignIn() {
        User admin = auth.insert("admin@signin.test", Role.ADMIN);
        TestUseCases.Instance a = auth.instance();
        a.administration().create(admin, newAccount(EMAIL, Role.STAFF, PASSWORD), CLIENT);

        assertThat(a.signIn().login(EMAIL, PASSWORD, CLIENT).requiresPasswordChange())
                .isTrue();
    }

    private static DomainException catchDomain(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a DomainException");
    }

    /** The HTTP status the outcome maps to: 200, 401 (invalid credentials), 429 (locked). */
    private static String outcome(Runnable login) {
        try {
            login.run();
            return "200";
        } catch (RateLimitedException locked) {
            return "429";
        } catch (DomainException e) {
            assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
            return "401";
        }
    }
}
