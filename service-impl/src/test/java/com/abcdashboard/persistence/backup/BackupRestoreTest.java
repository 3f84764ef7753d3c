package com.abcdashboard.persistence.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.persistence.MongoIndexes;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    @TempDir
    Path tmp;

    private MongoDatabase database;
    private Path backup;

    @BeforeEach
    void populatedDatabase() {
        database = mongo.emptyDatabase();
        MongoIndexes.ensure(database);
        backup = tmp.resolve("backup");
        BsonDocument user = new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                .append("emailKey", new BsonString("jane@example.com"))
                .append("createdAt", new BsonDateTime(1_764_064_800_123L))
                .append("failedLoginAttempts", new BsonInt32(3))
                .append("bigCounter", new BsonInt64(3))
                .append("ratio", new BsonDouble(3.0))
                .append("price", new BsonDecimal128(new Decimal128(new BigDecimal("12.30"))))
                .append("active", BsonBoolean.TRUE)
                .append("nothing", BsonNull.VALUE)
                .append(
                        "uuid",
                        new BsonBinary(
                                UUID.fromString("3b241101-e2bb-4255-8caf-4136c566a962"), UuidRepresentation.STANDARD))
                .append(
                        "profile",
                        new BsonDocument("address", new BsonDocument("city", new BsonString("Zürich")))
                                .append("tags", new BsonArray(List.of(new BsonString("a"), new BsonInt64(1L)))));
        database.getCollection("users", BsonDocument.class).insertOne(user);
        List<BsonDocument> many = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            many.add(new BsonDocument("_id", new BsonInt32(i)).append("n", new BsonInt64(i)));
        }
        database.getCollection("events", BsonDocument.class).insertMany(many);
        database.getCollection("events")
                .createIndex(new Document("n", -1), new com.mongodb.client.model.IndexOptions().name("events_n_desc"));
        database.createCollection("empty_one");
    }

    /** Every document of every collection, in canonical Extended JSON, by collection. */
    private Map<String, List<String>> content() {
        Map<String, List<String>> all = new TreeMap<>();
        for (String name : DatabaseBackup.collectionNames(database)) {
            all.put(
                    name,
                    database.getCollection(name, BsonDocument.class)
                            .find()
                            .sort(new Document("_id", 1))
                            .map(d -> d.toJson(DatabaseBackup.CANONICAL))
                            .into(new ArrayList<>()));
        }
        return all;
    }

    private List<String> indexNames(String collection) {
        return database.getCollection(collection)
                .listIndexes()
                .map(i -> i.getString("name"))
                .into(new ArrayList<>());
    }

    private void wipe() {
        DatabaseBackup.collectionNames(database)
                .forEach(name -> database.getCollection(name).drop());
    }

    @Test
    void backupWipeRestoreGivesBackEveryDocumentByteForByteAndEveryIndex() {
        Map<String, List<String>> before = content();
        List<String> userIndexes = indexNames("users");
        List<String> eventIndexes = indexNames("events");

        BackupManifest manifest = DatabaseBackup.export(database, backup, "1.2.3", CLOCK);
        wipe();
        DatabaseRestore.Result restored = DatabaseRestore.restore(database, backup, false);

        assertThat(content()).isEqualTo(before);
        assertThat(indexNames("users"))
                .containsExactlyInAnyOrderElementsOf(userIndexes)
                .contains("users_email_key_unique");
        assertThat(indexNames("events"))
                .containsExactlyInAnyOrderElementsOf(eventIndexes)
                .contains("events_n_desc");
        assertThat(restored.documents()).isEqualTo(2_501);
        assertThat(manifest.collections())
                .extracting(BackupManifest.Entry::name)
                .contains("users", "events", "empty_one");
        assertThat(manifest.toolVersion()).isEqualTo("1.2.3");
    }

    @Test
    void theManifestKeepsEveryIndexSpecificationWithItsExactBsonTypes() {
        database.getCollection("events")
                .createIndex(
                        new Document("at", 1),
                        new com.mongodb.client.model.IndexOptions()
                                .name("events_at_ttl")
                                .expireAfter(3_600L, java.util.concurrent.TimeUnit.SECONDS));
        List<Document> listed = database.getCollection("events").listIndexes().into(new ArrayList<>());

        DatabaseBackup.export(database, backup, "1.2.3", CLOCK);

        assertThat(BackupManifest.read(backup).collections())
                .filteredOn(e -> e.name().equals("events"))
                .singleElement()
                .satisfies(e -> assertThat(e.indexes()).isEqualTo(listed));
    }

    @Test
    void aManifestInRelaxedExtendedJsonAsEarlierVersionsWroteItStillRestores() throws IOException {
        Map<String, List<String>> before = content();
        DatabaseBackup.export(database, backup, "1.2.3", CLOCK);
        Path manifest = backup.resolve(BackupManifest.FILE);
        Files.writeString(
                manifest,
                Document.parse(Files.readString(manifest))
                        .toJson(org.bson.json.JsonWriterSettings.builder()
                                .outputMode(org.bson.json.JsonMode.RELAXED)
                                .indent(true)
                                .build()));
        wipe();

        DatabaseRestore.restore(database, backup, false);

        assertThat(content()).isEqualTo(before);
    }

    @Test
    void theFilesHoldOneCanonicalDocumentPerLineAndTheManifestDescribesThem() throws IOException {
        DatabaseBackup.export(database, backup, "1.2.3", CLOCK);

        List<String> lines = Files.readAllLines(backup.resolve("users.jsonl"), StandardCharsets.UTF_8);
        BackupManifest manifest = BackupManifest.read(backup);

        assertThat(lines)
                .singleElement()
                .asString()
                .contains("\"$oid\"", "\"$date\": {\"$numberLong\"", "\"$numberInt\": \"3\"", "\"$numberLong\": \"3\"");
        assertThat(manifest.createdAt()).isEqualTo(CLOCK.instant());
        assertThat(manifest.database()).isEqualTo(database.getName());
        assertThat(manifest.collections())
                .filteredOn(e -> e.name().equals("events"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.documents()).isEqualTo(2_500);
                    assertThat(e.sha256()).hasSize(64);
                    assertThat(e.file()).isEqualTo("events.jsonl");
                });
    }

    @Test
    void restoreRefusesADatabaseThatHoldsDataUnlessAskedToDropIt() {
        DatabaseBackup.export(database, backup, "1.2.3", CLOCK);
        Map<String, List<String>> before = content();
        database.getCollection("users").insertOne(new Document("extra", true));

        assertThatThrownBy(() -> DatabaseRestore.restore(database, backup, false))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("not empty")
                .hasMessageContaining("--drop");
        assertThat(database.getCollection("users").countDocuments()).isEqualTo(2);

        DatabaseRestore.restore(database, backup, true);
        assertThat(content()).isEqualTo(before);
    }

    @Test
    void aTamperedFileIsDetectedBeforeAnythingIsWritten() throws IOException {
        DatabaseBackup.export(database, backup, "1.2.3", CLOCK);
        Path users = backup.resolve("users.jsonl");
        Files.writeString(users, Files.readString(users).replace("jane@", "mallory@"));
        wipe();

        assertThatThrownBy(() -> DatabaseRestore.restore(database, backup, false))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("Checksum mismatch for users.jsonl");
        assertThat(DatabaseBackup.collectionNames(database)).isEmpty();
    }

    @Test
    void aBackupNeverWritesIntoADirectoryThatHoldsSomething() throws IOException {
        Files.createDirectories(backup);
        Files.writeString(backup.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> DatabaseBackup.export(database, backup, "1.2.3", CLOCK))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("not empty");
        assertThat(Files.readString(backup.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void aDirectoryWithoutManifestIsNotABackup() {
        assertThatThrownBy(() -> DatabaseRestore.restore(database, tmp, true))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("manifest.json");
    }
}
