package com.abcdashboard.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * What durable acknowledgements cost: writers through the real driver against the embedded server on
 * the H2 file backend, once with H2's own once-a-second background commit (what the service had before
 * {@link DurableH2Backend}) and once with {@link DurableH2Backend}, alternating in the same run. Each writer
 * inserts a user-sized document and then edits it (an admin create, then a profile edit).
 *
 * <p>Not a test: run by hand, e.g. {@code java -cp <test classpath> ...EmbeddedWriteCost 8 10 2} (writers,
 * seconds per round, rounds). Prints writes/s and latency percentiles of each round.
 */
public final class EmbeddedWriteCost {
    private record Round(String mode, long writes, double seconds, long[] micros, long fileBytes, String commits) {}

    public static void main(String[] args) throws Exception {
        int writers = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<Round> results = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            results.add(run("background commit (before)", file -> new H2Backend(file.toString()), writers, seconds));
            results.add(run("durable group commit", DurableH2Backend::open, writers, seconds));
        }
        System.out.printf("%d writers, %d s a round%n", writers, seconds);
        for (Round round : results) {
            long[] m = round.micros();
            Arrays.sort(m);
            System.out.printf(
                    "%-28s %8.0f writes/s  p50 %6.2f ms  p99 %6.2f ms  file %5.1f MiB  %s%n",
                    round.mode(),
                    round.writes() / round.seconds(),
                    m[m.length / 2] / 1000.0,
                    m[(int) (m.length * 0.99)] / 1000.0,
                    round.fileBytes() / 1048576.0,
                    round.commits());
        }
    }

    private static Round run(String mode, Function<Path, MongoBackend> backendOn, int writers, int seconds)
            throws Exception {
        Path dir = Files.createTempDirectory("write-cost");
        Path file = dir.resolve("embedded-mongo.mv");
        MongoBackend backend = backendOn.apply(file);
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 16);
        InetSocketAddress address = server.getLocalAddress();
        List<long[]> latencies = new ArrayList<>();
        long writes = 0;
        double elapsed;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> users = client.getDatabase("cost").getCollection("users");
            users.createIndex(
                    new Document("emailKey", 1),
                    new com.mongodb.client.model.IndexOptions().unique(true).sparse(true));
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(writers);
            long[] counts = new long[writers];
            for (int w = 0; w < writers; w++) {
                long[] micros = new long[2_000_000];
                latencies.add(micros);
                int id = w;
                Thread.ofPlatform().start(() -> {
                    int n = 0;
                    while (!stop.get() && n < micros.length - 1) {
                        ObjectId userId = new ObjectId();
                        long t0 = System.nanoTime();
                        users.insertOne(user(userId, id, n));
                        long t1 = System.nanoTime();
                        users.updateOne(
                                Filters.eq("_id", userId),
                                Updates.combine(
                                        Updates.set("bio", "edited " + n), Updates.set("updatedAt", Instant.now())));
                        long t2 = System.nanoTime();
                        micros[n++] = (t1 - t0) / 1000;
                        micros[n++] = (t2 - t1) / 1000;
                    }
                    counts[id] = n;
                    done.countDown();
                });
            }
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            done.await();
            elapsed = (System.nanoTime() - start) / 1e9;
            for (long c : counts) {
                writes += c;
            }
            long[] all = new long[(int) writes];
            int at = 0;
            for (int w = 0; w < writers; w++) {
                System.arraycopy(latencies.get(w), 0, all, at, (int) counts[w]);
                at += (int) counts[w];
            }
            String commits = backend instanceof DurableH2Backend durable
                    ? String.format("%.1f writes/commit", writes / (double) durable.commits())
                    : "";
            server.shutdownNow();
            return new Round(mode, writes, elapsed, all, Files.size(file), commits);
        }
    }

    private static Document user(ObjectId id, int writer, int n) {
        String email = "user-" + writer + "-" + n + "@cost.test";
        return new Document("_id", id)
                .append("email", email)
                .append("emailKey", email)
                .append("firstName", "Cost")
                .append("lastName", "Measured")
                .append("displayName", "Cost Measured " + n)
                .append("role", "staff")
                .append("active", true)
                .append("emailVerified", true)
                .append("passwordHash", "$2a$12$abcdefghijklmnopqrstuuN0pQ1r2S3t4U5v6W7x8Y9z0A1b2C3d4E")
                .append("firstLogin", true)
                .append("failedLoginAttempts", 0)
                .append("createdAt", Instant.now())
                .append("updatedAt", Instant.now());
    }
}
