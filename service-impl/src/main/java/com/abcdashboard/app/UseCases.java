package com.abcdashboard.app;

import com.abcdashboard.cache.CachingSessionRepository;
import com.abcdashboard.cache.CachingTotpFactors;
import com.abcdashboard.cache.CachingUserRepository;
import com.abcdashboard.cache.RateLimiter;
import com.abcdashboard.cache.SharedLoginLocks;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.admin.UserAdministration;
import com.abcdashboard.domain.apikey.ApiKeyFormat;
import com.abcdashboard.domain.apikey.ApiKeys;
import com.abcdashboard.domain.audit.AuditLog;
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
import com.abcdashboard.domain.auth.SessionRepository;
import com.abcdashboard.domain.auth.SessionService;
import com.abcdashboard.domain.auth.SignIn;
import com.abcdashboard.domain.auth.Totp;
import com.abcdashboard.domain.auth.TotpEnrolment;
import com.abcdashboard.domain.auth.TotpFactorRepository;
import com.abcdashboard.domain.auth.TotpSecretSeal;
import com.abcdashboard.domain.auth.TwoFactorRequirement;
import com.abcdashboard.domain.user.AccessPolicy;
import com.abcdashboard.domain.user.PhoneNumbers;
import com.abcdashboard.domain.user.ProfileService;
import com.abcdashboard.domain.webhook.WebhookAdministration;
import com.abcdashboard.domain.webhook.WebhookSecrets;
import com.abcdashboard.observability.MeteredAuditLog;
import com.abcdashboard.persistence.MongoApiKeyRepository;
import com.abcdashboard.persistence.MongoAuditLog;
import com.abcdashboard.persistence.MongoOneTimeTokenRepository;
import com.abcdashboard.persistence.MongoSessionRepository;
import com.abcdashboard.persistence.MongoTotpFactors;
import com.abcdashboard.persistence.MongoUserRepository;
import com.abcdashboard.security.JavaOtpTotpGenerator;
import com.abcdashboard.security.JwtAccessTokens;
import com.abcdashboard.useragent.UserAgentDeviceNames;
import com.mongodb.client.MongoDatabase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * The domain's flows over the repositories (MongoDB behind the shared-store caches), built once from the
 * started {@link Infrastructure}. Nothing here starts a thread or opens a connection.
 */
