package com.abcdashboard.persistence;

import com.abcdashboard.domain.Sha256;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Creates every index of the account and auth collections. Idempotent: creating an index that exists
 * with the same keys and options is a no-op, so it runs on every start-up (and from several instances
 * at once). Every index is named, so a duplicate-key error can be mapped to the field it protects.
 */
public final class MongoIndexes {
    /** MongoDB's IndexOptionsConflict and IndexKeySpecsConflict: same name, different definition. */
    private static final List<Integer> CONFLICT_CODES = List.of(85, 86);

    private MongoIndexes() {}

    public static void ensure(MongoDatabase database) {
        definitions().forEach((collection, indexes) -> ensure(database.getCollection(collection), indexes));
    }

    /**
     * Every index definition, per collection name, in a fixed order. The migrations create them in a
     * repeatable step keyed by {@link #checksum()}, so adding or changing one here re-runs that step.
     */
    public static Map<String, List<IndexModel>> definitions() {
        Map<String, List<IndexModel>> all = new LinkedHashMap<>();
        all.put(MongoUserRepository.COLLECTION, MongoUserRepository.INDEXES);
        all.put(MongoSessionRepository.COLLECTION, MongoSessionRepository.INDEXES);
        all.put(MongoOneTimeTokenRepository.COLLECTION, MongoOneTimeTokenRepository.INDEXES);
        all.put(MongoAuditLog.COLLECTION, MongoAuditLog.INDEXES);
        all.put(MongoApiKeyRepository.COLLECTION, MongoApiKeyRepository.INDEXES);
        return all;
    }

    /** SHA-256 over every definition (collection, keys, options): changes when any index does. */
    public static String checksum() {
        StringBuilder text = new StringBuilder();
        definitions()
                .forEach((collection, indexes) -> indexes.forEach(index -> text.append(collection)
                        .append(' ')
                        .append(index.getKeys().toBsonDocument().toJson())
                        .append(' ')
                        .append(index.getOptions())
                        .append('\n')));
        return Sha256.hex(text.toString());
    }

    static void ensure(MongoCollection<Document> collection, List<IndexModel> indexes) {
        try {
            collection.createIndexes(indexes);
        } catch (MongoCommandException e) {
            if (CONFLICT_CODES.contains(e.getErrorCode())) {
                // A changed definition under an existing name needs a migration that drops the old index.
                throw new IllegalStateException(
                        "An index of " + collection.getNamespace() + " exists with another definition: "
                                + e.getErrorMessage(),
                        e);
            }
            throw e;
        }
    }
}
