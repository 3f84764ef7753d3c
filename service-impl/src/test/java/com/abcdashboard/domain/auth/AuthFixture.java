package com.abcdashboard.domain.auth;

import com.abcdashboard.cache.MemoryStore;
import com.abcdashboard.cache.ResilientStore;
import com.abcdashboard.cache.SharedLoginLocks;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.mail.MutableClock;
import com.abcdashboard.observability.ServiceMetrics;
import com.abcdashboard.persistence.MongoAuditLog;
import com.abcdashboard.persistence.MongoSessionRepository;
import com.abcdashboard.persistence.MongoUserRepository;
import com.abcdashboard.security.JwtAccessTokens;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * The sign-in and session use cases over a real (embedded) MongoDB, a shared store and bcrypt, with a
 * clock the test moves. Each {@link #instance()} is one more service instance over the same state.
 */
final class AuthFixture implements AutoCloseable {
    static final int MAX_ATTEMPTS = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    static final Duration GRACE = Duration.ofSeconds(10);
    static final String PASSWORD = "Sup3rSecret";

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final CountingPasswordHasher passwords = new CountingPasswordHasher();
    final AuthSettings settings = new AuthSettings(
            Duration.ofDays(7),
            Duration.ofHours(24),
            Duration.ofMinutes(10),
            Duration.ofHours(24),
            MAX_ATTEMPTS,
            LOCK,
            URI.create("http://localhost:3000"),
            GRACE);
    private final MongoDatabase db;
    private final ResilientStore shared = new ResilientStore(new MemoryStore(clock), Duration.ofSeconds(1));

    AuthFixture(MongoDatabase db) {
        this.db = db;
    }

    /** One service instance: its own repositories and use cases over the shared database and store. */
    Instance instance() {
        MongoUserRepository users = new MongoUserRepository(db);
        LoginLocks locks = new LoginLocks(users, new SharedLoginLocks(shared, ServiceMetrics.global()), settings);
        SessionService sessions = new SessionService(
                new MongoSessionRepository(db),
                users,
                new JwtAccessTokens("test-only-jwt-secret-0123456789abcdef0123", "test", "test", Duration.ofHours(1)),
                new OpaqueTokens(new SecureRandom()),
                settings,
                clock);
        SignIn signIn = new SignIn(users, passwords, sessions, new MongoAuditLog(db), locks, clock);
        return new Instance(users, locks, sessions, signIn);
    }

    record Instance(MongoUserRepository users, LoginLocks locks, SessionService sessions, SignIn signIn) {}

    /** An active, verified staff account with {@link #PASSWORD}. */
    User account(String email) {
        return new MongoUserRepository(db)
                .insert(new NewUser(
                        email,
                        null,
                        "Sam",
                        "Doe",
                        "Sam Doe",
                        Role.STAFF,
                        null,
                        "en",
                        true,
                        false,
                        passwords.hash(PASSWORD),
                        clock.instant(),
                        null));
    }

    @Override
    public void close() {
        shared.close();
    }
}
