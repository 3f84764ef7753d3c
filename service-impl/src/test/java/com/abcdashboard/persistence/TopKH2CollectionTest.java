package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of a sorted query on the embedded store's H2 collections (kept best-k while scanning) is the page
 * the library's own full sort gives: the same documents, in the same order, for every sort, skip, limit,
 * filter and projection, and a query on a unique key and more finds what a scan finds — checked against mongo-java-server's memory backend holding the same documents,
 * including values the direct comparison leaves to the library (missing, null, mixed types, nested paths).
 */
class TopKH2CollectionTest {
    @TempDir
    Path dir;

    private DurableH2Backend h2Backend;
    private MongoServer h2Server;
    private MongoServer referenceServer;
    private MongoClient h2Client;
    private MongoClient referenceClient;
    private MongoCollection<Document> h2;
    private MongoCollection<Document> reference;

    @BeforeEach
    void startBoth() {
        h2Backend = DurableH2Backend.open(dir.resolve("embedded-mongo.mv"));
        h2Server = start(h2Backend);
        referenceServer = start(new MemoryBackend());
        h2Client = MongoClients.create(
                "mongodb://127.0.0.1:" + h2Server.getLocalAddress().getPort());
        referenceClient = MongoClients.create(
                "mongodb://127.0.0.1:" + referenceServer.getLocalAddress().getPort());
        h2 = h2Client.getDatabase("db").getCollection("users");
        reference = referenceClient.getDatabase("db").getCollection("users");
        List<Document> documents = documents(new Random(18));
        h2.insertMany(copies(documents));
        reference.insertMany(copies(documents));
    }

    @AfterEach
    void stopBoth() {
        h2Client.close();
        referenceClient.close();
        h2Server.shutdownNow();
        referenceServer.shutdownNow();
    }

    @Test
    void everyPageIsTheLibrarysPage() {
        List<Bson> orders = List.of(
                Sorts.descending("createdAt", "_id"),
                Sorts.ascending("createdAt", "_id"),
                Sorts.ascending("email", "_id"),
                Sorts.descending("role", "createdAt", "_id"),
                Sorts.ascending("lastLoginAt", "_id"),
                Sorts.descending("mixed", "_id"),
                Sorts.ascending("profile.rank", "_id"));
        List<Bson> filters = List.of(
                Filters.exists("deletedAt", false),
                Filters.eq("role", "manager"),
                Filters.regex("email", "user1", "i"),
                Filters.eq("role", "nobody"));
        int pages = 0;
        for (Bson order : orders) {
            for (Bson filter : filters) {
                for (int[] window : new int[][] {{0, 20}, {20, 20}, {0, 1}, {195, 20}, {1000, 5}}) {
                    Function<MongoCollection<Document>, List<Document>> page = collection -> collection
                            .find(filter)
                            .sort(order)
                            .skip(window[0])
                            .limit(window[1])
                            .into(new ArrayList<>());
                    assertThat(page.apply(h2))
                            .as("%s %s skip %d limit %d", filter, order, window[0], window[1])
                            .isEqualTo(page.apply(reference));
                    pages++;
                }
            }
        }
        assertThat(pages).isEqualTo(7 * 4 * 5);
    }

    @Test
    void aProjectedPageHoldsOnlyTheAskedFields() {
        Function<MongoCollection<Document>, List<Document>> page = collection -> collection
                .find(Filters.exists("deletedAt", false))
                .projection(Projections.include("email"))
                .sort(Sorts.descending("createdAt", "_id"))
                .skip(3)
                .limit(10)
                .into(new ArrayList<>());
        List<Document> found = page.apply(h2);
        assertThat(found).hasSize(10).isEqualTo(page.apply(reference));
        assertThat(found).allSatisfy(document -> assertThat(document.keySet()).containsOnly("_id", "email"));
    }

    @Test
    void withoutALimitEveryMatchComesInOrder() {
        Function<MongoCollection<Document>, List<Document>> all = collection -> collection
                .find(Filters.eq("role", "staff"))
                .sort(Sorts.ascending("createdAt", "_id"))
                .into(new ArrayList<>());
        assertThat(all.apply(h2)).hasSizeGreaterThan(100).isEqualTo(all.apply(reference));
    }

