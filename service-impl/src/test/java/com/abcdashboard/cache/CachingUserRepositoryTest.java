package com.abcdashboard.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.ProfileChanges;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserQuery;
import com.abcdashboard.domain.user.UserUpdate;
import com.abcdashboard.observability.ServiceMetrics;
import com.abcdashboard.persistence.MongoUserRepository;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.abcdashboard.testsupport.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The caching user repository over the real redis-server: two "instances" (each its own connection and
 * decorator) over one MongoDB database, as two service instances run. Writes that bypass the cache
 * ({@link #mongo}) show what the TTLs bound.
 */
class CachingUserRepositoryTest {
    private static final Duration USER_TTL = Duration.ofMillis(1500);
    private static final Duration RESPONSE_TTL = Duration.ofMillis(1500);
    private static final Duration LONG = Duration.ofMinutes(5);

    @RegisterExtension
    static final EmbeddedMongo embedded = new EmbeddedMongo();

    private final ServiceMetrics metrics = ServiceMetrics.global();
    private TestRedis redis;
    private MongoUserRepository mongo;
    private ResilientStore storeA;
    private ResilientStore storeB;

    @BeforeEach
    void start() {
        redis = new TestRedis();
        mongo = new MongoUserRepository(embedded.freshDatabase());
        storeA = redis.instance();
        storeB = redis.instance();
    }

    @AfterEach
    void stop() {
        storeA.close();
        storeB.close();
        redis.close();
    }

    private CachingUserRepository instance(ResilientStore store, Duration userTtl, Duration responseTtl) {
        return new CachingUserRepository(mongo, store, userTtl, responseTtl, metrics);
    }

    @Test
    void aCachedUserIsServedForItsTtlThenReadAgainFromMongo() throws Exception {
        CachingUserRepository users = instance(storeA, USER_TTL, LONG);
        // Inserted directly: a write through the cache leaves a short tombstone that refuses fills.
        User sam = mongo.insert(newUser("sam@cache.test"));
        users.findById(sam.id()); // fills
        assertThat(redis.ttlMillis("user:" + sam.id())).isBetween(1L, USER_TTL.toMillis());

        // Changed behind the cache's back: only the TTL ends the stale entry.
        mongo.updateProfile(sam.id(), bio("behind the cache"), Instant.now(), null);
        Instant changedAt = Instant.now();
        assertThat(users.findById(sam.id()).orElseThrow().bio()).isNull();

        await(() ->
                "behind the cache".equals(users.findById(sam.id()).orElseThrow().bio()));
        assertThat(Duration.between(changedAt, Instant.now())).isLessThan(USER_TTL.plusSeconds(1));
    }

    @Test
    void listAndStatsAnswersLiveForTheResponseTtl() throws Exception {
        CachingUserRepository users = instance(storeA, LONG, RESPONSE_TTL);
        users.insert(newUser("one@cache.test"));
        assertThat(users.find(UserQuery.ALL, new PageRequest(1, 10)).total()).isEqualTo(1);
        assertThat(users.stats(Instant.EPOCH).total()).isEqualTo(1);

        mongo.insert(newUser("two@cache.test")); // bypasses the generation counter
        assertThat(users.find(UserQuery.ALL, new PageRequest(1, 10)).total()).isEqualTo(1);
        assertThat(users.stats(Instant.EPOCH).total()).isEqualTo(1);

        await(() -> users.find(UserQuery.ALL, new PageRequest(1, 10)).total() == 2
                && users.stats(Instant.EPOCH).total() == 2);
    }

    @Test
    void adminUpdateOnOneInstanceIsSeenByTheNextReadOnTheOther() {
        CachingUserRepository a = instance(storeA, LONG, LONG);
        CachingUserRepository b = instance(storeB, LONG, LONG);
        User sam = a.insert(newUser("sam@cache.test"));
        User cached = b.findById(sam.id()).orElseThrow();
        assertThat(b.find(activeOnly(false), new PageRequest(1, 10)).total()).isZero();

        a.update(cached, new UserUpdate(bio("changed on A"), Role.MANAGER, false), Instant.now(), "admin");

        onTheOtherInstance(() -> {
            User onB = b.findById(sam.id()).orElseThrow();
            assertThat(onB.bio()).isEqualTo("changed on A");
            assertThat(onB.role()).isEqualTo(Role.MANAGER);
            assertThat(onB.active()).isFalse();
            assertThat(b.find(activeOnly(false), new PageRequest(1, 10)).total())
                    .isEqualTo(1);
            assertThat(b.stats(Instant.EPOCH).inactive()).isEqualTo(1);
        });
    }

    @Test
    void aSoftDeleteOnOneInstanceHidesTheUserOnTheOther() {
        CachingUserRepository a = instance(storeA, LONG, LONG);
        CachingUserRepository b = instance(storeB, LONG, LONG);
        User sam = a.insert(newUser("sam@cache.test"));
        b.findById(sam.id());
        assertThat(b.stats(Instant.EPOCH).total()).isEqualTo(1);

        assertThat(a.softDelete(sam, Instant.now(), "admin")).isTrue();

        onTheOtherInstance(() -> {
            assertThat(b.findById(sam.id())).isEmpty();
            assertThat(b.stats(Instant.EPOCH).total()).isZero();
            assertThat(b.find(UserQuery.ALL, new PageRequest(1, 10)).items()).isEmpty();
        });
    }

    @Test
    void profilePasswordAndVerificationWritesAreSeenOnTheOtherInstance() {
        CachingUserRepository a = instance(storeA, LONG, LONG);
        CachingUserRepository b = instance(storeB, LONG, LONG);
        User sam = a.insert(newUser("sam@cache.test"));

        b.findById(sam.id());
        a.updateProfile(sam.id(), bio("profile"), Instant.now(), sam.id());
        onTheOtherInstance(
                () -> assertThat(b.findById(sam.id()).orElseThrow().bio()).isEqualTo("profile"));

        a.changePassword(sam.id(), "new-hash", Instant.now());
        onTheOtherInstance(() ->
                assertThat(b.findById(sam.id()).orElseThrow().passwordHash()).isEqualTo("new-hash"));

        a.markEmailVerified(sam.id(), Instant.now());
        onTheOtherInstance(() ->
                assertThat(b.findById(sam.id()).orElseThrow().emailVerified()).isTrue());
    }

    private static UserQuery activeOnly(boolean active) {
        return new UserQuery(null, active, null, null, null, null, null, null, null, false);
    }

    private static ProfileChanges bio(String bio) {
        return new ProfileChanges(null, null, null, bio, null, null, null);
    }

    private static NewUser newUser(String email) {
        return new NewUser(
                email,
                null,
                "Sam",
                "Cache",
                "Sam Cache",
                Role.STAFF,
                null,
                "en",
                true,
                false,
                "hash",
                Instant.now(),
                null);
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    /**
     * Another instance sees a change once the invalidation message reaches it (its near cache): well
     * under a millisecond here, never later than the copies' 1 s lifetime.
     */
    private static void onTheOtherInstance(org.awaitility.core.ThrowingRunnable assertions) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(1))
                .untilAsserted(assertions);
    }
}
