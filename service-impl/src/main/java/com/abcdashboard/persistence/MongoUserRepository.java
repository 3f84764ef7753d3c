package com.abcdashboard.persistence;

import static com.abcdashboard.persistence.Documents.date;
import static com.abcdashboard.persistence.Documents.instant;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.abcdashboard.domain.user.DuplicateUserException;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.ProfileChanges;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
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
 * Users in the {@code users} collection. Uniqueness lives in two unique indexes on the lower-cased
 * keys {@code emailKey} and {@code usernameKey}; a soft delete removes those keys (the readable
 * {@code email} stays for audit), which frees the address without needing partial indexes — the
 * embedded server and every MongoDB version handle it the same way. Sparse indexes skip documents
 * without a key (no username, deleted users).
 */
public final class MongoUserRepository implements UserRepository {
    static final String COLLECTION = "users";
    static final String EMAIL_INDEX = "users_email_key_unique";
    static final String USERNAME_INDEX = "users_username_key_unique";

    private static final FindOneAndUpdateOptions RETURN_AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> users;

    public MongoUserRepository(MongoDatabase database) {
        this.users = database.getCollection(COLLECTION);
    }

    /** Idempotent: safe on every start and from several instances at once. */
    public void createIndexes() {
        users.createIndex(
                Indexes.ascending("emailKey"),
                new IndexOptions().name(EMAIL_INDEX).unique(true).sparse(true));
        users.createIndex(
                Indexes.ascending("usernameKey"),
                new IndexOptions().name(USERNAME_INDEX).unique(true).sparse(true));
        users.createIndex(Indexes.descending("createdAt"), new IndexOptions().name("users_created_at"));
    }

    @Override
    public User insert(NewUser user) {
        Document doc = new Document("_id", new ObjectId())
                .append("email", user.email())
                .append("emailKey", user.email().toLowerCase(Locale.ROOT))
                .append("firstName", user.firstName())
                .append("lastName", user.lastName())
                .append("displayName", user.displayName())
                .append("role", user.role().id())
                .append("langKey", user.langKey())
                .append("active", true)
                .append("emailVerified", user.emailVerified())
                .append("firstLogin", user.firstLogin())
                .append("failedLoginAttempts", 0)
                .append("createdAt", date(user.createdAt()))
                .append("updatedAt", date(user.createdAt()));
        if (user.username() != null) {
            doc.append("username", user.username())
                    .append("usernameKey", user.username().toLowerCase(Locale.ROOT));
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
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateUserException(
                        e.getMessage().contains(USERNAME_INDEX)
                                        || e.getMessage().contains("usernameKey")
                                ? DuplicateUserException.Field.USERNAME
                                : DuplicateUserException.Field.EMAIL);
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
        return first(and(eq("emailKey", email.trim().toLowerCase(Locale.ROOT)), notDeleted()));
    }

    @Override
    public Optional<User> markEmailVerified(String id, Instant at) {
        return update(
                id,
                Updates.combine(
                        Updates.set("emailVerified", true),
                        Updates.set("emailVerifiedAt", date(at)),
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
                        Updates.set("failedLoginAttempts", 0),
                        Updates.unset("lockedUntil"),
                        Updates.set("updatedAt", date(at)),
                        Updates.set("lastModifiedBy", id)));
    }

    /**
     * Two atomic steps, each safe under concurrency: {@code $inc} counts every failure; the lock is a
     * compare-and-set that fires only for the update that saw the count reach the limit, and resets it.
     */
    @Override
    public Optional<User> recordFailedLogin(String id, Instant now, int maxAttempts, Duration lockFor) {
        Optional<ObjectId> oid = Documents.objectId(id);
        if (oid.isEmpty()) {
            return Optional.empty();
        }
        Document counted = users.findOneAndUpdate(
                and(eq("_id", oid.get()), notDeleted()), Updates.inc("failedLoginAttempts", 1), RETURN_AFTER);
        if (counted == null) {
            return Optional.empty();
        }
        int attempts = counted.getInteger("failedLoginAttempts", 0);
        if (attempts < maxAttempts) {
            return Optional.of(toUser(counted));
        }
        Document locked = users.findOneAndUpdate(
                and(eq("_id", oid.get()), com.mongodb.client.model.Filters.gte("failedLoginAttempts", maxAttempts)),
                Updates.combine(
                        Updates.set("failedLoginAttempts", 0), Updates.set("lockedUntil", date(now.plus(lockFor)))),
                RETURN_AFTER);
        return Optional.of(toUser(locked != null ? locked : counted));
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
                        Updates.set("failedLoginAttempts", 0),
                        Updates.unset("lockedUntil"),
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
        return exists("deletedAt", false);
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
                d.getInteger("failedLoginAttempts", 0),
                instant(d, "lockedUntil"),
                instant(d, "lastLoginAt"),
                instant(d, "lastActivityAt"),
                instant(d, "createdAt"),
                instant(d, "updatedAt"),
                d.getString("createdBy"),
                d.getString("lastModifiedBy"),
                instant(d, "deletedAt"));
    }
}
