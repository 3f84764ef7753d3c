package com.abcdashboard.persistence;

import static com.abcdashboard.persistence.Documents.date;
import static com.abcdashboard.persistence.Documents.instant;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.abcdashboard.domain.user.DuplicateUserException;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.ProfileChanges;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Users in the {@code users} collection.
 *
 * <p>Uniqueness lives in two sparse unique indexes on the lower-cased keys {@code emailKey} and
 * {@code usernameKey}. A soft delete sets {@code deletedAt} and unsets both keys (the readable
 * {@code email} and {@code username} stay for audit), which frees the address and the name. Partial
 * indexes would express "unique among non-deleted users" more directly, but the embedded server
 * ignores their filter (it enforces them as plain unique indexes) and MongoDB does not accept
 * {@code $exists: false} in a partial filter anyway; sparse indexes behave the same on both.
 */
public final class MongoUserRepository implements UserRepository {
    static final String COLLECTION = "users";
    static final String EMAIL_INDEX = "users_email_key_unique";
    static final String USERNAME_INDEX = "users_username_key_unique";
    static final String CREATED_AT_INDEX = "users_created_at";

    static final String EMAIL_KEY = "emailKey";
    static final String USERNAME_KEY = "usernameKey";
    static final String DELETED_AT = "deletedAt";
    private static final String FAILED_LOGINS = "failedLoginAttempts";
    private static final String LOCKED_UNTIL = "lockedUntil";

    static final List<IndexModel> INDEXES = List.of(
            new IndexModel(
                    Indexes.ascending(EMAIL_KEY),
                    new IndexOptions().name(EMAIL_INDEX).unique(true).sparse(true)),
            new IndexModel(
                    Indexes.ascending(USERNAME_KEY),
                    new IndexOptions().name(USERNAME_INDEX).unique(true).sparse(true)),
            new IndexModel(Indexes.descending("createdAt"), new IndexOptions().name(CREATED_AT_INDEX)));

    /**
     * How often {@link #recordFailedLogin} retries when concurrent failures keep moving the counter
     * across the lock threshold between its two conditional updates. Each retry means another failure
     * was recorded meanwhile, so this bound is never reached in practice.
     */
    private static final int MAX_COUNTER_RACES = 1_000;

