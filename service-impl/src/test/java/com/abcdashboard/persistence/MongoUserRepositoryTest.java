package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.user.DuplicateUserException;
import com.abcdashboard.domain.user.LoginAttempt;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.testsupport.Concurrently;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoUserRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration LOCK = Duration.ofMinutes(15);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoDatabase database;
    private MongoCollection<Document> documents;
    private MongoUserRepository users;

    @BeforeEach
    void freshDatabase() {
        database = mongo.freshDatabase();
        documents = database.getCollection(MongoUserRepository.COLLECTION);
        users = new MongoUserRepository(database);
    }

    @Test
    void anInsertedUserIsFoundByIdAndByEmailInAnyCase() {
        User jane = insert("jane@example.com", "Jane_D");

        assertThat(users.findById(jane.id())).contains(jane);
        assertThat(users.findByEmail("  JANE@Example.com ")).contains(jane);
    }

    @Test
    void theDocumentKeepsLowerCasedKeysTheRoleIdAndBsonDates() {
        User jane = insert("Jane@Example.COM", "Jane_D");

        Document stored = documents.find().first();
        assertThat(stored.getObjectId("_id").toHexString()).isEqualTo(jane.id());
        assertThat(stored.getString("email")).isEqualTo("jane@example.com");
        assertThat(stored.getString("emailKey")).isEqualTo("jane@example.com");
        assertThat(stored.getString("username")).isEqualTo("Jane_D");
        assertThat(stored.getString("usernameKey")).isEqualTo("jane_d");
        assertThat(stored.getString("role")).isEqualTo("staff");
        assertThat(stored.get("createdAt")).isEqualTo(Date.from(NOW));
        assertThat(stored).doesNotContainKeys("phone", "deletedAt", "lockedUntil");
    }

    @Test
    void aUserWithoutUsernameHasNoUsernameKey() {
        insert("a@example.com", null);
        insert("b@example.com", null);

        assertThat(documents.find(Filters.exists("usernameKey")).first()).isNull();
        assertThat(users.findByEmail("b@example.com")).isPresent();
    }

    @Test
    void aDuplicateEmailInAnyCaseIsAConflictOnEmail() {
        insert("jane@example.com", "jane");

        assertThatThrownBy(() -> insert("JANE@Example.com", "other"))
                .isInstanceOfSatisfying(
                        DuplicateUserException.class,
                        e -> assertThat(e.field()).isEqualTo(DuplicateUserException.Field.EMAIL));
    }

    @Test
    void aDuplicateUsernameInAnyCaseIsAConflictOnUsername() {
        insert("a@example.com", "jane_doe");

        assertThatThrownBy(() -> insert("b@example.com", "JANE_Doe"))
                .isInstanceOfSatisfying(
                        DuplicateUserException.class,
                        e -> assertThat(e.field()).isEqualTo(DuplicateUserException.Field.USERNAME));
    }

    @Test
    void anEmailSpellingTheUsernameIndexNameIsStillAConflictOnEmail() {
        String email = MongoUserRepository.USERNAME_INDEX + "@example.com";
        insert(email, null);

        assertThatThrownBy(() -> insert(email, null))
                .isInstanceOfSatisfying(
                        DuplicateUserException.class,
                        e -> assertThat(e.field()).isEqualTo(DuplicateUserException.Field.EMAIL));
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateExactlyOneAccount() throws Exception {
        List<Optional<DuplicateUserException.Field>> outcomes = Concurrently.run(20, thread -> {
            try {
                insert(thread % 2 == 0 ? "race@example.com" : "RACE@example.com", null);
                return Optional.<DuplicateUserException.Field>empty();
            } catch (DuplicateUserException e) {
                return Optional.of(e.field());
            }
        });

        assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
        assertThat(outcomes)
                .filteredOn(Optional::isPresent)
                .hasSize(19)
                .allSatisfy(field -> assertThat(field).contains(DuplicateUserException.Field.EMAIL));
        assertThat(documents.countDocuments()).isEqualTo(1);
    }

    @Test
    void aMalformedOrUnknownIdFindsAndChangesNothing() {
        insert("jane@example.com", null);

        for (String id : new String[] {"not-an-id", "", "0123", new ObjectId().toHexString()}) {
            assertThat(users.findById(id)).as(id).isEmpty();
            assertThat(users.markEmailVerified(id, NOW)).as(id).isEmpty();
            assertThat(users.changePassword(id, "$2a$new", NOW)).as(id).isEmpty();
            assertThat(users.reserveLoginAttempt(id, NOW, 5, LOCK)).as(id).isEmpty();
            assertThat(users.recordSuccessfulLogin(id, NOW)).as(id).isEmpty();
        }
        assertThat(users.findById(null)).isEmpty();
    }

    @Test
    void aSoftDeletedUserIsInvisibleToEveryLookupAndUpdate() {
        ObjectId id = insertSoftDeleted("gone@example.com", "gone");
        String hex = id.toHexString();
        Document before = documents.find(Filters.eq("_id", id)).first();

        assertThat(users.findById(hex)).isEmpty();
        assertThat(users.findByEmail("gone@example.com")).isEmpty();
        assertThat(users.markEmailVerified(hex, NOW)).isEmpty();
        assertThat(users.changePassword(hex, "$2a$new", NOW)).isEmpty();
        assertThat(users.reserveLoginAttempt(hex, NOW, 5, LOCK)).isEmpty();
        assertThat(users.recordSuccessfulLogin(hex, NOW)).isEmpty();
        assertThat(documents.find(Filters.eq("_id", id)).first()).isEqualTo(before);
    }

    @Test
    void aSoftDeletedUsersEmailAndUsernameCanBeTakenAgain() {
        ObjectId gone = insertSoftDeleted("jane@example.com", "jane");

        User again = insert("JANE@example.com", "Jane");

        assertThat(again.id()).isNotEqualTo(gone.toHexString());
        assertThat(users.findByEmail("jane@example.com")).map(User::id).contains(again.id());
    }

    @Test
    void markingTheEmailVerifiedKeepsTheTimeOfTheFirstVerification() {
        User jane = users.insert(newUser("jane@example.com", null, false, false));

        User verified = users.markEmailVerified(jane.id(), NOW).orElseThrow();
        User again = users.markEmailVerified(jane.id(), NOW.plusSeconds(60)).orElseThrow();

        assertThat(verified.emailVerified()).isTrue();
        assertThat(verified.emailVerifiedAt()).isEqualTo(NOW);
        assertThat(again.emailVerifiedAt()).isEqualTo(NOW);
        assertThat(again.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void changingThePasswordClearsFirstLoginTheCounterAndTheLock() {
        User jane = users.insert(newUser("jane@example.com", null, true, true));
        lockWithOneFailureCountedSince(jane);
        Instant at = NOW.plusSeconds(30);

        User changed = users.changePassword(jane.id(), "$2a$new", at).orElseThrow();

        assertThat(changed.passwordHash()).isEqualTo("$2a$new");
        assertThat(changed.passwordChangedAt()).isEqualTo(at);
        assertThat(changed.firstLogin()).isFalse();
        assertThat(changed.failedLoginAttempts()).isZero();
        assertThat(changed.lockedUntil()).isNull();
        assertThat(users.findById(jane.id())).contains(changed);
    }

    @Test
    void theFifthReservationIsGrantedAndLocksTheAccountAndResetsTheCounter() {
        User jane = insert("jane@example.com", null);

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(users.reserveLoginAttempt(jane.id(), NOW, 5, LOCK)).contains(LoginAttempt.allowed());
            User counted = users.findById(jane.id()).orElseThrow();
            assertThat(counted.failedLoginAttempts()).isEqualTo(attempt);
            assertThat(counted.lockedUntil()).isNull();
        }
        LoginAttempt last = users.reserveLoginAttempt(jane.id(), NOW, 5, LOCK).orElseThrow();

        assertThat(last).isEqualTo(LoginAttempt.allowedLastBefore(NOW.plus(LOCK)));
        User locked = users.findById(jane.id()).orElseThrow();
        assertThat(locked.lockedUntil()).isEqualTo(NOW.plus(LOCK));
        assertThat(locked.failedLoginAttempts()).isZero();
    }

    @Test
    void aLockedAccountRefusesReservationsUntilTheLockEnds() {
        User jane = insert("jane@example.com", null);
        users.reserveLoginAttempt(jane.id(), NOW, 1, LOCK);

        assertThat(users.reserveLoginAttempt(jane.id(), NOW.plus(LOCK).minusMillis(1), 1, LOCK))
                .contains(LoginAttempt.refused(NOW.plus(LOCK)));
        Instant after = NOW.plus(LOCK);
        assertThat(users.reserveLoginAttempt(jane.id(), after, 2, LOCK)).contains(LoginAttempt.allowed());
    }

    @Test
    void withASingleAllowedAttemptTheFirstReservationLocks() {
        User jane = insert("jane@example.com", null);

        assertThat(users.reserveLoginAttempt(jane.id(), NOW, 1, LOCK))
                .contains(LoginAttempt.allowedLastBefore(NOW.plus(LOCK)));
        assertThat(users.findById(jane.id()).orElseThrow().failedLoginAttempts())
                .isZero();
    }

    @Test
    void concurrentReservationsAreEachCountedOnce() throws Exception {
        User jane = insert("jane@example.com", null);

        List<LoginAttempt> attempts = Concurrently.run(
                20,
                thread -> users.reserveLoginAttempt(jane.id(), NOW, 100, LOCK).orElseThrow());

        assertThat(attempts).containsOnly(LoginAttempt.allowed());
        assertThat(users.findById(jane.id()).orElseThrow().failedLoginAttempts())
                .isEqualTo(20);
    }

    @Test
    void ofTwentyConcurrentReservationsExactlyFiveAreGrantedAndTheFifthLocks() throws Exception {
        User jane = insert("jane@example.com", null);

        List<LoginAttempt> attempts = Concurrently.run(
                20, thread -> users.reserveLoginAttempt(jane.id(), NOW, 5, LOCK).orElseThrow());

        assertThat(attempts).filteredOn(LoginAttempt::granted).hasSize(5);
        assertThat(attempts)
                .filteredOn(LoginAttempt::locks)
                .containsExactly(LoginAttempt.allowedLastBefore(NOW.plus(LOCK)));
        assertThat(attempts).filteredOn(a -> !a.granted()).containsOnly(LoginAttempt.refused(NOW.plus(LOCK)));
        User after = users.findById(jane.id()).orElseThrow();
        assertThat(after.failedLoginAttempts()).isZero();
        assertThat(after.lockedUntil()).isEqualTo(NOW.plus(LOCK));
    }

    @Test
    void aSuccessfulLoginResetsTheCounterAndLockAndRecordsTheTime() {
        User jane = insert("jane@example.com", null);
        lockWithOneFailureCountedSince(jane);
        Instant later = NOW.plus(LOCK).plusSeconds(1);

        User signedIn = users.recordSuccessfulLogin(jane.id(), later).orElseThrow();

        assertThat(signedIn.failedLoginAttempts()).isZero();
        assertThat(signedIn.lockedUntil()).isNull();
        assertThat(signedIn.lastLoginAt()).isEqualTo(later);
        assertThat(signedIn.lastActivityAt()).isEqualTo(later);
    }

    @Test
    void everyWriteMovesUpdatedAtAndChangesByAPersonNameThem() {
        User jane = insert("jane@example.com", "jane");
        Instant t1 = NOW.plusSeconds(1);
        assertThat(users.markEmailVerified(jane.id(), t1)).get().satisfies(u -> {
            assertThat(u.updatedAt()).isEqualTo(t1);
            assertThat(u.lastModifiedBy()).isEqualTo(jane.id());
        });
        Instant t2 = NOW.plusSeconds(2);
        users.reserveLoginAttempt(jane.id(), t2, 5, LOCK);
        assertThat(users.findById(jane.id())).get().extracting(User::updatedAt).isEqualTo(t2);
        Instant t3 = NOW.plusSeconds(3);
        assertThat(users.recordSuccessfulLogin(jane.id(), t3))
                .get()
                .extracting(User::updatedAt)
                .isEqualTo(t3);
        Instant t4 = NOW.plusSeconds(4);
        assertThat(users.changePassword(jane.id(), "h2", t4))
                .get()
                .extracting(User::updatedAt)
                .isEqualTo(t4);
        Instant t5 = NOW.plusSeconds(5);
        assertThat(users.update(
                        users.findById(jane.id()).orElseThrow(),
                        new com.abcdashboard.domain.user.UserUpdate(null, Role.MANAGER, null),
                        t5,
                        "admin-id"))
                .get()
                .satisfies(u -> {
                    assertThat(u.updatedAt()).isEqualTo(t5);
                    assertThat(u.lastModifiedBy()).isEqualTo("admin-id");
                });
    }

    @Test
    void theBackfillGivesEveryUserWithoutAUsernameAUniqueOneAndLeavesTheOthersAlone() {
        User named = insert("named@example.com", "jane_doe");
        User first = insert("first@example.com", null);
        User second = insert("second@example.com", null);
        ObjectId deleted = insertSoftDeleted("gone@example.com", null);

        assertThat(users.backfillUsernames()).isEqualTo(2);

        String firstName = users.findById(first.id()).orElseThrow().username();
        String secondName = users.findById(second.id()).orElseThrow().username();
        // "Jane Doe" was taken by the named user: both get a suffixed one, and different ones.
        assertThat(List.of(firstName, secondName))
                .allMatch(u -> u.matches("^jane_doe_\\d{4}$"))
                .doesNotHaveDuplicates();
        assertThat(users.findById(named.id()).orElseThrow().username()).isEqualTo("jane_doe");
        assertThat(documents.find(new Document("_id", deleted)).first()).doesNotContainKey("usernameKey");
        assertThat(users.backfillUsernames()).isZero();
    }

    private User insert(String email, String username) {
        return users.insert(newUser(email, username, true, false));
    }

    /** Five reservations with a limit of five, then one after the lock ended: one counted since. */
    private void lockWithOneFailureCountedSince(User user) {
        for (int i = 0; i < 5; i++) {
            users.reserveLoginAttempt(user.id(), NOW, 5, LOCK);
        }
        users.reserveLoginAttempt(user.id(), NOW.plus(LOCK), 5, LOCK);
    }

    /** A soft-deleted account as the deletion writes it: deletedAt set, the unique keys removed. */
    private ObjectId insertSoftDeleted(String email, String username) {
        ObjectId id = new ObjectId();
        documents.insertOne(new Document("_id", id)
                .append("email", email)
                .append("username", username)
                .append("role", "staff")
                .append("active", true)
                .append("createdAt", Date.from(NOW))
                .append("deletedAt", Date.from(NOW)));
        return id;
    }

    private static NewUser newUser(String email, String username, boolean emailVerified, boolean firstLogin) {
        return new NewUser(
                email,
                username,
                "Jane",
                "Doe",
                "Jane Doe",
                Role.STAFF,
                null,
                "en",
                emailVerified,
                firstLogin,
                "$2a$hash",
                NOW,
                null);
    }
}
