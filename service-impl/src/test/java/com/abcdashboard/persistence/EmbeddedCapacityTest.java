package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.testsupport.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedCapacityTest {
    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    @Test
    void warnsOnlyOnceTheUsersOutnumberTheComfortableSize() {
        MongoDatabase database = mongo.freshDatabase();
        database.getCollection(MongoUserRepository.COLLECTION)
                .insertMany(List.of(new Document("email", "a@x.test"), new Document("email", "b@x.test")));

        assertThat(EmbeddedCapacity.warnIfOutgrown(database, 2)).isFalse();

        database.getCollection(MongoUserRepository.COLLECTION).insertOne(new Document("email", "c@x.test"));

        assertThat(EmbeddedCapacity.warnIfOutgrown(database, 2)).isTrue();
    }
}