record UseCases(
        Registration registration,
        SignIn signIn,
        SessionService sessions,
        PasswordManagement passwords,
        ProfileService profiles,
        UserAdministration administration,
        AuditLog audit,
        AccessPolicy policy,
        RateLimiter rateLimiter,
        AccountLinkRequests linkFulfilment,
        ApiKeys apiKeys,
        SessionManagement sessionManagement,
        WebhookAdministration webhooks,
        TotpEnrolment totpEnrolment,
        MfaSignIn mfaSignIn,
        TwoFactorRequirement twoFactorRequirement) {

    /** Lifetime of the set-password link of administrator-created accounts. */
    static final Duration SET_PASSWORD_TTL = Duration.ofHours(24);

    /** Distinct user agents whose device names each instance keeps parsed. */
    static final int DEVICE_NAMES_CACHED = 10_000;

    static UseCases wire(AppConfig config, Infrastructure infra) {
        Clock clock = infra.clock;
        MongoDatabase db = infra.store.database();
        MongoUserRepository mongoUsers = new MongoUserRepository(db, infra.webhooks.relay()::recorded);
        CachingUserRepository users = new CachingUserRepository(
                mongoUsers,
                infra.shared,
                config.cache().userDataTtl(),
                config.cache().apiResponseTtl(),
                infra.metrics);
        SessionRepository sessionStore = new CachingSessionRepository(
                new MongoSessionRepository(db), infra.shared, config.cache().userDataTtl(), infra.metrics);
        AuthSettings settings = authSettings(config);
        LoginLocks loginLocks = new LoginLocks(users, new SharedLoginLocks(infra.shared, infra.metrics), settings);
        OpaqueTokens opaqueTokens = new OpaqueTokens(new SecureRandom());
        MongoOneTimeTokenRepository oneTimeTokens = new MongoOneTimeTokenRepository(db);
        EmailLinks links = new EmailLinks(oneTimeTokens, opaqueTokens, infra.mail, settings, clock);
        DeviceNames devices = new UserAgentDeviceNames(DEVICE_NAMES_CACHED);
        SessionService sessions = new SessionService(
                sessionStore,
                users,
                new JwtAccessTokens(config.jwt()),
                opaqueTokens,
                settings,
                config.accounts().notifyNewDevice()
                        ? new NewDeviceNotice(sessionStore, devices, infra.mail)
                        : NewDeviceNotice.off(),
                clock);
        AuditLog audit = new MeteredAuditLog(new MongoAuditLog(db), infra.metrics);
        RateLimiter rateLimiter =
                new RateLimiter(infra.shared, config.rateLimits().passwordReset(), infra.metrics);
        AccessPolicy policy = new AccessPolicy();
        PhoneNumbers phones = new PhoneNumbers(config.accounts().defaultPhoneRegion());
        mongoUsers.healAdminRoster(clock.instant());
        TwoFactor twoFactor = TwoFactor.wire(
                config.mfa(), users, oneTimeTokens, opaqueTokens, infra, loginLocks, sessions, audit, policy);
        return new UseCases(
                new Registration(
                        users,
                        infra.passwords,
                        links,
                        infra.linkRequests,
                        sessions,
                        config.accounts().requireEmailVerification(),
                        clock),
                new SignIn(
                        users,
                        infra.passwords,
                        sessions,
                        audit,
                        loginLocks,
                        twoFactor.signIn(),
                        twoFactor.requirement(),
                        clock),
                sessions,
                new PasswordManagement(
                        users,
                        infra.passwords,
                        sessions,
                        links,
                        infra.mail,
                        audit,
                        rateLimiter,
                        infra.linkRequests,
                        loginLocks,
                        clock),
                new ProfileService(users, phones, clock),
                new UserAdministration(
                        users, sessionStore, infra.passwords, links, audit, policy, phones, loginLocks, clock),
                audit,
                policy,
                rateLimiter,
                new AccountLinkRequests(users, links),
                new ApiKeys(
                        new MongoApiKeyRepository(db),
                        users,
                        new ApiKeyFormat(new SecureRandom()),
                        audit,
                        twoFactor.requirement(),
                        clock),
                new SessionManagement(sessionStore, users, devices, policy, audit, clock),
                new WebhookAdministration(
                        infra.webhooks.store(),
                        infra.webhooks.targets(),
                        new WebhookSecrets(new SecureRandom()),
                        audit,
                        infra.webhooks.worker()::wake,
                        clock),
                twoFactor.enrolment(),
                twoFactor.signIn(),
                twoFactor.requirement());
    }

    /** Two-factor sign-in's flows, over the TOTP factors in the users' documents. */
    record TwoFactor(TotpEnrolment enrolment, MfaSignIn signIn, TwoFactorRequirement requirement) {
        static TwoFactor wire(
                AppConfig.Mfa config,
                CachingUserRepository users,
                MongoOneTimeTokenRepository oneTimeTokens,
                OpaqueTokens opaqueTokens,
                Infrastructure infra,
                LoginLocks locks,
                SessionService sessions,
                AuditLog audit,
                AccessPolicy policy) {
            SecureRandom random = new SecureRandom();
            TotpFactorRepository factors = new CachingTotpFactors(new MongoTotpFactors(infra.store.database()), users);
            TotpSecretSeal seal = new TotpSecretSeal(config.encryptionKey(), random);
            Totp totp = new Totp(new JavaOtpTotpGenerator(random));
            SecondFactor secondFactor = new SecondFactor(factors, seal, totp);
            return new TwoFactor(
                    new TotpEnrolment(
                            factors,
                            seal,
                            totp,
                            new RecoveryCodes(random),
                            secondFactor,
                            users,
                            infra.passwords,
                            locks,
                            policy,
                            audit,
                            config.issuer(),
                            infra.clock),
                    new MfaSignIn(
                            oneTimeTokens,
                            opaqueTokens,
                            users,
                            factors,
                            secondFactor,
                            locks,
                            sessions,
                            audit,
                            infra.clock),
                    new TwoFactorRequirement(config.requiredRoles()));
        }
    }

    static AuthSettings authSettings(AppConfig config) {
        return new AuthSettings(
                config.jwt().refreshTokenTtl(),
                config.jwt().emailVerificationTtl(),
                config.jwt().passwordResetTtl(),
                SET_PASSWORD_TTL,
                config.security().maxFailedLogins(),
                config.security().lockoutDuration(),
                config.server().clientUrl(),
                config.jwt().refreshReuseGrace());
    }
}
