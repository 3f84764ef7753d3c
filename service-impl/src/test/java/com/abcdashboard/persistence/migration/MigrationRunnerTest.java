package com.abcdashboard.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.persistence.MongoIndexes;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.abcdashboard.testsupport.MutableClock;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationRunnerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoDatabase database;
    private final Map<String, AtomicInteger> applications = new ConcurrentHashMap<>();

    @BeforeEach
    void freshDatabase() {
        database = mongo.emptyDatabase();
    }

    private static final CountDownLatch NO_WAIT = new CountDownLatch(0);

    /** Counts its applications and writes one marker document, so order and repetition are visible. */
    private Migration counting(String id, boolean repeatable, String checksum, CountDownLatch holdUntil) {
        return new Migration() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "test migration " + id;
            }

            @Override
            public boolean repeatable() {
                return repeatable;
            }

            @Override
            public String checksum() {
                return checksum;
            }

            @Override
            public void apply(MongoDatabase db) {
                applications.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                db.getCollection("applied").insertOne(new Document("id", id));
                try {
                    // Held until every runner has arrived at the lock, so that they meet there.
                    assertThat(holdUntil.await(30, TimeUnit.SECONDS))
                            .as("every runner arrived")
                            .isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private List<Migration> threeMigrations() {
        return List.of(
                counting("0002-second", false, "c2", NO_WAIT),
                counting("repeat", true, "r1", NO_WAIT),
                counting("0001-first", false, "c1", NO_WAIT));
    }

    private List<String> appliedOrder() {
        return database.getCollection("applied")
                .find()
                .map(d -> d.getString("id"))
                .into(new ArrayList<>());
    }

    @Test
    void appliesVersionedMigrationsInIdOrderThenRepeatablesAndASecondRunAppliesNothing() {
        MigrationRunner runner = new MigrationRunner(database, threeMigrations(), CLOCK);

        List<MigrationStatus> first = runner.applyPending();
        List<MigrationStatus> second = runner.applyPending();

        assertThat(first).extracting(MigrationStatus::id).containsExactly("0001-first", "0002-second", "repeat");
        assertThat(second).isEmpty();
        assertThat(appliedOrder()).containsExactly("0001-first", "0002-second", "repeat");
        assertThat(runner.status()).allSatisfy(s -> assertThat(s.state()).isEqualTo(MigrationStatus.State.APPLIED));
    }

    @Test
    void aRepeatableMigrationRunsAgainWhenItsChecksumChangesAndAVersionedOneDoesNot() {
        new MigrationRunner(database, threeMigrations(), CLOCK).applyPending();
        MigrationRunner changed = new MigrationRunner(
                database,
                List.of(
                        counting("0001-first", false, "c1-edited", NO_WAIT),
                        counting("0002-second", false, "c2", NO_WAIT),
                        counting("repeat", true, "r2", NO_WAIT)),
                CLOCK);

        assertThat(changed.status())
                .extracting(MigrationStatus::id, MigrationStatus::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("0001-first", MigrationStatus.State.EDITED_AFTER_APPLY),
                        org.assertj.core.groups.Tuple.tuple("0002-second", MigrationStatus.State.APPLIED),
                        org.assertj.core.groups.Tuple.tuple("repeat", MigrationStatus.State.CHANGED));
        assertThat(changed.applyPending()).extracting(MigrationStatus::id).containsExactly("repeat");
        assertThat(applications.get("0001-first")).hasValue(1);
        assertThat(applications.get("repeat")).hasValue(2);
    }

    @Test
    void statusListsAppliedAndPendingWithTimeAndChecksum() {
        new MigrationRunner(database, List.of(counting("0001-first", false, "c1", NO_WAIT)), CLOCK).applyPending();

        List<MigrationStatus> status = new MigrationRunner(database, threeMigrations(), CLOCK).status();

        assertThat(status).hasSize(3);
        assertThat(status.get(0)).satisfies(s -> {
            assertThat(s.state()).isEqualTo(MigrationStatus.State.APPLIED);
            assertThat(s.appliedAt()).contains(NOW);
            assertThat(s.appliedChecksum()).contains("c1");
        });
        assertThat(status.get(1)).satisfies(s -> {
            assertThat(s.id()).isEqualTo("0002-second");
            assertThat(s.state()).isEqualTo(MigrationStatus.State.PENDING);
            assertThat(s.appliedAt()).isEmpty();
            assertThat(s.checksum()).isEqualTo("c2");
        });
        assertThat(status.get(2).pending()).isTrue();
    }

    @Test
    void twoRunnersStartingTogetherApplyEachMigrationExactlyOnce() throws Exception {
        CountDownLatch arrived = new CountDownLatch(2);
        List<Migration> slow = List.of(
                counting("0001-first", false, "c1", arrived),
                counting("0002-second", false, "c2", arrived),
                counting("repeat", true, "r1", arrived));
        CountDownLatch go = new CountDownLatch(1);
        List<List<MigrationStatus>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<List<MigrationStatus>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    MigrationLock lock = MigrationLock.forThisProcess(database, Clock.systemUTC());
                    MigrationRunner runner = new MigrationRunner(database, slow, Clock.systemUTC());
                    go.await();
                    arrived.countDown();
                    return lock.holding(runner::applyPending);
                }));
            }
            go.countDown();
            for (Future<List<MigrationStatus>> run : runs) {
                results.add(run.get(30, TimeUnit.SECONDS));
            }
        }

        assertThat(applications)
                .allSatisfy((id, count) -> assertThat(count).as(id).hasValue(1));
        assertThat(applications).hasSize(3);
        assertThat(results).extracting(List::size).containsExactlyInAnyOrder(3, 0);
        assertThat(database.getCollection(MigrationRunner.COLLECTION).countDocuments())
                .isEqualTo(3);
    }

    @Test
    void aLeaseLeftByADeadRunnerExpiresAndTheNextRunnerTakesOver() {
        MutableClock clock = new MutableClock(NOW);
        Duration lease = Duration.ofMinutes(2);
        MigrationLock crashed = new MigrationLock(database, "crashed", lease, Duration.ZERO, clock);
        MigrationLock next = new MigrationLock(database, "next", lease, Duration.ZERO, clock);

        assertThat(crashed.tryAcquire()).isTrue();
        assertThat(next.tryAcquire()).isFalse();
        clock.advance(lease.plusSeconds(1));

        assertThat(next.tryAcquire()).isTrue();
        assertThat(crashed.tryAcquire()).isFalse();
    }

    @Test
    void aReleasedLockIsFreeAtOnce() {
        MigrationLock first = new MigrationLock(database, "first", Duration.ofMinutes(2), Duration.ZERO, CLOCK);
        MigrationLock second = new MigrationLock(database, "second", Duration.ofMinutes(2), Duration.ZERO, CLOCK);

        assertThat(first.holding(() -> second.tryAcquire())).isFalse();
        assertThat(second.tryAcquire()).isTrue();
    }

    @Test
    void theIndexStepCreatesEveryIndexAndRunsAgainOnlyWhenTheDefinitionsChange() {
        MigrationRunner runner = new MigrationRunner(database, Migrations.all(), CLOCK);

        assertThat(runner.applyPending())
                .extracting(MigrationStatus::id)
                .containsExactly(new UsernameBackfill().id(), IndexDefinitions.ID);
        assertThat(runner.applyPending()).isEmpty();

        assertThat(database.getCollection("users").listIndexes().map(d -> d.getString("name")))
                .contains("users_email_key_unique", "users_username_key_unique");
        assertThat(runner.status().get(1).appliedChecksum()).contains(MongoIndexes.checksum());
        assertThat(MongoIndexes.checksum()).isEqualTo(MongoIndexes.checksum()).hasSize(64);
    }
}
