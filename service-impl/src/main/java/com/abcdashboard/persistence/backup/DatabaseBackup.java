package com.abcdashboard.persistence.backup;

import com.abcdashboard.domain.Sha256;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Exports every collection of a database through the driver: {@code <collection>.jsonl} with one
 * document per line in canonical Extended JSON (every BSON type kept: ObjectId, Date, Int32 vs Int64,
 * Decimal128, binary subtypes), plus {@link BackupManifest}. Documents are read as {@link BsonDocument},
 * never through a Java type, so nothing is converted on the way.
 *
 * <p>Not a point-in-time snapshot on a live database: for production use {@code mongodump --oplog}
 * (docs/operations.md); this serves the embedded store and small installations.
 */
public final class DatabaseBackup {
    /** Canonical Extended JSON v2: reads back to exactly the same BSON. */
    static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private DatabaseBackup() {}

    public static BackupManifest export(MongoDatabase database, Path dir, String toolVersion, Clock clock) {
        try {
            prepare(dir);
            List<String> names = collectionNames(database);
            List<BackupManifest.Entry> entries = new ArrayList<>();
            for (String name : names) {
                entries.add(exportCollection(database.getCollection(name), dir));
            }
            BackupManifest manifest = new BackupManifest(
                    BackupManifest.FORMAT, toolVersion, clock.instant(), database.getName(), entries);
            manifest.write(dir);
            return manifest;
        } catch (IOException e) {
            throw new BackupException("Writing the backup to " + dir + " failed: " + e.getMessage(), e);
        }
    }

    /** Every collection but MongoDB's own {@code system.*}, sorted. */
    static List<String> collectionNames(MongoDatabase database) {
        List<String> names = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            if (!name.startsWith("system.")) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    private static void prepare(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> content = Files.list(dir)) {
                if (content.findAny().isPresent()) {
                    throw new BackupException(dir + " is not empty; back up into a new directory");
                }
            }
        }
        Files.createDirectories(dir);
    }

    private static BackupManifest.Entry exportCollection(MongoCollection<Document> collection, Path dir)
            throws IOException {
        String name = collection.getNamespace().getCollectionName();
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new BackupException("Collection name '" + name + "' cannot be a file name");
        }
        String file = name + ".jsonl";
        long count = 0;
        try (BufferedWriter out = new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(dir.resolve(file)), StandardCharsets.UTF_8));
                MongoCursor<BsonDocument> documents = collection
                        .withDocumentClass(BsonDocument.class)
                        .find()
                        .sort(Sorts.ascending("_id"))
                        .iterator()) {
            while (documents.hasNext()) {
                out.write(documents.next().toJson(CANONICAL));
                out.write('\n');
                count++;
            }
        }
        List<Document> indexes = collection.listIndexes().into(new ArrayList<>());
        return new BackupManifest.Entry(name, file, count, Sha256.hex(dir.resolve(file)), indexes);
    }
}
