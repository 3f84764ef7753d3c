package com.abcdashboard.persistence;

import static com.abcdashboard.persistence.Documents.date;
import static com.abcdashboard.persistence.Documents.instant;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.ne;

import com.abcdashboard.domain.auth.Session;
import com.abcdashboard.domain.auth.SessionRepository;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Sessions in the {@code sessions} collection: one document per refresh-token family, holding the hash
 * of the current token and the hashes of the last rotated ones (for reuse detection).
 */
public final class MongoSessionRepository implements SessionRepository {
    static final String COLLECTION = "sessions";
    static final String TOKEN_HASH_INDEX = "sessions_token_hash_unique";
    static final String ROTATED_HASHES_INDEX = "sessions_rotated_hashes";
    static final String USER_INDEX = "sessions_user";
    static final String TTL_INDEX = "sessions_ttl";
    /** Rotated hashes kept per session; a replay older than this is just an unknown token. */
    static final int ROTATED_HASHES_KEPT = 100;
    /** {@code {from, at, successor}}: the latest rotation, for the refresh-reuse grace. */
    static final String LATEST_ROTATION = "latestRotation";
    /**
     * How long MongoDB keeps a session after it expired, before its TTL monitor deletes it: long enough
     * to answer "which sessions did this user have last week", short enough to bound the collection.
     */
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(30);

    static final List<IndexModel> INDEXES = List.of(
            new IndexModel(
                    Indexes.ascending("tokenHash"),
                    new IndexOptions().name(TOKEN_HASH_INDEX).unique(true)),
            new IndexModel(Indexes.ascending("rotatedTokenHashes"), new IndexOptions().name(ROTATED_HASHES_INDEX)),
            new IndexModel(Indexes.ascending("userId"), new IndexOptions().name(USER_INDEX)),
            new IndexModel(
                    Indexes.ascending("expiresAt"),
                    new IndexOptions().name(TTL_INDEX).expireAfter(KEPT_AFTER_EXPIRY.toSeconds(), TimeUnit.SECONDS)));

    private static final FindOneAndUpdateOptions RETURN_AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> sessions;

    public MongoSessionRepository(MongoDatabase database) {
        this.sessions = database.getCollection(COLLECTION);
    }

    /** Creates this collection's indexes; {@link MongoIndexes#ensure} does it for every collection. */
    public void createIndexes() {
        MongoIndexes.ensure(sessions, INDEXES);
    }

    @Override
    public Session create(
            String userId, String tokenHash, Instant now, Instant expiresAt, String userAgent, String ipAddress) {
        Document doc = new Document("_id", new ObjectId())
                .append("userId", userId)
                .append("tokenHash", tokenHash)
                .append("rotatedTokenHashes", List.of())
                .append("createdAt", date(now))
                .append("lastUsedAt", date(now))
                .append("expiresAt", date(expiresAt));
        if (userAgent != null) {
            doc.append("userAgent", userAgent);
        }
        if (ipAddress != null) {
            doc.append("ipAddress", ipAddress);
        }
        sessions.insertOne(doc);
        return toSession(doc);
    }

    @Override
    public Optional<Session> findById(String id) {
        return Documents.objectId(id)
                .map(oid -> sessions.find(eq("_id", oid)).first())
                .map(MongoSessionRepository::toSession);
    }

    @Override
    public Optional<Session> findByCurrentTokenHash(String tokenHash) {
        return Optional.ofNullable(sessions.find(eq("tokenHash", tokenHash)).first())
                .map(MongoSessionRepository::toSession);
    }

    @Override
    public Optional<Session> findByRotatedTokenHash(String tokenHash) {
        return Optional.ofNullable(
                        sessions.find(eq("rotatedTokenHashes", tokenHash)).first())
                .map(MongoSessionRepository::toSession);
    }

