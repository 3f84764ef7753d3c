package com.abcdashboard.domain.user;

import static com.abcdashboard.testsupport.TestUseCases.CLIENT;
import static com.abcdashboard.testsupport.TestUseCases.MAX_ATTEMPTS;
import static com.abcdashboard.testsupport.TestUseCases.PASSWORD;
import static com.abcdashboard.testsupport.TestUseCases.newAccount;
import static com.abcdashboard.testsupport.TestUseCases.newAccountNamed;
import static com.abcdashboard.testsupport.TestUseCases.signUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.RateLimitedException;
import com.abcdashboard.domain.admin.UserAdministration;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.auth.SessionTokens;
import com.abcdashboard.domain.mail.EmailMessage.Template;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.abcdashboard.testsupport.TestUseCases;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** User management by admins and managers, as the use case runs it: who may do what, and what follows. */
class UserAdministrationTest {
    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private TestUseCases useCases;
    private TestUseCases.Instance service;
    private UserAdministration administration;
    private User admin;
    private User manager;
    private User staff;

    @BeforeEach
    void start() {
        useCases = new TestUseCases(mongo.freshDatabase());
        service = useCases.instance();
        administration = service.administration();
        admin = useCases.insert("admin@admin.test", Role.ADMIN);
        manager = useCases.insert("manager@admin.test", Role.MANAGER);
        staff = useCases.insert("staff@admin.test", Role.STAFF);
    }

    @AfterEach
    void stop() {
        useCases.close();
    }

    @Test
    void managerCannotPromoteToAdmin() {
        assertForbidden(() -> administration.update(manager, staff.id(), role(Role.ADMIN), CLIENT));

        assertThat(useCases.reread(staff).role()).isEqualTo(Role.STAFF);
        assertThat(useCases.audited(AuditAction.ROLE_CHANGED)).isEmpty();
    }

    @Test
    void managerCreatesStaffButNoManagerOrAdmin() {
        assertForbidden(
                () -> administration.create(manager, newAccount("new-admin@admin.test", Role.ADMIN, null), CLIENT));
        assertForbidden(
                () -> administration.create(manager, newAccount("new-mgr@admin.test", Role.MANAGER, null), CLIENT));

        User created = administration.create(manager, newAccount("new-staff@admin.test", Role.STAFF, null), CLIENT);

        assertThat(created.role()).isEqualTo(Role.STAFF);
        assertThat(created.createdBy()).isEqualTo(manager.id());
        assertThat(service.users().findByEmail("new-admin@admin.test")).isEmpty();
    }

    @Test
    void managerLeavesOtherManagersAndAdminsAlone() {
        User otherManager = useCases.insert("other-manager@admin.test", Role.MANAGER);

        assertForbidden(() -> administration.update(manager, otherManager.id(), active(false), CLIENT));
        assertForbidden(() -> administration.update(manager, admin.id(), active(false), CLIENT));

        assertThat(useCases.reread(otherManager).active()).isTrue();
        assertThat(useCases.reread(admin).active()).isTrue();
    }

    @Test
    void staffReadsUsersButManagesNone() {
        assertThat(administration
                        .list(staff, UserQuery.ALL, new PageRequest(1, 10))
                        .total())
                .isEqualTo(3);

        assertForbidden(() -> administration.stats(staff));
        assertForbidden(() -> administration.create(staff, newAccount("x@admin.test", Role.STAFF, null), CLIENT));
        assertForbidden(() -> administration.update(staff, manager.id(), active(false), CLIENT));
        assertForbidden(() -> administration.delete(staff, manager.id(), CLIENT));
    }

    @Test
    void onlyAnAdminDeletesAndNeverThemselves() {
        assertForbidden(() -> administration.delete(manager, staff.id(), CLIENT));
        assertBusinessRule(() -> administration.delete(admin, admin.id(), CLIENT));

        administration.delete(admin, staff.id(), CLIENT);

        assertThat(service.users().findById(staff.id())).isEmpty();
        assertThat(useCases.audited(AuditAction.USER_DELETED).getFirst().targetId())
                .isEqualTo(staff.id());
    }

