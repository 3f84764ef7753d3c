package com.abcdashboard.persistence;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import java.util.List;
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
        ensure(database.getCollection(MongoUserRepository.COLLECTION), MongoUserRepository.INDEXES);
        ensure(database.getCollection(MongoSessionRepository.COLLECTION), MongoSessionRepository.INDEXES);
        ensure(database.getCollection(MongoOneTimeTokenRepository.COLLECTION), MongoOneTimeTokenRepository.INDEXES);
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
