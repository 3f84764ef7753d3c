package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.testsupport.EmbeddedMongo;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoIndexesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = mongo.freshDatabase();
    }

    @Test
    void everyIndexExistsUnderItsNameWithItsOptions() {
        Map<String, Document> users = indexes(MongoUserRepository.COLLECTION);
        Map<String, Document> sessions = indexes(MongoSessionRepository.COLLECTION);
        Map<String, Document> tokens = indexes(MongoOneTimeTokenRepository.COLLECTION);

        assertThat(users.get(MongoUserRepository.EMAIL_INDEX))
                .containsEntry("unique", true)
                .containsEntry("sparse", true);
        assertThat(users.get(MongoUserRepository.USERNAME_INDEX))
                .containsEntry("unique", true)
                .containsEntry("sparse", true);
        assertThat(users).containsKey(MongoUserRepository.CREATED_AT_INDEX);
        assertThat(sessions.get(MongoSessionRepository.TOKEN_HASH_INDEX)).containsEntry("unique", true);
        assertThat(sessions)
                .containsKeys(MongoSessionRepository.ROTATED_HASHES_INDEX, MongoSessionRepository.USER_INDEX);
        assertThat(sessions.get(MongoSessionRepository.TTL_INDEX)
                        .get("expireAfterSeconds", Number.class)
                        .longValue())
                .isEqualTo(MongoSessionRepository.KEPT_AFTER_EXPIRY.toSeconds());
        assertThat(tokens.get(MongoOneTimeTokenRepository.TOKEN_HASH_INDEX)).containsEntry("unique", true);
        assertThat(tokens).containsKey(MongoOneTimeTokenRepository.USER_PURPOSE_INDEX);
        assertThat(tokens.get(MongoOneTimeTokenRepository.TTL_INDEX)
                        .get("expireAfterSeconds", Number.class)
                        .longValue())
                .isEqualTo(MongoOneTimeTokenRepository.KEPT_AFTER_EXPIRY.toSeconds());
    }

    @Test
    void theAuditLogIsIndexedForNewestFirstAndForEachFilter() {
        Map<String, Document> audit = indexes(MongoAuditLog.COLLECTION);

        assertThat(audit.get(MongoAuditLog.AT_INDEX).get("key", Document.class))
                .isEqualTo(new Document("at", -1).append("_id", -1));
        assertThat(audit.get(MongoAuditLog.ACTOR_INDEX).get("key", Document.class))
                .isEqualTo(new Document("actorId", 1).append("at", -1).append("_id", -1));
        assertThat(audit.get(MongoAuditLog.TARGET_INDEX).get("key", Document.class))
                .isEqualTo(new Document("targetId", 1).append("at", -1).append("_id", -1));
        assertThat(audit.get(MongoAuditLog.ACTION_INDEX).get("key", Document.class))
                .isEqualTo(new Document("action", 1).append("at", -1).append("_id", -1));
    }

    @Test
    void ensuringTheIndexesAgainChangesNothing() {
        List<Document> before = allIndexes();

        MongoIndexes.ensure(database);
        new MongoUserRepository(database).createIndexes();

        assertThat(allIndexes()).isEqualTo(before);
    }

    @Test
    void aRefreshTokenHashBelongsToOneSessionOnly() {
        MongoSessionRepository sessions = new MongoSessionRepository(database);
        sessions.create("u1", "same", NOW, NOW.plusSeconds(60), null, null);

        assertThatThrownBy(() -> sessions.create("u2", "same", NOW, NOW.plusSeconds(60), null, null))
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        e -> assertThat(DuplicateKey.violatedIndex(e))
                                .contains(MongoSessionRepository.TOKEN_HASH_INDEX));
    }

    private Map<String, Document> indexes(String collection) {
        return database.getCollection(collection).listIndexes().into(new ArrayList<>()).stream()
                .collect(Collectors.toMap(index -> index.getString("name"), index -> index));
    }

    private List<Document> allIndexes() {
        List<Document> all = new ArrayList<>();
        for (String collection : List.of(
                MongoUserRepository.COLLECTION,
                MongoSessionRepository.COLLECTION,
                MongoOneTimeTokenRepository.COLLECTION,
                MongoAuditLog.COLLECTION)) {
            database.getCollection(collection).listIndexes().into(all);
        }
        return all;
    }
}
