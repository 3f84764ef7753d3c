package com.abcdashboard.persistence;

import static com.abcdashboard.persistence.Documents.date;
import static com.abcdashboard.persistence.Documents.instant;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import com.abcdashboard.domain.auth.OneTimeToken;
import com.abcdashboard.domain.auth.OneTimeTokenRepository;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Single-use emailed tokens in {@code one_time_tokens}; consumed by one compare-and-set. */
public final class MongoOneTimeTokenRepository implements OneTimeTokenRepository {
    static final String COLLECTION = "one_time_tokens";

    private final MongoCollection<Document> tokens;

    public MongoOneTimeTokenRepository(MongoDatabase database) {
        this.tokens = database.getCollection(COLLECTION);
    }

    public void createIndexes() {
        tokens.createIndex(
                Indexes.ascending("tokenHash"),
                new IndexOptions().name("one_time_tokens_hash_unique").unique(true));
        tokens.createIndex(Indexes.ascending("userId", "purpose"), new IndexOptions().name("one_time_tokens_user"));
        // Real MongoDB deletes expired tokens a day after expiry; the embedded server ignores TTL indexes.
        tokens.createIndex(
                Indexes.ascending("expiresAt"),
                new IndexOptions().name("one_time_tokens_ttl").expireAfter(1L, TimeUnit.DAYS));
    }

    @Override
    public OneTimeToken create(
            OneTimeToken.Purpose purpose, String tokenHash, String userId, Instant now, Instant expiresAt) {
        Document doc = new Document("_id", new ObjectId())
                .append("purpose", purpose.name())
                .append("tokenHash", tokenHash)
                .append("userId", userId)
                .append("createdAt", date(now))
                .append("expiresAt", date(expiresAt));
        tokens.insertOne(doc);
        return toToken(doc);
    }

    @Override
    public Optional<OneTimeToken> consume(Set<OneTimeToken.Purpose> purposes, String tokenHash, Instant now) {
        Document consumed = tokens.findOneAndUpdate(
                and(
                        eq("tokenHash", tokenHash),
                        in("purpose", purposes.stream().map(Enum::name).toList()),
                        exists("usedAt", false),
                        gt("expiresAt", date(now))),
                Updates.set("usedAt", date(now)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(consumed).map(MongoOneTimeTokenRepository::toToken);
    }

    @Override
    public long invalidateAll(String userId, Set<OneTimeToken.Purpose> purposes, Instant now) {
        return tokens.updateMany(
                        and(
                                eq("userId", userId),
                                in("purpose", purposes.stream().map(Enum::name).toList()),
                                exists("usedAt", false)),
                        Updates.set("usedAt", date(now)))
                .getModifiedCount();
    }

    private static OneTimeToken toToken(Document d) {
        return new OneTimeToken(
                d.getObjectId("_id").toHexString(),
                OneTimeToken.Purpose.valueOf(d.getString("purpose")),
                d.getString("tokenHash"),
                d.getString("userId"),
                instant(d, "createdAt"),
                instant(d, "expiresAt"),
                instant(d, "usedAt"));
    }
}
