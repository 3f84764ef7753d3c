package com.abcdashboard.persistence.backup;

import com.abcdashboard.domain.Sha256;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;

/**
 * Imports a {@link DatabaseBackup}. Everything is checked before anything is written: the manifest,
 * every file's SHA-256 and document count. A database holding any document is refused unless {@code
 * drop} is asked for, which drops every collection first. Each collection gets its indexes back before
 * its documents are inserted (so a unique index would reject a duplicate instead of failing later), in
 * ordered batches.
 */
public final class DatabaseRestore {
    static final int BATCH_SIZE = 1000;

    /** What was restored: collection name → documents inserted. */
    public record Result(BackupManifest manifest, long documents) {}

    private DatabaseRestore() {}

    public static Result restore(MongoDatabase database, Path dir, boolean drop) {
        BackupManifest manifest = BackupManifest.read(dir);
        verify(manifest, dir);
        List<String> existing = DatabaseBackup.collectionNames(database);
        boolean empty = existing.stream()
                .noneMatch(name -> database.getCollection(name).find().first() != null);
        if (!empty && !drop) {
            throw new BackupException("Database " + database.getName()
                    + " is not empty; restore into an empty database or pass --drop to replace its content");
        }
        if (drop) {
            existing.forEach(name -> database.getCollection(name).drop());
        }
        long total = 0;
        for (BackupManifest.Entry entry : manifest.collections()) {
            createIndexes(database, entry);
            total += insert(database.getCollection(entry.name(), BsonDocument.class), dir.resolve(entry.file()));
        }
        return new Result(manifest, total);
    }

    /** Every file is there, unchanged (SHA-256) and complete (one line per document). */
    static void verify(BackupManifest manifest, Path dir) {
        for (BackupManifest.Entry entry : manifest.collections()) {
            Path file = dir.resolve(entry.file());
            if (!file.normalize().startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                throw new BackupException("Backup file " + entry.file() + " is missing");
            }
            try {
                String actual = Sha256.hex(file);
                if (!actual.equals(entry.sha256())) {
                    throw new BackupException("Checksum mismatch for " + entry.file() + ": the manifest says "
                            + entry.sha256() + ", the file is " + actual + "; the backup is damaged or was edited");
                }
                long lines;
                try (var stream = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines = stream.count();
                }
                if (lines != entry.documents()) {
                    throw new BackupException(
                            entry.file() + " holds " + lines + " documents, the manifest " + entry.documents());
                }
            } catch (IOException e) {
                throw new BackupException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static void createIndexes(MongoDatabase database, BackupManifest.Entry entry) {
        if (!DatabaseBackup.collectionNames(database).contains(entry.name())) {
            // Explicitly, so that an empty collection comes back too.
            database.createCollection(entry.name());
        }
        List<Document> specs = new ArrayList<>();
        for (Document index : entry.indexes()) {
            if ("_id_".equals(index.getString("name"))) {
                continue;
            }
            Document spec = new Document(index);
            // Server-assigned fields: the server sets them again.
            spec.remove("v");
            spec.remove("ns");
            specs.add(spec);
        }
        if (!specs.isEmpty()) {
            database.runCommand(new Document("createIndexes", entry.name()).append("indexes", specs));
        }
    }

    private static long insert(MongoCollection<BsonDocument> collection, Path file) {
        long count = 0;
        List<BsonDocument> batch = new ArrayList<>(BATCH_SIZE);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                batch.add(BsonDocument.parse(line));
                if (batch.size() == BATCH_SIZE) {
                    collection.insertMany(batch);
                    count += batch.size();
                    batch.clear();
                }
            }
        } catch (IOException e) {
            throw new BackupException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
            count += batch.size();
        }
        return count;
    }
}
