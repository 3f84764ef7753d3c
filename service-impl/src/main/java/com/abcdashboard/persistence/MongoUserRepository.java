package com.abcdashboard.persistence;

import static com.abcdashboard.persistence.Documents.date;
import static com.abcdashboard.persistence.Documents.instant;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.user.DuplicateUserException;
import com.abcdashboard.domain.user.LastActiveAdminException;
import com.abcdashboard.domain.user.LoginAttempt;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.ProfileChanges;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserEventType;
import com.abcdashboard.domain.user.UserQuery;
import com.abcdashboard.domain.user.UserRepository;
import com.abcdashboard.domain.user.UserStats;
import com.abcdashboard.domain.user.UserUpdate;
import com.abcdashboard.domain.user.Usernames;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
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
    static final String LIST_INDEX = "users_list_created_at_id";
    static final String ROLE_LIST_INDEX = "users_list_role_created_at_id";
    static final String ACTIVE_LIST_INDEX = "users_list_active_created_at_id";

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
            new IndexModel(Indexes.descending("createdAt"), new IndexOptions().name(CREATED_AT_INDEX)),
            // The default list order (newest first, ties by id) and its two common filters.
            new IndexModel(Indexes.descending("createdAt", "_id"), new IndexOptions().name(LIST_INDEX)),
            new IndexModel(
                    Indexes.compoundIndex(Indexes.ascending("role"), Indexes.descending("createdAt", "_id")),
                    new IndexOptions().name(ROLE_LIST_INDEX)),
            new IndexModel(
                    Indexes.compoundIndex(Indexes.ascending("active"), Indexes.descending("createdAt", "_id")),
                    new IndexOptions().name(ACTIVE_LIST_INDEX)));

    /**
     * How often {@link #reserveLoginAttempt} retries when concurrent reservations keep moving the counter
     * or the lock between its conditional updates. Each retry means another reservation was made
     * meanwhile, so this bound is never reached in practice.
     */
    private static final int MAX_COUNTER_RACES = 1_000;

    private static final FindOneAndUpdateOptions RETURN_AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
    private static final FindOneAndUpdateOptions RETURN_BEFORE =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE);

    /** The events a change recorded, not yet handed to the webhook deliveries (see {@link MongoPendingUserEvents}). */
    static final String PENDING_EVENTS = "pendingEvents";

    private final MongoCollection<Document> users;
    private final MongoAdminRoster admins;
    private final Consumer<String> eventsRecorded;

    public MongoUserRepository(MongoDatabase database) {
        this(database, userId -> {});
    }

    /**
     * @param eventsRecorded told the user's id after a write that recorded events, so the relay takes
     *     them at once instead of at its next sweep
     */
    public MongoUserRepository(MongoDatabase database, Consumer<String> eventsRecorded) {
        this.users = database.getCollection(COLLECTION);
        this.admins = new MongoAdminRoster(database, users);
        this.eventsRecorded = eventsRecorded;
    }

    /**
     * The events are written by the same single-document update as the change they describe: the change
     * and its events exist together or not at all, which needs no transaction.
     */
    private static Bson recording(Instant at, UserEventType... events) {
        return Updates.pushEach(PENDING_EVENTS, eventDocuments(at, List.of(events)));
    }

    private static List<Document> eventDocuments(Instant at, List<UserEventType> events) {
        List<Document> docs = new ArrayList<>();
        for (UserEventType event : events) {
            docs.add(new Document("id", "evt_" + UUID.randomUUID().toString().replace("-", ""))
                    .append("type", event.id())
                    .append("at", date(at)));
        }
        return docs;
    }

    private <T> T announced(String userId, T result) {
        eventsRecorded.accept(userId);
        return result;
    }

    /** Repairs the active-admin list after a crash mid-change; see {@link MongoAdminRoster#heal}. */
    public void healAdminRoster(Instant now) {
        admins.heal(now);
    }

    /**
     * Gives every non-deleted user without a username one made from the display name or the email
     * address ({@link Usernames}), taking a suffixed one while it is taken. Idempotent: users that have
     * one are never touched. Returns how many were given one.
     */
    public int backfillUsernames() {
        int given = 0;
        List<Document> missing = users.find(and(eq("username", null), notDeleted()))
                .projection(new Document("displayName", 1).append("email", 1))
                .into(new ArrayList<>());
        for (Document user : missing) {
            String base = Usernames.base(user.getString("displayName"), user.getString("email"));
            String candidate = base;
            while (true) {
                if (users.countDocuments(eq(USERNAME_KEY, lowerCase(candidate))) == 0) {
                    try {
                        users.updateOne(
                                and(eq("_id", user.get("_id")), eq("username", null)),
                                Updates.combine(
                                        Updates.set("username", candidate),
                                        Updates.set(USERNAME_KEY, lowerCase(candidate))));
                        given++;
                        break;
                    } catch (MongoWriteException e) {
                        // Taken meanwhile (the unique index exists from the second run on): next candidate.
                        DuplicateKey.violatedIndex(e)
                                .filter(USERNAME_INDEX::equals)
                                .orElseThrow(() -> e);
                    }
                }
                candidate = Usernames.withSuffix(base);
            }
        }
        return given;
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
        doc.append(PENDING_EVENTS, eventDocuments(user.createdAt(), List.of(UserEventType.USER_CREATED)));
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
        User created = toUser(doc);
        if (created.isActiveAdmin()) {
            admins.admit(doc.getObjectId("_id"));
        }
        return announced(created.id(), created);
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
                        Updates.set("updatedAt", date(at)),
                        Updates.set("lastModifiedBy", id),
                        recording(at, UserEventType.USER_UPDATED)),
                true);
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
                        Updates.set("lastModifiedBy", id),
                        recording(at, UserEventType.USER_PASSWORD_CHANGED)),
                true);
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
    public Optional<LoginAttempt> reserveLoginAttempt(String id, Instant now, int maxAttempts, Duration lockFor) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Optional<ObjectId> oid = Documents.objectId(id);
        if (oid.isEmpty()) {
            return Optional.empty();
        }
        Bson user = and(eq("_id", oid.get()), notDeleted());
        // Not locked at now: no lock, or one that has ended.
        Bson open = and(user, or(exists(LOCKED_UNTIL, false), lte(LOCKED_UNTIL, date(now))));
        Bson touched = Updates.set("updatedAt", date(now));
        Date lockedUntil = date(now.plus(lockFor));
        int alreadyCounted = maxAttempts - 1;
        for (int race = 0; race < MAX_COUNTER_RACES; race++) {
            // Below the last one: count it.
            if (alreadyCounted > 0
                    && users.updateOne(
                                            and(
                                                    open,
                                                    or(
                                                            exists(FAILED_LOGINS, false),
                                                            lt(FAILED_LOGINS, alreadyCounted))),
                                            Updates.combine(Updates.inc(FAILED_LOGINS, 1), touched))
                                    .getModifiedCount()
                            == 1) {
                return Optional.of(LoginAttempt.allowed());
            }
            // The last one of the window: granted, and the account locks with it.
            Bson last = alreadyCounted > 0 ? and(open, gte(FAILED_LOGINS, alreadyCounted)) : open;
            if (users.updateOne(
                                    last,
                                    Updates.combine(
                                            Updates.set(FAILED_LOGINS, 0),
                                            Updates.set(LOCKED_UNTIL, lockedUntil),
                                            touched,
                                            recording(now, UserEventType.USER_LOGIN_LOCKED)))
                            .getModifiedCount()
                    == 1) {
                return announced(id, Optional.of(LoginAttempt.allowedLastBefore(lockedUntil.toInstant())));
            }
            Document current = users.find(user).first();
            if (current == null) {
                return Optional.empty();
            }
            Instant until = instant(current, LOCKED_UNTIL);
            if (until != null && until.isAfter(now)) {
                return Optional.of(LoginAttempt.refused(until));
            }
        }
        throw new IllegalStateException(
                "users/" + id + ": the failed-login counter did not settle; is " + FAILED_LOGINS + " a number?");
    }

    @Override
    public Optional<User> updateProfile(String id, ProfileChanges changes, Instant at, String modifiedBy) {
        List<Bson> updates = profileUpdates(changes, at, modifiedBy);
        updates.add(recording(at, UserEventType.USER_UPDATED));
        return update(id, Updates.combine(updates), true);
    }

    private static List<Bson> profileUpdates(ProfileChanges changes, Instant at, String modifiedBy) {
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
        return updates;
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
    public Page<User> find(UserQuery query, PageRequest page) {
        Bson filter = MongoUserQueries.filter(query);
        long total = users.countDocuments(filter);
        List<User> items = new ArrayList<>();
        if (page.offset() < total) {
            users.find(filter)
                    .sort(MongoUserQueries.sort(query))
                    .skip((int) page.offset())
                    .limit(page.limit())
                    .forEach(d -> items.add(toUser(d)));
        }
        return new Page<>(items, total, page);
    }

    /**
     * One {@code $group} per role over the non-deleted users, each summing conditional counts; the at
     * most three result rows are added up here.
     */
    @Override
    public UserStats stats(Instant recentSince) {
        List<Bson> pipeline = List.of(
                Aggregates.match(notDeleted()),
                Aggregates.group(
                        "$role",
                        Accumulators.sum("total", 1),
                        Accumulators.sum("active", countIf(new Document("$eq", List.of("$active", true)))),
                        Accumulators.sum("verified", countIf(new Document("$eq", List.of("$emailVerified", true)))),
                        Accumulators.sum(
                                "recent", countIf(new Document("$gte", List.of("$createdAt", date(recentSince)))))));
        long total = 0;
        long active = 0;
        long verified = 0;
        long recent = 0;
        Map<Role, Long> byRole = new EnumMap<>(Role.class);
        for (Document row : users.aggregate(pipeline)) {
            long count = row.get("total", Number.class).longValue();
            Role.parse(row.getString("_id")).ifPresent(role -> byRole.merge(role, count, Long::sum));
            total += count;
            active += row.get("active", Number.class).longValue();
            verified += row.get("verified", Number.class).longValue();
            recent += row.get("recent", Number.class).longValue();
        }
        for (Role role : Role.values()) {
            byRole.putIfAbsent(role, 0L);
        }
        return new UserStats(total, active, total - active, byRole, recent, verified, total - verified);
    }

    private static Document countIf(Document condition) {
        return new Document("$cond", List.of(condition, 1, 0));
    }

    /**
     * Removing an active admin first takes them off the admin list (refused when they are the last
     * one), then writes the user; adding one writes the user first, then lists them. See {@link
     * MongoAdminRoster} for why this order keeps the invariant without transactions.
     */
    @Override
    public Optional<User> update(User expected, UserUpdate update, Instant at, String modifiedBy) {
        Optional<ObjectId> oid = Documents.objectId(expected.id());
        if (oid.isEmpty()) {
            return Optional.empty();
        }
        Role role = update.role() == null ? expected.role() : update.role();
        boolean active = update.active() == null ? expected.active() : update.active();
        boolean staysAdmin = role == Role.ADMIN && active;
        if (expected.isActiveAdmin() && !staysAdmin && admins.release(oid.get()) == MongoAdminRoster.Release.REFUSED) {
            throw new LastActiveAdminException();
        }
        List<Bson> updates = profileUpdates(update.profile(), at, modifiedBy);
        updates.add(Updates.set("role", role.id()));
        updates.add(Updates.set("active", active));
        updates.add(Updates.pushEach(PENDING_EVENTS, eventDocuments(at, UserEventType.ofUpdate(expected, update))));
        Document after =
                users.findOneAndUpdate(unchangedSince(oid.get(), expected), Updates.combine(updates), RETURN_AFTER);
        if (after == null) {
            // Changed meanwhile. A released id stays off the list: that only errs on the side of refusing.
            return Optional.empty();
        }
        if (!expected.isActiveAdmin() && staysAdmin) {
            admins.admit(oid.get());
        }
        return announced(expected.id(), Optional.of(toUser(after)));
    }

    @Override
    public boolean softDelete(User expected, Instant at, String deletedBy) {
        Optional<ObjectId> oid = Documents.objectId(expected.id());
        if (oid.isEmpty()) {
            return false;
        }
        if (expected.isActiveAdmin() && admins.release(oid.get()) == MongoAdminRoster.Release.REFUSED) {
            throw new LastActiveAdminException();
        }
        Bson delete = Updates.combine(
                Updates.set(DELETED_AT, date(at)),
                Updates.set("deletedBy", deletedBy),
                Updates.unset(EMAIL_KEY),
                Updates.unset(USERNAME_KEY),
                Updates.set("updatedAt", date(at)),
                Updates.set("lastModifiedBy", deletedBy),
                recording(at, UserEventType.USER_DELETED));
        return users.updateOne(unchangedSince(oid.get(), expected), delete).getModifiedCount() == 1
                && announced(expected.id(), true);
    }

    /** The user, not deleted and still with the role and active flag a decision was based on. */
    private static Bson unchangedSince(ObjectId id, User expected) {
        return and(eq("_id", id), notDeleted(), eq("role", expected.role().id()), eq("active", expected.active()));
    }

    @Override
    public Optional<User> recordSuccessfulLogin(String id, Instant now) {
        return update(
                id,
                Updates.combine(
                        Updates.set(FAILED_LOGINS, 0),
                        Updates.unset(LOCKED_UNTIL),
                        Updates.set("lastLoginAt", date(now)),
                        Updates.set("lastActivityAt", date(now)),
                        Updates.set("updatedAt", date(now))),
                false);
    }

    private Optional<User> update(String id, Bson update, boolean recordsEvents) {
        Optional<User> updated = Documents.objectId(id)
                .map(oid -> users.findOneAndUpdate(and(eq("_id", oid), notDeleted()), update, RETURN_AFTER))
                .map(MongoUserRepository::toUser);
        if (recordsEvents) {
            updated.ifPresent(user -> eventsRecorded.accept(user.id()));
        }
        return updated;
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
                instant(d, DELETED_AT),
                MongoTotpFactors.enabled(d));
    }

    /** Whether any non-deleted administrator exists (the first-admin seed asks before creating one). */
    public boolean anyAdmin() {
        return users.find(and(eq("role", Role.ADMIN.id()), notDeleted())).first() != null;
    }
}
