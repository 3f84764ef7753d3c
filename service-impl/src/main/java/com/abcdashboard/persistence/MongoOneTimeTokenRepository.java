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
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Single-use emailed tokens in {@code one_time_tokens}; consumed by one compare-and-set. */
public final class MongoOneTimeTokenRepository implements OneTimeTokenRepository {
    static final String COLLECTION = "one_time_tokens";
    static final String TOKEN_HASH_INDEX = "one_time_tokens_hash_unique";
    static final String USER_PURPOSE_INDEX = "one_time_tokens_user";
    static final String TTL_INDEX = "one_time_tokens_ttl";
    /**
     * MongoDB's TTL monitor deletes a token this long after it expired. Correctness never depends on
     * it ({@link #consume} checks {@code expiresAt} itself, and the embedded server ignores TTL).
     */
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    static final List<IndexModel> INDEXES = List.of(
            new IndexModel(
                    Indexes.ascending("tokenHash"),
                    new IndexOptions().name(TOKEN_HASH_INDEX).unique(true)),
            new IndexModel(Indexes.ascending("userId", "purpose"), new IndexOptions().name(USER_PURPOSE_INDEX)),
            new IndexModel(
                    Indexes.ascending("expiresAt"),
                    new IndexOptions().name(TTL_INDEX).expireAfter(KEPT_AFTER_EXPIRY.toSeconds(), TimeUnit.SECONDS)));

    private final MongoCollection<Document> tokens;

    public MongoOneTimeTokenRepository(MongoDatabase database) {
        this.tokens = database.getCollection(COLLECTION);
    }

    /** Creates this collection's indexes; {@link MongoIndexes#ensure} does it for every collection. */
    public void createIndexes() {
        MongoIndexes.ensure(tokens, INDEXES);
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
    public Optional<OneTimeToken> findUsable(Set<OneTimeToken.Purpose> purposes, String tokenHash, Instant now) {
        return Optional.ofNullable(tokens.find(and(
                                eq("tokenHash", tokenHash),
                                in("purpose", purposes.stream().map(Enum::name).toList()),
                                exists("usedAt", false),
                                gt("expiresAt", date(now))))
                        .first())
                .map(MongoOneTimeTokenRepository::toToken);
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