    @Override
    public Optional<Session> rotate(
            String presentedHash, String newHash, String sealedSuccessor, Instant now, Instant newExpiresAt) {
        Bson stillCurrent = and(eq("tokenHash", presentedHash), exists("revokedAt", false), gt("expiresAt", date(now)));
        Bson update = Updates.combine(
                Updates.set("tokenHash", newHash),
                Updates.set("lastUsedAt", date(now)),
                Updates.set("expiresAt", date(newExpiresAt)),
                Updates.pushEach(
                        "rotatedTokenHashes", List.of(presentedHash), new PushOptions().slice(-ROTATED_HASHES_KEPT)),
                sealedSuccessor == null
                        ? Updates.unset(LATEST_ROTATION)
                        : Updates.set(
                                LATEST_ROTATION,
                                new Document("from", presentedHash)
                                        .append("at", date(now))
                                        .append("successor", sealedSuccessor)));
        return Optional.ofNullable(sessions.findOneAndUpdate(stillCurrent, update, RETURN_AFTER))
                .map(MongoSessionRepository::toSession);
    }

    @Override
    public Optional<LatestRotation> findLatestRotation(String rotatedHash) {
        // rotatedTokenHashes is indexed; the latest rotation is one of them.
        Document found = sessions.find(
                        and(eq("rotatedTokenHashes", rotatedHash), eq(LATEST_ROTATION + ".from", rotatedHash)))
                .first();
        if (found == null) {
            return Optional.empty();
        }
        Document latest = found.get(LATEST_ROTATION, Document.class);
        return Optional.of(new LatestRotation(toSession(found), instant(latest, "at"), latest.getString("successor")));
    }

    @Override
    public void revoke(String sessionId, Instant now, String reason) {
        Documents.objectId(sessionId)
                .ifPresent(oid -> sessions.updateOne(
                        and(eq("_id", oid), exists("revokedAt", false)),
                        Updates.combine(Updates.set("revokedAt", date(now)), Updates.set("revokedReason", reason))));
    }

    @Override
    public long revokeAllForUser(String userId, String keepSessionId, Instant now, String reason) {
        Bson filter = and(eq("userId", userId), exists("revokedAt", false));
        if (keepSessionId != null) {
            Optional<ObjectId> keep = Documents.objectId(keepSessionId);
            if (keep.isPresent()) {
                filter = and(filter, ne("_id", keep.get()));
            }
        }
        return sessions.updateMany(
                        filter,
                        Updates.combine(Updates.set("revokedAt", date(now)), Updates.set("revokedReason", reason)))
                .getModifiedCount();
    }

    @Override
    public List<String> idsOfUser(String userId) {
        List<String> ids = new java.util.ArrayList<>();
        sessions.find(eq("userId", userId))
                .projection(new Document("_id", 1))
                .forEach(d -> ids.add(d.getObjectId("_id").toHexString()));
        return ids;
    }

    @Override
    public List<Session> activeOfUser(String userId, Instant now) {
        List<Session> active = new ArrayList<>();
        sessions.find(and(eq("userId", userId), exists("revokedAt", false), gt("expiresAt", date(now))))
                .sort(Sorts.descending("createdAt", "_id"))
                .forEach(d -> active.add(toSession(d)));
        return active;
    }

    @Override
    public Set<String> userAgentsSeen(String userId, String exceptSessionId) {
        Bson filter = eq("userId", userId);
        Optional<ObjectId> except = Documents.objectId(exceptSessionId);
        if (except.isPresent()) {
            filter = and(filter, ne("_id", except.get()));
        }
        Set<String> seen = new LinkedHashSet<>();
        sessions.find(filter)
                .projection(new Document("userAgent", 1))
                .forEach(d -> seen.add(Objects.requireNonNullElse(d.getString("userAgent"), "")));
        return seen;
    }

    private static Session toSession(Document d) {
        return new Session(
                d.getObjectId("_id").toHexString(),
                d.getString("userId"),
                d.getString("tokenHash"),
                instant(d, "createdAt"),
                instant(d, "lastUsedAt"),
                instant(d, "expiresAt"),
                instant(d, "revokedAt"),
                d.getString("revokedReason"),
                d.getString("userAgent"),
                d.getString("ipAddress"));
    }
}
