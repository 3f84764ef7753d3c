package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.auth.OneTimeToken;
import com.abcdashboard.domain.auth.Session;
import com.abcdashboard.domain.user.DuplicateUserException;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repositories against the embedded MongoDB-compatible server, through the real driver. */
class MongoRepositoriesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private EmbeddedDatabase db;
    private MongoUserRepository users;
    private MongoSessionRepository sessions;
    private MongoOneTimeTokenRepository tokens;

    @BeforeEach
    void open() {
        db = new EmbeddedDatabase();
        users = new MongoUserRepository(db.database());
        sessions = new MongoSessionRepository(db.database());
        tokens = new MongoOneTimeTokenRepository(db.database());
        users.createIndexes();
        sessions.createIndexes();
        tokens.createIndexes();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private User insert(String email, String username) {
        return users.insert(new NewUser(
                email,
                username,
                "Jane",
                "Doe",
                "Jane Doe",
                Role.STAFF,
                null,
                "en",
                true,
                false,
                "$2a$hash",
                NOW,
                null));
    }

    @Test
    void findsUsersByEmailInAnyCase() {
        User jane = insert("jane@example.com", "Jane_D");

        assertThat(users.findByEmail("JANE@Example.com")).map(User::id).contains(jane.id());
        assertThat(users.findById(jane.id())).map(User::username).contains("Jane_D");
    }

    @Test
    void aDuplicateEmailInAnyCaseIsAConflictOnEmail() {
        insert("jane@example.com", null);

        assertThatThrownBy(() -> insert("JANE@example.com".toLowerCase(), null))
                .isInstanceOfSatisfying(
                        DuplicateUserException.class,
                        e -> assertThat(e.field()).isEqualTo(DuplicateUserException.Field.EMAIL));
    }

    @Test
    void aDuplicateUsernameInAnyCaseIsAConflictOnUsername() {
        insert("a@example.com", "jane_doe");

        assertThatThrownBy(() -> insert("b@example.com", "JANE_DOE"))
                .isInstanceOfSatisfying(
                        DuplicateUserException.class,
                        e -> assertThat(e.field()).isEqualTo(DuplicateUserException.Field.USERNAME));
    }

    @Test
    void severalUsersWithoutUsernameCoexist() {
        insert("a@example.com", null);
        insert("b@example.com", null);

        assertThat(users.findByEmail("b@example.com")).isPresent();
    }

    @Test
    void aMalformedIdFindsNothing() {
        assertThat(users.findById("not-an-id")).isEmpty();
        assertThat(users.findById(new ObjectId().toHexString())).isEmpty();
    }

    @Test
    void softDeletedUsersAreInvisibleAndFreeTheirEmail() {
        User jane = insert("jane@example.com", "jane");
        db.database()
                .getCollection("users")
                .updateOne(
                        Filters.eq("_id", new ObjectId(jane.id())),
                        Updates.combine(
                                Updates.set("deletedAt", new Date()),
                                Updates.unset("emailKey"),
                                Updates.unset("usernameKey")));

        assertThat(users.findById(jane.id())).isEmpty();
        assertThat(users.findByEmail("jane@example.com")).isEmpty();
        assertThat(insert("jane@example.com", "jane").id()).isNotEqualTo(jane.id());
    }

    @Test
    void theFifthConsecutiveFailureLocksTheAccount() {
        User jane = insert("jane@example.com", null);

        for (int i = 1; i < 5; i++) {
            assertThat(users.recordFailedLogin(jane.id(), NOW, 5, Duration.ofMinutes(15))
                            .orElseThrow()
                            .lockedUntil())
                    .isNull();
        }
        User locked = users.recordFailedLogin(jane.id(), NOW, 5, Duration.ofMinutes(15))
                .orElseThrow();

        assertThat(locked.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(locked.isLockedAt(NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        User jane = insert("jane@example.com", null);
        List<Callable<Optional<User>>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(() -> users.recordFailedLogin(jane.id(), NOW, 100, Duration.ofMinutes(15)));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<Optional<User>> f : pool.invokeAll(attempts)) {
                f.get();
            }
        }

        assertThat(users.findById(jane.id()).orElseThrow().failedLoginAttempts())
                .isEqualTo(4);
    }

    @Test
    void aSuccessfulLoginAndAPasswordChangeResetTheCounter() {
        User jane = insert("jane@example.com", null);
        users.recordFailedLogin(jane.id(), NOW, 5, Duration.ofMinutes(15));

        assertThat(users.recordSuccessfulLogin(jane.id(), NOW).orElseThrow().failedLoginAttempts())
                .isZero();
        User changed = users.changePassword(jane.id(), "$2a$new", NOW).orElseThrow();
        assertThat(changed.passwordHash()).isEqualTo("$2a$new");
        assertThat(changed.firstLogin()).isFalse();
    }

    @Test
    void aRefreshTokenRotatesExactlyOnce() throws Exception {
        Session s = sessions.create("u1", "h0", NOW, NOW.plusSeconds(3600), "ua", "127.0.0.1");
        Callable<Optional<Session>> rotate =
                () -> sessions.rotate("h0", "h-" + Thread.currentThread().threadId(), NOW, NOW.plusSeconds(7200));

        int winners = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Future<Optional<Session>> f : pool.invokeAll(List.of(rotate, rotate))) {
                winners += f.get().isPresent() ? 1 : 0;
            }
        }

        assertThat(winners).isEqualTo(1);
        assertThat(sessions.findByRotatedTokenHash("h0")).map(Session::id).contains(s.id());
        assertThat(sessions.findByCurrentTokenHash("h0")).isEmpty();
    }

    @Test
    void aRevokedOrExpiredSessionDoesNotRotate() {
        Session s = sessions.create("u1", "h0", NOW, NOW.plusSeconds(3600), null, null);
        assertThat(sessions.rotate("h0", "h1", NOW.plusSeconds(3601), NOW.plusSeconds(9000)))
                .isEmpty();

        sessions.revoke(s.id(), NOW, "logout");
        sessions.revoke(s.id(), NOW.plusSeconds(5), "reuse");

        assertThat(sessions.rotate("h0", "h1", NOW, NOW.plusSeconds(9000))).isEmpty();
        assertThat(sessions.findById(s.id()).orElseThrow().revokedReason()).isEqualTo("logout");
    }

    @Test
    void revokingAllSessionsCanKeepTheCurrentOne() {
        Session keep = sessions.create("u1", "a", NOW, NOW.plusSeconds(60), null, null);
        Session other = sessions.create("u1", "b", NOW, NOW.plusSeconds(60), null, null);
        Session foreign = sessions.create("u2", "c", NOW, NOW.plusSeconds(60), null, null);

        assertThat(sessions.revokeAllForUser("u1", keep.id(), NOW, "password-change"))
                .isEqualTo(1);
        assertThat(sessions.findById(keep.id()).orElseThrow().isUsableAt(NOW)).isTrue();
        assertThat(sessions.findById(other.id()).orElseThrow().isUsableAt(NOW)).isFalse();
        assertThat(sessions.findById(foreign.id()).orElseThrow().isUsableAt(NOW))
                .isTrue();
    }

    @Test
    void aOneTimeTokenIsConsumedOnceOnlyBeforeItExpiresAndForItsPurpose() {
        Set<OneTimeToken.Purpose> reset = Set.of(OneTimeToken.Purpose.PASSWORD_RESET);
        tokens.create(OneTimeToken.Purpose.PASSWORD_RESET, "t1", "u1", NOW, NOW.plusSeconds(600));
        tokens.create(OneTimeToken.Purpose.PASSWORD_RESET, "t2", "u1", NOW, NOW.plusSeconds(600));

        assertThat(tokens.consume(Set.of(OneTimeToken.Purpose.EMAIL_VERIFICATION), "t1", NOW))
                .isEmpty();
        assertThat(tokens.consume(reset, "t1", NOW)).isPresent();
        assertThat(tokens.consume(reset, "t1", NOW)).isEmpty();
        assertThat(tokens.consume(reset, "t2", NOW.plusSeconds(601))).isEmpty();
    }

    @Test
    void invalidatingKillsEveryUnusedTokenOfTheUser() {
        Set<OneTimeToken.Purpose> verify = Set.of(OneTimeToken.Purpose.EMAIL_VERIFICATION);
        tokens.create(OneTimeToken.Purpose.EMAIL_VERIFICATION, "v1", "u1", NOW, NOW.plusSeconds(600));

        assertThat(tokens.invalidateAll("u1", verify, NOW)).isEqualTo(1);
        assertThat(tokens.consume(verify, "v1", NOW)).isEmpty();
    }
}
