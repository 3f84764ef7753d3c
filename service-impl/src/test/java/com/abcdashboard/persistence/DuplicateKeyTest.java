package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/** The message format is MongoDB 7's; the embedded server writes the same (see the repository tests). */
class DuplicateKeyTest {
    private static final String MESSAGE =
            "E11000 duplicate key error collection: abc.users index: users_email_key_unique"
                    + " dup key: { emailKey: \"users_username_key_unique@example.com\" }";

    @Test
    void readsTheIndexNameFromAnInsertError() {
        MongoWriteException e = new MongoWriteException(
                new WriteError(11000, MESSAGE, new BsonDocument()), new ServerAddress(), Set.of());

        assertThat(DuplicateKey.violatedIndex(e)).contains("users_email_key_unique");
    }

    @Test
    void readsTheIndexNameFromAFindAndModifyError() {
        MongoCommandException e = new MongoCommandException(
                new BsonDocument("ok", new BsonInt32(0))
                        .append("code", new BsonInt32(11000))
                        .append("errmsg", new BsonString(MESSAGE)),
                new ServerAddress());

        assertThat(DuplicateKey.violatedIndex(e)).contains("users_email_key_unique");
    }

    @Test
    void anotherWriteErrorIsNoDuplicateKey() {
        MongoWriteException e = new MongoWriteException(
                new WriteError(121, "Document failed validation", new BsonDocument()), new ServerAddress(), Set.of());

        assertThat(DuplicateKey.violatedIndex(e)).isEmpty();
    }
}
