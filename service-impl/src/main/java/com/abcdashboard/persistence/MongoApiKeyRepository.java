package com.abcdashboard.persistence;

import static com.abcdashboard.persistence.Documents.date;
import static com.abcdashboard.persistence.Documents.instant;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.apikey.ApiKey;
import com.abcdashboard.domain.apikey.ApiKeyRepository;
import com.abcdashboard.domain.apikey.ApiKeyScope;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * API keys in the {@code api_keys} collection: one document per key with the SHA-256 digest of the key
 * (never the key), found by its unique public prefix.
 */
public final class MongoApiKeyRepository implements ApiKeyRepository {
    static final String COLLECTION = "api_keys";
    static final String PREFIX_INDEX = "api_keys_prefix_unique";
    static final String CREATOR_INDEX = "api_keys_creator_created";
    static final String CREATED_INDEX = "api_keys_created";

    static final List<IndexModel> INDEXES = List.of(
            new IndexModel(
                    Indexes.ascending("prefix"),
                    new IndexOptions().name(PREFIX_INDEX).unique(true)),
            new IndexModel(
                    Indexes.compoundIndex(Indexes.ascending("createdBy"), Indexes.descending("createdAt", "_id")),
                    new IndexOptions().name(CREATOR_INDEX)),
            new IndexModel(Indexes.descending("createdAt", "_id"), new IndexOptions().name(CREATED_INDEX)));

    private final MongoCollection<Document> keys;

    public MongoApiKeyRepository(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
    }

    @Override
    public ApiKey insert(ApiKey key) {
        Document doc = new Document("_id", new ObjectId())
                .append("name", key.name())
                .append(
                        "scopes",
                        key.scopes().stream().map(ApiKeyScope::id).sorted().toList())
                .append("prefix", key.prefix())
                .append("digest", key.digest())
                .append("createdBy", key.createdBy())
                .append("createdAt", date(key.createdAt()));
        if (key.expiresAt() != null) {
            doc.append("expiresAt", date(key.expiresAt()));
        }
        try {
            keys.insertOne(doc);
        } catch (MongoException e) {
            if (DuplicateKey.violatedIndex(e).filter(PREFIX_INDEX::equals).isPresent()) {
                throw new DuplicatePrefixException();
            }
            throw e;
        }
        return toKey(doc);
    }

    @Override
    public Optional<ApiKey> findById(String id) {
        return Documents.objectId(id)
                .map(oid -> keys.find(eq("_id", oid)).first())
                .map(MongoApiKeyRepository::toKey);
    }

    @Override
    public Optional<ApiKey> findByPrefix(String prefix) {
        return Optional.ofNullable(keys.find(eq("prefix", prefix)).first()).map(MongoApiKeyRepository::toKey);
    }

    @Override
    public Page<ApiKey> find(String createdBy, PageRequest page) {
        Bson filter = createdBy == null ? new Document() : eq("createdBy", createdBy);
        long total = keys.countDocuments(filter);
        List<ApiKey> items = new ArrayList<>();
        if (page.offset() < total) {
            keys.find(filter)
                    .sort(Sorts.descending("createdAt", "_id"))
                    .skip((int) page.offset())
                    .limit(page.limit())
                    .forEach(d -> items.add(toKey(d)));
        }
        return new Page<>(items, total, page);
    }

    @Override
    public boolean revoke(String id, Instant at, String by) {
        return Documents.objectId(id)
                .map(oid -> keys.updateOne(
                                        and(eq("_id", oid), exists("revokedAt", false)),
                                        Updates.combine(
                                                Updates.set("revokedAt", date(at)), Updates.set("revokedBy", by)))
                                .getModifiedCount()
                        > 0)
                .orElse(false);
    }

    @Override
    public void touch(String id, Instant at, Instant notBefore) {
        Documents.objectId(id)
                .ifPresent(oid -> keys.updateOne(
                        and(eq("_id", oid), or(exists("lastUsedAt", false), lt("lastUsedAt", date(notBefore)))),
                        Updates.set("lastUsedAt", date(at))));
    }

    private static ApiKey toKey(Document d) {
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        // A scope a newer version stored and this one does not know grants nothing here.
        d.getList("scopes", String.class, List.of())
                .forEach(s -> ApiKeyScope.parse(s).ifPresent(scopes::add));
        return new ApiKey(
                d.getObjectId("_id").toHexString(),
                d.getString("name"),
                scopes,
                d.getString("prefix"),
                d.getString("digest"),
                d.getString("createdBy"),
                instant(d, "createdAt"),
                instant(d, "expiresAt"),
                instant(d, "lastUsedAt"),
                instant(d, "revokedAt"),
                d.getString("revokedBy"));
    }
}
