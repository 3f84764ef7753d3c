package com.abcdashboard.cache;

import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.Sha256;
import com.abcdashboard.domain.user.LoginAttempt;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.ProfileChanges;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserQuery;
import com.abcdashboard.domain.user.UserRepository;
import com.abcdashboard.domain.user.UserStats;
import com.abcdashboard.domain.user.UserUpdate;
import com.abcdashboard.observability.ServiceMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The user repository with a shared cache in front (Redis across instances, or in-process):
 *
 * <ul>
 *   <li>{@code user:<id>} — the record read by every authenticated request, for {@code userDataTtl};
 *   <li>{@code users:list:<generation>:<hash of query and page>} and {@code users:stats:<generation>} —
 *       list and statistics answers, for {@code apiResponseTtl}.
 * </ul>
 *
 * Every write goes to MongoDB first, then deletes that user's entry and moves the {@code users:gen}
 * generation on, which retires every cached list and statistics answer at once — on every instance,
 * since they all read the same keys. Lookups by email (sign-in) always read MongoDB. MongoDB stays the
 * record of truth: a cache outage only costs the reads (see {@link ResilientStore}).
 */
public final class CachingUserRepository implements UserRepository {
    private static final String GENERATION = "users:gen";
    private static final ObjectMapper JSON = CacheJson.MAPPER;

    private final UserRepository users;
    private final ResilientStore store;
    private final Duration userTtl;
    private final Duration responseTtl;
    private final ServiceMetrics metrics;

    public CachingUserRepository(
            UserRepository users,
            ResilientStore store,
            Duration userTtl,
            Duration responseTtl,
            ServiceMetrics metrics) {
        this.users = users;
        this.store = store;
        this.userTtl = userTtl;
        this.responseTtl = responseTtl;
        this.metrics = metrics;
    }

    @Override
    public Optional<User> findById(String id) {
        if (id == null || id.length() > 64) {
            return users.findById(id);
        }
        Optional<User> cached = read("user", "user:" + id, new TypeReference<User>() {});
        if (cached.isPresent()) {
            return cached;
        }
        Optional<User> found = users.findById(id);
        found.ifPresent(user -> write("user:" + id, user, userTtl));
        return found;
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return users.findByEmail(email);
    }

    @Override
    public Page<User> find(UserQuery query, PageRequest page) {
        return cachedResponse(
                "users-list",
                "users:list",
                query.cacheKey() + "|" + page.cacheKey(),
                new TypeReference<Page<User>>() {},
                () -> users.find(query, page));
    }

    @Override
    public UserStats stats(Instant recentSince) {
        return cachedResponse(
                "users-stats", "users:stats", "all", new TypeReference<UserStats>() {}, () -> users.stats(recentSince));
    }

    @Override
    public User insert(NewUser user) {
        User created = users.insert(user);
        changed(created.id());
        return created;
    }

    @Override
    public Optional<User> markEmailVerified(String id, Instant at) {
        return changed(id, users.markEmailVerified(id, at));
    }

    @Override
    public Optional<User> changePassword(String id, String passwordHash, Instant at) {
        return changed(id, users.changePassword(id, passwordHash, at));
    }

    @Override
    public Optional<LoginAttempt> reserveLoginAttempt(String id, Instant now, int maxAttempts, Duration lockFor) {
        Optional<LoginAttempt> attempt = users.reserveLoginAttempt(id, now, maxAttempts, lockFor);
        changed(id);
        return attempt;
    }

    @Override
    public Optional<User> updateProfile(String id, ProfileChanges changes, Instant at, String modifiedBy) {
        return changed(id, users.updateProfile(id, changes, at, modifiedBy));
    }

    @Override
    public Optional<User> recordSuccessfulLogin(String id, Instant now) {
        return changed(id, users.recordSuccessfulLogin(id, now));
    }

    @Override
    public Optional<User> update(User expected, UserUpdate update, Instant at, String modifiedBy) {
        return changed(expected.id(), users.update(expected, update, at, modifiedBy));
    }

    @Override
    public boolean softDelete(User expected, Instant at, String deletedBy) {
        boolean deleted = users.softDelete(expected, at, deletedBy);
        changed(expected.id());
        return deleted;
    }

    private Optional<User> changed(String id, Optional<User> result) {
        changed(id);
        return result;
    }

    /**
     * After every write, whatever its outcome: the entry may have changed even if the answer was empty.
     * Also for writes to the user's document made elsewhere ({@link CachingTotpFactors}).
     */
    void changed(String id) {
        store.invalidate("user:" + id);
        store.bump(GENERATION);
    }

    private <T> T cachedResponse(String cache, String prefix, String request, TypeReference<T> type, Supplier<T> load) {
        Optional<Long> generation = store.generation(GENERATION);
        if (generation.isEmpty()) {
            return load.get();
        }
        String key = prefix + ":" + generation.get() + ":" + Sha256.hex(request);
        Optional<T> cached = read(cache, key, type);
        if (cached.isPresent()) {
            return cached.get();
        }
        T loaded = load.get();
        write(key, loaded, responseTtl);
        return loaded;
    }

    private <T> Optional<T> read(String cache, String key, TypeReference<T> type) {
        Optional<T> value = store.get(key).flatMap(json -> {
            Optional<T> parsed = CacheJson.read(json, type);
            if (parsed.isEmpty()) {
                store.invalidate(key); // an entry this version cannot read: retire it
            }
            return parsed;
        });
        metrics.cacheLookup(cache, value.isPresent());
        return value;
    }

    private void write(String key, Object value, Duration ttl) {
        try {
            store.fill(key, JSON.writeValueAsString(value), ttl);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot cache " + value.getClass().getSimpleName(), e);
        }
    }
}