    @Test
    void aQueryOnAUniqueKeyAndMoreFindsWhatTheLibraryFindsThroughTheIndex() {
        List<Document> all = reference.find().into(new ArrayList<>());
        long lookupsBefore = usersCollection().indexLookups();
        int checked = 0;
        for (Document user : all.subList(0, 40)) {
            Object id = user.get("_id");
            List<Bson> filters = List.of(
                    // What the driver sends for Filters.and: {$and: [{_id: ..}, {role: ..}]}.
                    Filters.and(Filters.eq("_id", id), Filters.eq("role", user.get("role"))),
                    Filters.and(Filters.eq("_id", id), Filters.ne("role", user.get("role"))),
                    Filters.and(Filters.eq("_id", id), Filters.exists("deletedAt", false)),
                    Filters.and(
                            Filters.in("_id", id, all.get(0).get("_id")),
                            Filters.eq("createdAt", user.get("createdAt"))),
                    // The service's update "unless changed meanwhile": id, not deleted, role and state.
                    Filters.and(
                            Filters.eq("_id", id),
                            Filters.eq("deletedAt", null),
                            Filters.eq("role", user.get("role")),
                            Filters.eq("email", user.get("email"))),
                    // Nested and flat conditions together.
                    Filters.and(
                            Filters.and(Filters.eq("role", user.get("role")), Filters.eq("_id", id)),
                            new Document("createdAt", user.get("createdAt"))),
                    new Document("_id", id).append("role", user.get("role")));
            for (Bson filter : filters) {
                assertThat(h2.find(filter).into(new ArrayList<>()))
                        .as("%s", filter)
                        .isEqualTo(reference.find(filter).into(new ArrayList<>()));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(280);
        assertThat(usersCollection().indexLookups() - lookupsBefore)
                .as("queries answered from the _id index instead of a scan")
                .isEqualTo(checked);
    }

    @Test
    void queriesWithoutAUniqueKeyStillScan() {
        long lookupsBefore = usersCollection().indexLookups();
        Bson noKey = Filters.and(Filters.eq("role", "staff"), Filters.exists("deletedAt", false));
        Bson eitherKey = Filters.or(Filters.eq("_id", new ObjectId()), Filters.eq("role", "staff"));

        assertThat(h2.find(noKey).into(new ArrayList<>()))
                .isEqualTo(reference.find(noKey).into(new ArrayList<>()));
        assertThat(h2.find(eitherKey).into(new ArrayList<>()))
                .hasSizeGreaterThan(10)
                .isEqualTo(reference.find(eitherKey).into(new ArrayList<>()));
        assertThat(usersCollection().indexLookups()).isEqualTo(lookupsBefore);
    }

    private TopKH2Collection usersCollection() {
        return (TopKH2Collection) h2Backend.resolveDatabase("db").resolveCollection("users", false);
    }

    @Test
    void anUpdateUnlessChangedMeanwhileChangesOnlyAnUnchangedDocument() {
        Document user = reference.find().first();
        Bson unchanged =
                Filters.and(Filters.eq("_id", user.get("_id")), Filters.eq("createdAt", user.get("createdAt")));
        Bson changed = Filters.and(Filters.eq("_id", user.get("_id")), Filters.eq("createdAt", new java.util.Date(0)));

        assertThat(h2.updateOne(changed, com.mongodb.client.model.Updates.set("bio", "lost"))
                        .getMatchedCount())
                .isZero();
        assertThat(h2.updateOne(unchanged, com.mongodb.client.model.Updates.set("bio", "kept"))
                        .getModifiedCount())
                .isOne();
        assertThat(h2.find(Filters.eq("_id", user.get("_id"))).first().getString("bio"))
                .isEqualTo("kept");
        assertThat(h2.deleteOne(changed).getDeletedCount()).isZero();
        long lookupsBefore = usersCollection().indexLookups();
        assertThat(h2.deleteOne(unchanged).getDeletedCount()).isOne();
        assertThat(usersCollection().indexLookups()).isEqualTo(lookupsBefore + 1);
        assertThat(h2.countDocuments()).isEqualTo(reference.countDocuments() - 1);
    }

    private static MongoServer start(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return server;
    }

    /** User-like documents with ties, gaps and values of several types in the sorted fields. */
    private static List<Document> documents(Random random) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            Document user = new Document("_id", new ObjectId())
                    .append("email", "user" + random.nextInt(500) + "@example.com")
                    .append(
                            "role",
                            List.of("admin", "manager", "staff", "staff").get(random.nextInt(4)))
                    // Ties: many users share a creation time, so _id decides.
                    .append("createdAt", new Date(1_700_000_000_000L + random.nextInt(60) * 1000L));
            switch (random.nextInt(4)) {
                case 0 -> user.append("lastLoginAt", new Date(1_700_000_000_000L + random.nextInt(1000) * 1000L));
                case 1 -> user.append("lastLoginAt", null);
                default -> {} // missing
            }
            switch (random.nextInt(5)) {
                case 0 -> user.append("mixed", "text " + random.nextInt(10));
                case 1 -> user.append("mixed", random.nextInt(10));
                case 2 -> user.append("mixed", new Date(1_700_000_000_000L + random.nextInt(10)));
                case 3 -> user.append("mixed", random.nextBoolean());
                default -> {}
            }
            if (random.nextInt(3) > 0) {
                user.append("profile", new Document("rank", random.nextInt(20)));
            }
            if (random.nextInt(10) == 0) {
                user.append("deletedAt", new Date(1_700_000_100_000L));
            }
            documents.add(user);
        }
        return documents;
    }

    private static List<Document> copies(List<Document> documents) {
        List<Document> copies = new ArrayList<>();
        for (Document document : documents) {
            copies.add(Document.parse(document.toJson()));
        }
        return copies;
    }
}
