package com.abcdashboard.persistence.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * {@code manifest.json} of a backup: what was exported, by which version, when, and how to check it.
 *
 * @param indexes each index as {@code listIndexes} described it (the {@code _id_} index included)
 */
public record BackupManifest(
        String format, String toolVersion, Instant createdAt, String database, List<Entry> collections) {
    public static final String FILE = "manifest.json";
    public static final String FORMAT = "abc-dashboard-backup/1";

    /**
     * Canonical Extended JSON, as the data files: the index specifications come back with their exact
     * types (an Int64 option stays Int64). Manifests of earlier versions are Relaxed Extended JSON; the
     * parser reads both, so they still restore.
     */
    private static final JsonWriterSettings MANIFEST_JSON = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED)
            .indent(true)
            .build();

    /** One collection: its file ({@code <name>.jsonl}), how many documents, and the file's SHA-256. */
    public record Entry(String name, String file, long documents, String sha256, List<Document> indexes) {}

    void write(Path dir) throws IOException {
        List<Document> entries = new ArrayList<>();
        for (Entry e : collections) {
            entries.add(new Document("name", e.name())
                    .append("file", e.file())
                    .append("documents", e.documents())
                    .append("sha256", e.sha256())
                    .append("indexes", e.indexes()));
        }
        Document manifest = new Document("format", format)
                .append("toolVersion", toolVersion)
                .append("createdAt", createdAt.toString())
                .append("database", database)
                .append("collections", entries);
        String json = manifest.toJson(MANIFEST_JSON);
        Files.writeString(dir.resolve(FILE), json + "\n", StandardCharsets.UTF_8);
    }

    static BackupManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BackupException("No " + FILE + " in " + dir + ": not a backup directory");
        }
        try {
            Document manifest = Document.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!FORMAT.equals(manifest.getString("format"))) {
                throw new BackupException(
                        FILE + " has format " + manifest.getString("format") + ", expected " + FORMAT);
            }
            List<Entry> entries = new ArrayList<>();
            for (Document e : manifest.getList("collections", Document.class)) {
                entries.add(new Entry(
                        e.getString("name"),
                        e.getString("file"),
                        ((Number) e.get("documents")).longValue(),
                        e.getString("sha256"),
                        e.getList("indexes", Document.class)));
            }
            return new BackupManifest(
                    manifest.getString("format"),
                    manifest.getString("toolVersion"),
                    Instant.parse(manifest.getString("createdAt")),
                    manifest.getString("database"),
                    entries);
        } catch (IOException e) {
            throw new BackupException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof BackupException) {
                throw e;
            }
            throw new BackupException(FILE + " is malformed: " + e.getMessage(), e);
        }
    }
}
