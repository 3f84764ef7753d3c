package com.abcdashboard.domain.apikey;

import static com.abcdashboard.testsupport.TestUseCases.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.user.AccessPolicy;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserUpdate;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.abcdashboard.testsupport.TestUseCases;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API keys as the use case runs them: who issues which scopes, and what a presented key may still do. */
class ApiKeysTest {
    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private static final PageRequest FIRST = new PageRequest(1, 100);

    private MongoDatabase db;
    private TestUseCases useCases;
    private TestUseCases.Instance service;
    private ApiKeys keys;
    private User admin;
    private User otherAdmin;
    private User manager;
    private User staff;

    @BeforeEach
    void start() {
        db = mongo.freshDatabase();
        useCases = new TestUseCases(db);
        service = useCases.instance();
        keys = service.apiKeys();
        admin = useCases.insert("admin@keys.test", Role.ADMIN);
        otherAdmin = useCases.insert("admin2@keys.test", Role.ADMIN);
        manager = useCases.insert("manager@keys.test", Role.MANAGER);
        staff = useCases.insert("staff@keys.test", Role.STAFF);
    }

    @AfterEach
    void stop() {
        useCases.close();
    }

    @Test
    void theKeyIsShownOnceAndOnlyItsDigestIsStored() {
        IssuedApiKey issued = keys.create(admin, request(ApiKeyScope.USERS_READ), CLIENT);

        ApiKey listed = keys.list(admin, FIRST).items().getFirst();
        assertThat(issued.key()).startsWith("abc_" + listed.prefix() + "_");
        assertThat(listed.digest()).isEqualTo(ApiKeyFormat.digest(issued.key())).isNotEqualTo(issued.key());
        assertThat(listed.createdBy()).isEqualTo(admin.id());
        assertThat(listed.scopes()).containsExactly(ApiKeyScope.USERS_READ);
        assertThat(listed.lastUsedAt()).isNull();
    }

    @Test
    void aKeyIsRefusedWhileItsCreatorMustStillSetUpTwoFactorSignIn() {
        IssuedApiKey issued = keys.create(manager, request(ApiKeyScope.USERS_READ), CLIENT);
        assertThat(keys.authorize(issued.key(), ApiKeyScope.USERS_READ)
                        .creator()
                        .id())
                .isEqualTo(manager.id());

        // The same data, served with MFA_REQUIRED_ROLES=manager: the manager has not enrolled.
        try (TestUseCases requiring = new TestUseCases(db, Set.of(Role.MANAGER))) {
            ApiKeys refusing = requiring.instance().apiKeys();
            assertForbidden(() -> refusing.authorize(issued.key(), ApiKeyScope.USERS_READ));
        }
    }

    @Test
    void managerGrantsOnlyTheScopesTheirRoleHolds() {
        assertForbidden(() -> keys.create(manager, request(ApiKeyScope.USERS_READ, ApiKeyScope.AUDIT_READ), CLIENT));

        IssuedApiKey issued = keys.create(manager, request(ApiKeyScope.USERS_READ, ApiKeyScope.USERS_WRITE), CLIENT);
        assertThat(issued.stored().scopes()).containsExactlyInAnyOrder(ApiKeyScope.USERS_READ, ApiKeyScope.USERS_WRITE);
        assertThat(keys.create(admin, request(ApiKeyScope.values()), CLIENT)
                        .stored()
                        .scopes())
                .containsExactlyInAnyOrder(ApiKeyScope.values());
    }

    @Test
    void staffManageNoKeys() {
        String adminKey = keys.create(admin, request(ApiKeyScope.USERS_READ), CLIENT)
                .stored()
                .id();

        assertForbidden(() -> keys.create(staff, request(ApiKeyScope.USERS_READ), CLIENT));
        assertForbidden(() -> keys.list(staff, FIRST));
        assertForbidden(() -> keys.revoke(staff, adminKey, CLIENT));
    }

