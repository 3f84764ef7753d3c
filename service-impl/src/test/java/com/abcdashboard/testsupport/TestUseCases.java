package com.abcdashboard.testsupport;

import com.abcdashboard.cache.MemoryStore;
import com.abcdashboard.cache.RateLimiter;
import com.abcdashboard.cache.ResilientStore;
import com.abcdashboard.cache.SharedLoginLocks;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.admin.UserAdministration;
import com.abcdashboard.domain.apikey.ApiKeyFormat;
import com.abcdashboard.domain.apikey.ApiKeys;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.audit.AuditQuery;
import com.abcdashboard.domain.auth.AccountLinkRequests;
import com.abcdashboard.domain.auth.AuthSettings;
import com.abcdashboard.domain.auth.DeviceNames;
import com.abcdashboard.domain.auth.EmailLinks;
import com.abcdashboard.domain.auth.LoginLocks;
import com.abcdashboard.domain.auth.MfaSignIn;
import com.abcdashboard.domain.auth.NewDeviceNotice;
import com.abcdashboard.domain.auth.OpaqueTokens;
import com.abcdashboard.domain.auth.PasswordManagement;
import com.abcdashboard.domain.auth.RecoveryCodes;
import com.abcdashboard.domain.auth.Registration;
import com.abcdashboard.domain.auth.SecondFactor;
import com.abcdashboard.domain.auth.SessionManagement;
import com.abcdashboard.domain.auth.SessionService;
import com.abcdashboard.domain.auth.SignIn;
import com.abcdashboard.domain.auth.Totp;
import com.abcdashboard.domain.auth.TotpEnrolment;
import com.abcdashboard.domain.auth.TotpSecretSeal;
import com.abcdashboard.domain.auth.TwoFactorRequirement;
import com.abcdashboard.domain.user.AccessPolicy;
import com.abcdashboard.domain.user.NewAccount;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.PhoneNumbers;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.observability.ServiceMetrics;
import com.abcdashboard.persistence.MongoApiKeyRepository;
import com.abcdashboard.persistence.MongoAuditLog;
import com.abcdashboard.persistence.MongoLinkRequests;
import com.abcdashboard.persistence.MongoOneTimeTokenRepository;
import com.abcdashboard.persistence.MongoSessionRepository;
import com.abcdashboard.persistence.MongoTotpFactors;
import com.abcdashboard.persistence.MongoUserRepository;
import com.abcdashboard.security.JavaOtpTotpGenerator;
import com.abcdashboard.security.JwtAccessTokens;
import com.abcdashboard.useragent.UserAgentDeviceNames;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The domain's use cases wired as the service wires them, over a real (embedded) MongoDB database, the
 * in-memory shared store and bcrypt, with a clock the test moves. Mail is queued in memory ({@link
 * QueuedMail}). Each {@link #instance()} is one more service instance over the same state.
 */
public final class TestUseCases implements AutoCloseable {
    public static final int MAX_ATTEMPTS = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final Duration GRACE = Duration.ofSeconds(10);
    public static final Duration REFRESH_TTL = Duration.ofDays(7);
    public static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    public static final Duration VERIFICATION_TTL = Duration.ofHours(24);
    public static final Duration RESET_TTL = Duration.ofMinutes(10);
    public static final Duration SET_PASSWORD_TTL = Duration.ofHours(24);
    /** Reset emails per address and hour. */
    public static final int RESETS_PER_HOUR = 3;

    public static final String PASSWORD = "Sup3rSecret";
    public static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "use-case-test", "corr-1");
    /** Device names as the service reads them (ua-parser). */
    public static final DeviceNames DEVICES = new UserAgentDeviceNames(100);

    public final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    public final CountingPasswordHasher passwords = new CountingPasswordHasher();
    public final QueuedMail mail = new QueuedMail();
    public final AuthSettings settings = new AuthSettings(
            REFRESH_TTL,
            VERIFICATION_TTL,
            RESET_TTL,
            SET_PASSWORD_TTL,
            MAX_ATTEMPTS,
            LOCK,
            URI.create("http://localhost:3000"),
            GRACE);
    public static final String MFA_KEY = "test-only-mfa-encryption-key-0123456789abcdef";

    private final MongoDatabase db;
    private final Set<Role> mfaRequiredRoles;
    private final ResilientStore shared = new ResilientStore(new MemoryStore(clock), Duration.ofSeconds(1));
    private final List<MongoLinkRequests> linkRequests = new ArrayList<>();

    public TestUseCases(MongoDatabase db) {
        this(db, Set.of());
    }

    /** With {@code MFA_REQUIRED_ROLES}: users of these roles must enrol an authenticator app first. */
    public TestUseCases(MongoDatabase db, Set<Role> mfaRequiredRoles) {
        this.db = db;
        this.mfaRequiredRoles = mfaRequiredRoles;
    }

    /** One service instance that requires email verification (the default). */
    public Instance instance() {
        return instance(true);
    }

    /** One service instance: its own repositories and use cases over the shared database and store. */
    public Instance instance(boolean requireEmailVerification) {
        return instance(requireEmailVerification, false);
    }

    /** One instance that mails a sign-in from a new device ({@code NOTIFY_NEW_DEVICE=true}). */
    public Instance instanceNotifyingNewDevices() {
        return instance(true, true);
    }

    private Instance instance(boolean requireEmailVerification, boolean notifyNewDevice) {
        MongoUserRepository users = new MongoUserRepository(db);
        MongoSessionRepository sessionStore = new MongoSessionRepository(db);
        LoginLocks locks = new LoginLocks(users, new SharedLoginLocks(shared, ServiceMetrics.global()), settings);
        OpaqueTokens opaqueTokens = new OpaqueTokens(new SecureRandom());
        SessionService sessions = new SessionService(
                sessionStore,
                users,
                new JwtAccessTokens("test-only-jwt-secret-0123456789abcdef0123", "test", "test", ACCESS_TTL),
                opaqueTokens,
                settings,
                notifyNewDevice ? new NewDeviceNotice(sessionStore, DEVICES, mail) : NewDeviceNotice.off(),
                clock);
        AuditLog audit = new MongoAuditLog(db);
        EmailLinks links = new EmailLinks(new MongoOneTimeTokenRepository(db), opaqueTokens, mail, settings, clock);
        MongoLinkRequests requests = new MongoLinkRequests(db, clock);
        requests.createIndexes();
        linkRequests.add(requests);
        RateLimiter resetThrottle = new RateLimiter(
                shared, new AppConfig.Limit(RESETS_PER_HOUR, Duration.ofHours(1)), ServiceMetrics.global());
        MongoTotpFactors factors = new MongoTotpFactors(db);
        SecureRandom random = new SecureRandom();
        TotpSecretSeal seal = new TotpSecretSeal(MFA_KEY, random);
        Totp totp = new Totp(new JavaOtpTotpGenerator(random));
        SecondFactor secondFactor = new SecondFactor(factors, seal, totp);
        MfaSignIn mfaSignIn = new MfaSignIn(
                new MongoOneTimeTokenRepository(db),
                opaqueTokens,
                users,
                factors,
                secondFactor,
                locks,
                sessions,
                audit,
                clock);
        TwoFactorRequirement requirement = new TwoFactorRequirement(mfaRequiredRoles);
        TotpEnrolment enrolment = new TotpEnrolment(
                factors,
                seal,
                totp,
                new RecoveryCodes(random),
                secondFactor,
                users,
                passwords,
                locks,
                new AccessPolicy(),
                audit,
                "ABC Dashboard",
                clock);
        return new Instance(
                users,
                sessionStore,
                locks,
                sessions,
                new SignIn(users, passwords, sessions, audit, locks, mfaSignIn, requirement, clock),
                new Registration(users, passwords, links, requests, sessions, requireEmailVerification, clock),
                new PasswordManagement(
                        users, passwords, sessions, links, mail, audit, resetThrottle, requests, locks, clock),
                new UserAdministration(
                        users,
                        sessionStore,
                        passwords,
                        links,
                        audit,
                        new AccessPolicy(),
                        new PhoneNumbers("US"),
                        locks,
                        clock),
                new SessionManagement(sessionStore, users, DEVICES, new AccessPolicy(), audit, clock),
                () -> requests.drainDue(new AccountLinkRequests(users, links)::fulfil),
                new ApiKeys(
                        new MongoApiKeyRepository(db),
                        users,
                        new ApiKeyFormat(new SecureRandom()),
                        audit,
                        requirement,
                        clock),
                factors,
                enrolment,
                mfaSignIn,
                requirement);
    }

    /** One instance's use cases and the repositories a test may look into. */
    public record Instance(
            MongoUserRepository users,
            MongoSessionRepository sessionStore,
            LoginLocks locks,
            SessionService sessions,
            SignIn signIn,
            Registration registration,
            PasswordManagement passwords,
            UserAdministration administration,
            SessionManagement sessionManagement,
            Runnable linkRequestsFulfiller,
            ApiKeys apiKeys,
            MongoTotpFactors totpFactors,
            TotpEnrolment totpEnrolment,
            MfaSignIn mfaSignIn,
            TwoFactorRequirement twoFactorRequirement) {

        /** Fulfils the stored link requests (forgot-password, resend-verification) as the background does. */
        public void fulfilLinkRequests() {
            linkRequestsFulfiller.run();
        }
    }

    /** What a registration form sends: staff, no username. */
    public static NewAccount signUp(String email, String password) {
        return signUp(email, password, null);
    }

    /** What a registration form sends, asking for {@code role} (null: none). */
    public static NewAccount signUp(String email, String password, String role) {
        return NewAccount.registration(email, password, "Jane", "Doe", null, Registration.requestedRole(role));
    }

    /** What an admin or manager sends to create an account; {@code password} null: a set-password link. */
    public static NewAccount newAccount(String email, Role role, String password) {
        return new NewAccount(email, null, "Kim", "Lee", null, role, null, null, password);
    }

    /** What the dashboard's create form sends: a display name and no first or last name. */
    public static NewAccount newAccountNamed(String email, String displayName) {
        return new NewAccount(email, null, null, null, displayName, null, null, null, null);
    }

    /** An active, verified staff account with {@link #PASSWORD}. */
    public User account(String email) {
        return insert(email, Role.STAFF);
    }

    /** An active, verified account of this role with {@link #PASSWORD}, as the first-admin seed makes one. */
    public User insert(String email, Role role) {
        return new MongoUserRepository(db)
                .insert(new NewUser(
                        email,
                        null,
                        "Sam",
                        "Doe",
                        "Sam Doe",
                        role,
                        null,
                        "en",
                        true,
                        false,
                        passwords.hash(PASSWORD),
                        clock.instant(),
                        null));
    }

    /** The account as stored now. */
    public User reread(User user) {
        return new MongoUserRepository(db).findById(user.id()).orElseThrow();
    }

    /** The audit entries of this action, newest first. */
    public List<AuditEvent> audited(AuditAction action) {
        return new MongoAuditLog(db)
                .find(new AuditQuery(null, null, action, null, null), new PageRequest(1, PageRequest.MAX_LIMIT))
                .items();
    }

    @Override
    public void close() {
        linkRequests.forEach(MongoLinkRequests::close);
        shared.close();
    }
}