    @Test
    void anAdminCannotDemoteOrDeactivateThemselves() {
        assertBusinessRule(() -> administration.update(admin, admin.id(), role(Role.STAFF), CLIENT));
        assertBusinessRule(() -> administration.update(admin, admin.id(), active(false), CLIENT));

        assertThat(useCases.reread(admin).isActiveAdmin()).isTrue();
    }

    @Test
    void aRoleChangeIsAuditedWithFromAndTo() {
        administration.update(admin, staff.id(), role(Role.MANAGER), CLIENT);

        assertThat(useCases.audited(AuditAction.ROLE_CHANGED)).singleElement().satisfies(changed -> {
            assertThat(changed.actorId()).isEqualTo(admin.id());
            assertThat(changed.targetId()).isEqualTo(staff.id());
            assertThat(changed.details()).containsEntry("fromRole", "staff").containsEntry("toRole", "manager");
        });
        assertThat(useCases.reread(staff).role()).isEqualTo(Role.MANAGER);
    }

    @Test
    void deactivatingAUserEndsTheirSessionsAtOnce() {
        SessionTokens tokens =
                service.signIn().login(staff.email(), PASSWORD, CLIENT).tokens();

        administration.update(manager, staff.id(), active(false), CLIENT);

        assertThatThrownBy(() -> service.sessions().authenticate(tokens.accessToken()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> service.sessions().refresh(tokens.refreshToken()))
                .isInstanceOf(DomainException.class);
        assertThat(service.sessionStore()
                        .findById(tokens.sessionId())
                        .orElseThrow()
                        .revokedReason())
                .isEqualTo("user_deactivated");
        assertThat(useCases.audited(AuditAction.USER_DEACTIVATED)).hasSize(1);
    }

    @Test
    void aDeletedUsersAddressIsFreeForANewAccountWithoutTheOldLock() {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            assertThatThrownBy(() -> service.signIn().login(staff.email(), "Wr0ngPassword", CLIENT))
                    .isInstanceOf(DomainException.class);
        }
        assertThatThrownBy(() -> service.signIn().login(staff.email(), PASSWORD, CLIENT))
                .isInstanceOf(RateLimitedException.class);

        administration.delete(admin, staff.id(), CLIENT);
        TestUseCases.Instance open = useCases.instance(false);
        open.registration().register(signUp(staff.email(), "N3wOwnerPass"), CLIENT);

        assertThat(open.signIn()
                        .login(staff.email(), "N3wOwnerPass", CLIENT)
                        .user()
                        .id())
                .isNotEqualTo(staff.id());
    }

    @Test
    void anAccountCreatedWithoutPasswordIsVerifiedAndGetsASetPasswordLink() {
        User created = administration.create(admin, newAccount("kim@admin.test", Role.MANAGER, null), CLIENT);

        assertThat(created.emailVerified()).isTrue();
        assertThat(created.firstLogin()).isTrue();
        assertThat(created.passwordHash()).isNull();
        assertThat(useCases.mail.latestToken("kim@admin.test", Template.WELCOME_SET_PASSWORD))
                .isNotBlank();
        assertThat(useCases.audited(AuditAction.USER_CREATED).getFirst().details())
                .containsEntry("role", "manager");
    }

    @Test
    void aDisplayNameAloneIsSplitIntoFirstAndLastName() {
        User created = administration.create(admin, newAccountNamed("ana@admin.test", "Ana Maria Lopez"), CLIENT);

        assertThat(created.firstName()).isEqualTo("Ana");
        assertThat(created.lastName()).isEqualTo("Maria Lopez");
        assertThat(created.role()).isEqualTo(Role.STAFF);
        assertThat(created.username()).isNotBlank();
    }

    private static UserUpdate role(Role role) {
        return new UserUpdate(null, role, null);
    }

    private static UserUpdate active(boolean active) {
        return new UserUpdate(null, null, active);
    }

    private static void assertForbidden(ThrowingCallable action) {
        assertThatThrownBy(action)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHORIZATION));
    }

    private static void assertBusinessRule(ThrowingCallable action) {
        assertThatThrownBy(action)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.BUSINESS_RULE));
    }
}