    @Test
    void anInvalidRequestNamesEveryField() {
        NewApiKey bad = new NewApiKey(
                "   ",
                List.of(ApiKeyScope.USERS_READ, ApiKeyScope.USERS_READ),
                useCases.clock.instant().minusSeconds(1));

        assertThatThrownBy(() -> keys.create(admin, bad, CLIENT)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.VALIDATION);
            assertThat(e.details()).containsOnlyKeys("name", "scopes", "expiresAt");
        });
        assertThatThrownBy(() -> keys.create(admin, new NewApiKey("x".repeat(101), List.of(), null), CLIENT))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.details()).containsOnlyKeys("name", "scopes"));
        assertThat(keys.list(admin, FIRST).total()).isZero();
    }

    @Test
    void aKeyActsAsItsCreatorWithinItsScopes() {
        String key =
                keys.create(manager, request(ApiKeyScope.USERS_READ), CLIENT).key();

        ApiKeyCaller caller = keys.authorize(key, ApiKeyScope.USERS_READ);

        assertThat(caller.creator().id()).isEqualTo(manager.id());
        assertThatThrownBy(() -> keys.authorize(key, ApiKeyScope.USERS_WRITE))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHORIZATION));
    }

    @Test
    void unknownMalformedAndTamperedKeysAreRefused() {
        String key = keys.create(admin, request(ApiKeyScope.USERS_READ), CLIENT).key();
        String tampered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        String otherPrefix = "abc_aaaaaaaa" + key.substring(12);

        for (String presented : List.of(tampered, otherPrefix, "abc_nonsense", key + "x")) {
            assertUnauthenticated(() -> keys.authorize(presented, ApiKeyScope.USERS_READ));
        }
    }

    @Test
    void aRevokedKeyIsRefusedOnTheNextRequestOnAnotherInstance() {
        String key = keys.create(admin, request(ApiKeyScope.USERS_READ), CLIENT).key();
        ApiKeys elsewhere = useCases.instance().apiKeys();
        elsewhere.authorize(key, ApiKeyScope.USERS_READ);

        keys.revoke(admin, keys.list(admin, FIRST).items().getFirst().id(), CLIENT);

        assertUnauthenticated(() -> elsewhere.authorize(key, ApiKeyScope.USERS_READ));
    }

    @Test
    void revokingTwiceKeepsTheFirstRevocation() {
        String id = keys.create(admin, request(ApiKeyScope.USERS_READ), CLIENT)
                .stored()
                .id();
        keys.revoke(admin, id, CLIENT);
        Instant first = useCases.clock.instant();
        useCases.clock.advance(Duration.ofMinutes(5));

        keys.revoke(otherAdmin, id, CLIENT);

        ApiKey revoked = keys.list(admin, FIRST).items().getFirst();
        assertThat(revoked.revokedAt()).isEqualTo(first);
        assertThat(revoked.revokedBy()).isEqualTo(admin.id());
    }

    @Test
    void aKeyStopsAtItsExpiry() {
        Instant expiry = useCases.clock.instant().plus(Duration.ofHours(1));
        String key = keys.create(admin, new NewApiKey("expiring", List.of(ApiKeyScope.USERS_READ), expiry), CLIENT)
                .key();
        useCases.clock.set(expiry.minusMillis(1));
        keys.authorize(key, ApiKeyScope.USERS_READ);

        useCases.clock.set(expiry);

        assertUnauthenticated(() -> keys.authorize(key, ApiKeyScope.USERS_READ));
    }

    @Test
    void aKeyLosesWhatItsCreatorLosesByDemotion() {
        String key = keys.create(admin, request(ApiKeyScope.AUDIT_READ), CLIENT).key();
        AccessPolicy policy = new AccessPolicy();
        policy.requireCanReadAuditLog(
                keys.authorize(key, ApiKeyScope.AUDIT_READ).creator());

        service.administration().update(otherAdmin, admin.id(), new UserUpdate(null, Role.MANAGER, null), CLIENT);

        User actingAs = keys.authorize(key, ApiKeyScope.AUDIT_READ).creator();
        assertThat(actingAs.role()).isEqualTo(Role.MANAGER);
        assertForbidden(() -> policy.requireCanReadAuditLog(actingAs));
    }

    @Test
    void aKeyStopsWhenItsCreatorIsDeactivatedOrDeleted() {
        String managerKey =
                keys.create(manager, request(ApiKeyScope.USERS_READ), CLIENT).key();
        String adminKey =
                keys.create(admin, request(ApiKeyScope.USERS_READ), CLIENT).key();

        service.administration().update(otherAdmin, manager.id(), new UserUpdate(null, null, false), CLIENT);
        service.administration().delete(otherAdmin, admin.id(), CLIENT);

        assertUnauthenticated(() -> keys.authorize(managerKey, ApiKeyScope.USERS_READ));
        assertUnauthenticated(() -> keys.authorize(adminKey, ApiKeyScope.USERS_READ));
    }

    @Test
    void lastUsedAtIsWrittenAtMostOnceAMinute() {
        String key = keys.create(admin, request(ApiKeyScope.USERS_READ), CLIENT).key();
        Instant firstUse = useCases.clock.instant();
        keys.authorize(key, ApiKeyScope.USERS_READ);

        useCases.clock.advance(Duration.ofSeconds(59));
        keys.authorize(key, ApiKeyScope.USERS_READ);
        assertThat(onlyKey().lastUsedAt()).isEqualTo(firstUse);

        useCases.clock.advance(Duration.ofSeconds(2));
        keys.authorize(key, ApiKeyScope.USERS_READ);
        assertThat(onlyKey().lastUsedAt()).isEqualTo(useCases.clock.instant());
    }

    @Test
    void managersSeeAndRevokeOnlyTheirOwnKeys() {
        String adminKeyId = keys.create(admin, request(ApiKeyScope.AUDIT_READ), CLIENT)
                .stored()
                .id();
        String managerKeyId = keys.create(manager, request(ApiKeyScope.USERS_READ), CLIENT)
                .stored()
                .id();

        assertThat(keys.list(manager, FIRST).items()).extracting(ApiKey::id).containsExactly(managerKeyId);
        assertThat(keys.list(admin, FIRST).items()).extracting(ApiKey::id).containsExactly(managerKeyId, adminKeyId);
        assertThatThrownBy(() -> keys.revoke(manager, adminKeyId, CLIENT))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND));

        keys.revoke(admin, managerKeyId, CLIENT);
        assertThat(keys.list(manager, FIRST).items().getFirst().revokedBy()).isEqualTo(admin.id());
    }

    private ApiKey onlyKey() {
        return keys.list(admin, FIRST).items().getFirst();
    }

    private static NewApiKey request(ApiKeyScope... scopes) {
        return new NewApiKey("integration", List.of(scopes), null);
    }

    private static void assertForbidden(ThrowingCallable action) {
        assertThatThrownBy(action)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHORIZATION));
    }

    private static void assertUnauthenticated(ThrowingCallable action) {
        assertThatThrownBy(action)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION));
    }
}
