package com.abcdashboard.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {
    private static final UserUpdate PROFILE_ONLY =
            new UserUpdate(new ProfileChanges(null, null, null, "bio", null, null, null), null, null);
    private static final UserUpdate DEACTIVATE = new UserUpdate(null, null, false);

    private final AccessPolicy policy = new AccessPolicy();

    @ParameterizedTest(name = "{0} updates {1} with {2}: {3}")
    @CsvSource({
        // caller, target, change, outcome
        "admin,   admin,   profile,    ok",
        "admin,   manager, role=staff, ok",
        "admin,   staff,   deactivate, ok",
        "manager, staff,   profile,    ok",
        "manager, staff,   deactivate, ok",
        "manager, staff,   role=staff, ok",
        "manager, staff,   role=manager, AUTHORIZATION",
        "manager, manager, profile,    AUTHORIZATION",
        "manager, admin,   deactivate, AUTHORIZATION",
        "staff,   staff,   profile,    AUTHORIZATION",
        "staff,   admin,   profile,    AUTHORIZATION",
    })
    void updates(String callerRole, String targetRole, String change, String outcome) {
        User caller = user("caller", callerRole);
        User target = user("target", targetRole);
        assertOutcome(() -> policy.requireCanUpdate(caller, target, update(change)), outcome);
    }

    @ParameterizedTest(name = "{0} updates themselves with {1}: {2}")
    @CsvSource({
        "admin,   profile,    ok",
        "admin,   role=admin, ok",
        "admin,   role=staff, BUSINESS_RULE",
        "admin,   deactivate, BUSINESS_RULE",
        "manager, profile,    ok",
        "manager, deactivate, BUSINESS_RULE",
        "manager, role=admin, AUTHORIZATION",
        "staff,   profile,    AUTHORIZATION",
    })
    void selfUpdates(String role, String change, String outcome) {
        User self = user("self", role);
        assertOutcome(() -> policy.requireCanUpdate(self, self, update(change)), outcome);
    }

    @ParameterizedTest(name = "{0} creates {1}: {2}")
    @CsvSource({
        "admin,   admin,   ok",
        "admin,   manager, ok",
        "admin,   staff,   ok",
        "manager, staff,   ok",
        "manager, manager, AUTHORIZATION",
        "manager, admin,   AUTHORIZATION",
        "staff,   staff,   AUTHORIZATION",
    })
    void creation(String callerRole, String newRole, String outcome) {
        assertOutcome(() -> policy.requireCanCreate(user("c", callerRole), role(newRole)), outcome);
    }

    @ParameterizedTest(name = "{0} deletes {1}: {2}")
    @CsvSource({
        "admin,   admin,   ok",
        "admin,   staff,   ok",
        "manager, staff,   AUTHORIZATION",
        "staff,   staff,   AUTHORIZATION",
    })
    void deletion(String callerRole, String targetRole, String outcome) {
        assertOutcome(() -> policy.requireCanDelete(user("c", callerRole), user("t", targetRole)), outcome);
    }

    @Test
    void nobodyDeletesThemselves() {
        User admin = user("a", "admin");
        assertOutcome(() -> policy.requireCanDelete(admin, admin), "BUSINESS_RULE");
    }

    @ParameterizedTest(name = "{0} reads users: {1}, reads the statistics: {2}, reads the audit log: {3}")
    @CsvSource({
        "admin,   ok, ok,            ok",
        "manager, ok, ok,            AUTHORIZATION",
        // The dashboard's permission table grants staff read_user: the list and single users, nothing more.
        "staff,   ok, AUTHORIZATION, AUTHORIZATION"
    })
    void reading(String role, String users, String stats, String audit) {
        assertOutcome(() -> policy.requireCanReadUsers(user("c", role)), users);
        assertOutcome(() -> policy.requireCanManageUsers(user("c", role)), stats);
        assertOutcome(() -> policy.requireCanReadAuditLog(user("c", role)), audit);
    }

    private static void assertOutcome(org.assertj.core.api.ThrowableAssert.ThrowingCallable decision, String outcome) {
        if (outcome.equals("ok")) {
            assertThatCode(decision).doesNotThrowAnyException();
            return;
        }
        try {
            decision.call();
        } catch (DomainException e) {
            assertThat(e.category()).isEqualTo(ErrorCategory.valueOf(outcome));
            return;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        throw new AssertionError("expected " + outcome + " but the action was allowed");
    }

    private static UserUpdate update(String change) {
        return switch (change) {
            case "profile" -> PROFILE_ONLY;
            case "deactivate" -> DEACTIVATE;
            default -> new UserUpdate(null, role(change.substring("role=".length())), null);
        };
    }

    private static Role role(String id) {
        return Role.parse(id).orElseThrow();
    }

    private static User user(String id, String role) {
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        return new User(
                id,
                id + "@x.io",
                null,
                "F",
                "L",
                "F L",
                role(role),
                null,
                null,
                null,
                "en",
                true,
                true,
                t,
                false,
                "h",
                null,
                0,
                null,
                null,
                null,
                t,
                t,
                null,
                null,
                null,
                false);
    }
}
