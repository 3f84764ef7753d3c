package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.user.LastActiveAdminException;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserUpdate;
import com.abcdashboard.testsupport.Concurrently;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoAdminRosterTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final UserUpdate DEMOTE = new UserUpdate(null, Role.STAFF, null);
    private static final UserUpdate DEACTIVATE = new UserUpdate(null, null, false);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoDatabase database;
    private MongoUserRepository users;

    @BeforeEach
    void freshDatabase() {
        database = mongo.freshDatabase();
        users = new MongoUserRepository(database);
    }

    @Test
    void theLastActiveAdminCanBeNeitherDemotedNorDeactivatedNorDeleted() {
        User only = admin("only@example.com");

        assertThatThrownBy(() -> users.update(only, DEMOTE, NOW, "x")).isInstanceOf(LastActiveAdminException.class);
        assertThatThrownBy(() -> users.update(only, DEACTIVATE, NOW, "x")).isInstanceOf(LastActiveAdminException.class);
        assertThatThrownBy(() -> users.softDelete(only, NOW, "x")).isInstanceOf(LastActiveAdminException.class);
        assertThat(users.findById(only.id()))
                .get()
                .satisfies(u -> assertThat(u.isActiveAdmin()).isTrue());
    }

    @Test
    void withTwoAdminsOneMayGoAndThenTheOtherIsTheLast() {
        User first = admin("first@example.com");
        User second = admin("second@example.com");

        assertThat(users.update(first, DEMOTE, NOW, second.id()))
                .get()
                .extracting(User::role)
                .isEqualTo(Role.STAFF);
        assertThatThrownBy(() -> users.softDelete(second, NOW, "x")).isInstanceOf(LastActiveAdminException.class);
    }

    @Test
    void aPromotedOrReactivatedAdminCounts() {
        User only = admin("only@example.com");
        User staff = staff("staff@example.com");
        User promoted = users.update(staff, new UserUpdate(null, Role.ADMIN, null), NOW, only.id())
                .orElseThrow();

        assertThat(users.update(only, DEACTIVATE, NOW, promoted.id())).isPresent();
        User inactive = users.findById(only.id()).orElseThrow();
        assertThatThrownBy(() -> users.update(promoted, DEMOTE, NOW, "x")).isInstanceOf(LastActiveAdminException.class);

        users.update(inactive, new UserUpdate(null, null, true), NOW, promoted.id())
                .orElseThrow();
        assertThat(users.update(promoted, DEMOTE, NOW, only.id())).isPresent();
    }

    @Test
    void anUpdateDecidedOnAStaleStateIsNotApplied() {
        User admin = admin("admin@example.com");
        User staff = staff("staff@example.com");
        users.update(staff, new UserUpdate(null, Role.MANAGER, null), NOW, admin.id())
                .orElseThrow();

        // A decision taken while the target was still staff must not be applied to the manager.
        assertThat(users.update(staff, DEACTIVATE, NOW, admin.id())).isEmpty();
        assertThat(users.softDelete(staff, NOW, admin.id())).isFalse();
        assertThat(users.findById(staff.id())).get().extracting(User::active).isEqualTo(true);
    }

    @RepeatedTest(10)
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        User a = admin("a@example.com");
        User b = admin("b@example.com");
        List<User> targets = List.of(a, b);

        List<Boolean> applied = Concurrently.run(2, thread -> {
            try {
                return users.update(
                                targets.get(thread),
                                DEMOTE,
                                NOW,
                                targets.get(1 - thread).id())
                        .isPresent();
            } catch (LastActiveAdminException e) {
                return false;
            }
        });

        assertThat(applied).containsOnlyOnce(true);
        assertThat(activeAdmins()).isEqualTo(1);
    }

    @RepeatedTest(5)
    void manyConcurrentRemovalsNeverRemoveEveryAdmin() throws Exception {
        List<User> admins = List.of(admin("a@x.io"), admin("b@x.io"), admin("c@x.io"), admin("d@x.io"));

        Concurrently.run(8, thread -> {
            User target = admins.get(thread % 4);
            try {
                return thread < 4
                        ? users.softDelete(target, NOW, "x")
                        : users.update(target, DEACTIVATE, NOW, "x").isPresent();
            } catch (LastActiveAdminException e) {
                return false;
            }
        });

        assertThat(activeAdmins()).isEqualTo(1);
    }

    @Test
    void healingRestoresAnAdminLostByACrashBetweenTheTwoWrites() {
        User a = admin("a@example.com");
        User b = admin("b@example.com");
        // As if a demotion of b crashed after taking b off the list but before writing b.
        database.getCollection(MongoAdminRoster.COLLECTION)
                .updateOne(Filters.eq("_id", MongoAdminRoster.ID), Updates.pull("ids", new ObjectId(b.id())));
        assertThatThrownBy(() -> users.update(a, DEMOTE, NOW, b.id())).isInstanceOf(LastActiveAdminException.class);

        users.healAdminRoster(NOW.plus(Duration.ofMinutes(2)));

        assertThat(users.update(a, DEMOTE, NOW, b.id())).isPresent();
    }

    @Test
    void healingLeavesOutAdminsChangedInTheLastMinute() {
        User a = admin("a@example.com");
        User b = admin("b@example.com");
        database.getCollection(MongoAdminRoster.COLLECTION)
                .updateOne(Filters.eq("_id", MongoAdminRoster.ID), Updates.pull("ids", new ObjectId(b.id())));
        database.getCollection(MongoUserRepository.COLLECTION)
                .updateOne(Filters.eq("_id", new ObjectId(b.id())), Updates.set("updatedAt", Date.from(NOW)));

        users.healAdminRoster(NOW.plusSeconds(30));

        assertThatThrownBy(() -> users.update(a, DEMOTE, NOW, b.id())).isInstanceOf(LastActiveAdminException.class);
    }

    @Test
    void anExistingDatabaseGetsItsListFromTheUsersOnFirstUse() {
        User a = admin("a@example.com");
        User b = admin("b@example.com");
        database.getCollection(MongoAdminRoster.COLLECTION).drop();

        assertThat(users.update(a, DEMOTE, NOW, b.id())).isPresent();
        assertThatThrownBy(() -> users.update(b, DEMOTE, NOW, "x")).isInstanceOf(LastActiveAdminException.class);
    }

    private long activeAdmins() {
        return database.getCollection(MongoUserRepository.COLLECTION)
                .countDocuments(Filters.and(
                        Filters.eq("role", "admin"), Filters.eq("active", true), Filters.exists("deletedAt", false)));
    }

    private User admin(String email) {
        return insert(email, Role.ADMIN);
    }

    private User staff(String email) {
        return insert(email, Role.STAFF);
    }

    private User insert(String email, Role role) {
        return users.insert(new NewUser(
                email,
                null,
                "First",
                "Last",
                "First Last",
                role,
                null,
                "en",
                true,
                false,
                "hash",
                NOW.minus(Duration.ofDays(1)),
                null));
    }
}