    private static final FindOneAndUpdateOptions RETURN_AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
    private static final FindOneAndUpdateOptions RETURN_BEFORE =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE);

    private final MongoCollection<Document> users;

    public MongoUserRepository(MongoDatabase database) {
        this.users = database.getCollection(COLLECTION);
    }

    /** Creates this collection's indexes; {@link MongoIndexes#ensure} does it for every collection. */
    public void createIndexes() {
        MongoIndexes.ensure(users, INDEXES);
    }

    @Override
    public User insert(NewUser user) {
        String email = lowerCase(user.email());
        Document doc = new Document("_id", new ObjectId())
                .append("email", email)
                .append(EMAIL_KEY, email)
                .append("firstName", user.firstName())
                .append("lastName", user.lastName())
                .append("displayName", user.displayName())
                .append("role", user.role().id())
                .append("langKey", user.langKey())
                .append("active", true)
                .append("emailVerified", user.emailVerified())
                .append("firstLogin", user.firstLogin())
                .append(FAILED_LOGINS, 0)
                .append("createdAt", date(user.createdAt()))
                .append("updatedAt", date(user.createdAt()));
        if (user.username() != null) {
            doc.append("username", user.username()).append(USERNAME_KEY, lowerCase(user.username()));
        }
        putIfNotNull(doc, "phone", user.phone());
        putIfNotNull(doc, "passwordHash", user.passwordHash());
        putIfNotNull(doc, "createdBy", user.createdBy());
        putIfNotNull(doc, "lastModifiedBy", user.createdBy());
        if (user.emailVerified()) {
            doc.append("emailVerifiedAt", date(user.createdAt()));
        }
        try {
            users.insertOne(doc);
        } catch (MongoWriteException e) {
            Optional<String> index = DuplicateKey.violatedIndex(e);
            if (index.filter(EMAIL_INDEX::equals).isPresent()) {
                throw new DuplicateUserException(DuplicateUserException.Field.EMAIL);
            }
            if (index.filter(USERNAME_INDEX::equals).isPresent()) {
                throw new DuplicateUserException(DuplicateUserException.Field.USERNAME);
            }
            throw e;
        }
        return toUser(doc);
    }

    @Override
    public Optional<User> findById(String id) {
        return Documents.objectId(id).flatMap(oid -> first(and(eq("_id", oid), notDeleted())));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return first(and(eq(EMAIL_KEY, lowerCase(email.trim())), notDeleted()));
    }

    /** Verifying again (a second link, a resend race) keeps the time of the first verification. */
    @Override
    public Optional<User> markEmailVerified(String id, Instant at) {
        return update(
                id,
                Updates.combine(
                        Updates.set("emailVerified", true),
                        Updates.min("emailVerifiedAt", date(at)),
                        Updates.set("updatedAt", date(at))));
    }

    @Override
    public Optional<User> changePassword(String id, String passwordHash, Instant at) {
        return update(
                id,
                Updates.combine(
                        Updates.set("passwordHash", passwordHash),
                        Updates.set("passwordChangedAt", date(at)),
                        Updates.set("firstLogin", false),
                        Updates.set(FAILED_LOGINS, 0),
                        Updates.unset(LOCKED_UNTIL),
                        Updates.set("updatedAt", date(at)),
                        Updates.set("lastModifiedBy", id)));
    }

    /**
     * Without update pipelines (the embedded server has none) one update cannot both count and decide
     * to lock, so the counter's range is split in two by the filter: below {@code maxAttempts - 1} a
     * failure is an {@code $inc}; at it, the failure locks and resets instead. Exactly one of the two
     * conditional updates matches any state of the document, each is atomic, so every failure is
     * applied exactly once and the lock fires for exactly the failure that reaches the limit. When a
     * concurrent failure moves the counter across the threshold between the two calls, neither
     * matches and the pair is tried again.
     */
    @Override
    public Optional<User> recordFailedLogin(String id, Instant now, int maxAttempts, Duration lockFor) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Optional<ObjectId> oid = Documents.objectId(id);
        if (oid.isEmpty()) {
            return Optional.empty();
        }
        Bson user = and(eq("_id", oid.get()), notDeleted());
        for (int race = 0; race < MAX_COUNTER_RACES; race++) {
            Optional<Document> after = countOrLock(user, now.plus(lockFor), maxAttempts - 1);
            if (after.isPresent()) {
                return after.map(MongoUserRepository::toUser);
            }
            if (users.find(user).first() == null) {
                return Optional.empty();
            }
        }
        throw new IllegalStateException(
                "users/" + id + ": the failed-login counter did not settle; is " + FAILED_LOGINS + " a number?");
    }

    /**
     * One failure, as the document looks right after it; empty when neither conditional update matched.
     * Built from the pre-image plus the update this call applied: the embedded server hands out its
     * post-image by reference, so a concurrent update can show through it, while the pre-image is a
     * private copy on both servers.
     */
    private Optional<Document> countOrLock(Bson user, Instant lockedUntil, int alreadyCounted) {
        if (alreadyCounted > 0) {
            Bson belowThreshold = or(exists(FAILED_LOGINS, false), lt(FAILED_LOGINS, alreadyCounted));
            Document before =
                    users.findOneAndUpdate(and(user, belowThreshold), Updates.inc(FAILED_LOGINS, 1), RETURN_BEFORE);
            if (before != null) {
                return Optional.of(before.append(FAILED_LOGINS, before.getInteger(FAILED_LOGINS, 0) + 1));
            }
        }
        Bson atThreshold = alreadyCounted > 0 ? and(user, gte(FAILED_LOGINS, alreadyCounted)) : user;
        Bson lock = Updates.combine(Updates.set(FAILED_LOGINS, 0), Updates.set(LOCKED_UNTIL, date(lockedUntil)));
        return Optional.ofNullable(users.findOneAndUpdate(atThreshold, lock, RETURN_BEFORE))
                .map(before -> before.append(FAILED_LOGINS, 0).append(LOCKED_UNTIL, date(lockedUntil)));
    }

    @Override
    public Optional<User> updateProfile(String id, ProfileChanges changes, Instant at, String modifiedBy) {
        List<Bson> updates = new ArrayList<>();
        setIfPresent(updates, "displayName", changes.displayName());
        setIfPresent(updates, "firstName", changes.firstName());
        setIfPresent(updates, "lastName", changes.lastName());
        setIfPresent(updates, "langKey", changes.langKey());
        setOrClear(updates, "bio", changes.bio());
        setOrClear(updates, "phone", changes.phone());
        setOrClear(updates, "avatarUrl", changes.avatarUrl());
        updates.add(Updates.set("updatedAt", date(at)));
        updates.add(Updates.set("lastModifiedBy", modifiedBy));
        return update(id, Updates.combine(updates));
    }

    private static void setIfPresent(List<Bson> updates, String field, String value) {
        if (value != null) {
            updates.add(Updates.set(field, value));
        }
    }

    private static void setOrClear(List<Bson> updates, String field, String value) {
        if (value != null) {
            updates.add(value.isEmpty() ? Updates.unset(field) : Updates.set(field, value));
        }
    }

    @Override
    public Optional<User> recordSuccessfulLogin(String id, Instant now) {
        return update(
                id,
                Updates.combine(
                        Updates.set(FAILED_LOGINS, 0),
                        Updates.unset(LOCKED_UNTIL),
                        Updates.set("lastLoginAt", date(now)),
                        Updates.set("lastActivityAt", date(now))));
    }

    private Optional<User> update(String id, Bson update) {
        return Documents.objectId(id)
                .map(oid -> users.findOneAndUpdate(and(eq("_id", oid), notDeleted()), update, RETURN_AFTER))
                .map(MongoUserRepository::toUser);
    }

    private Optional<User> first(Bson filter) {
        return Optional.ofNullable(users.find(filter).first()).map(MongoUserRepository::toUser);
    }

    private static Bson notDeleted() {
        return exists(DELETED_AT, false);
    }

    private static String lowerCase(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static void putIfNotNull(Document doc, String field, Object value) {
        if (value != null) {
            doc.append(field, value);
        }
    }

    static User toUser(Document d) {
        return new User(
                d.getObjectId("_id").toHexString(),
                d.getString("email"),
                d.getString("username"),
                d.getString("firstName"),
                d.getString("lastName"),
                d.getString("displayName"),
                // An unknown stored role degrades to the least privileged one instead of failing sign-in.
                Role.parse(d.getString("role")).orElse(Role.STAFF),
                d.getString("avatarUrl"),
                d.getString("phone"),
                d.getString("bio"),
                d.getString("langKey"),
                d.getBoolean("active", true),
                d.getBoolean("emailVerified", false),
                instant(d, "emailVerifiedAt"),
                d.getBoolean("firstLogin", false),
                d.getString("passwordHash"),
                instant(d, "passwordChangedAt"),
                d.getInteger(FAILED_LOGINS, 0),
                instant(d, LOCKED_UNTIL),
                instant(d, "lastLoginAt"),
                instant(d, "lastActivityAt"),
                instant(d, "createdAt"),
                instant(d, "updatedAt"),
                d.getString("createdBy"),
                d.getString("lastModifiedBy"),
                instant(d, DELETED_AT));
    }

    /** Whether any non-deleted administrator exists (the first-admin seed asks before creating one). */
    public boolean anyAdmin() {
        return users.find(and(eq("role", Role.ADMIN.id()), notDeleted())).first() != null;
    }
}
