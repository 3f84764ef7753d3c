package com.abcdashboard.persistence;

import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.UserQuery;
import com.abcdashboard.domain.user.UserSort;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * What reading a growing users collection costs on the embedded server: the list, search, role filter
 * and stats queries of the repository at 1,000, 10,000 and 100,000 users, through the real driver.
 *
 * <p>Not a test: run by hand, e.g. {@code java -cp <test classpath> ...EmbeddedReadCost durable|library|memory 1000,10000,100000 [one-by-one]}.
 */
public final class EmbeddedReadCost {
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "durable";
        boolean oneByOne = args.length > 2 && args[2].equals("one-by-one");
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "1000,10000,100000").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        Path file = Files.createTempDirectory("read-cost").resolve("embedded-mongo.mv");
        MongoBackend backend = switch (mode) {
            case "memory" -> new MemoryBackend();
            // The library's H2 backend as the service had it before: H2's 16 MiB page cache, every
            // page of a list scan sorted by mongo-java-server's own comparator.
            case "library" -> new H2Backend(file.toString());
            case "durable" -> DurableH2Backend.open(file);
            default -> throw new IllegalArgumentException("mode: memory, library or durable");
        };
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 16);
        System.out.println(mode + ", heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoDatabase database = client.getDatabase("cost");
            MongoIndexes.ensure(database);
            MongoUserRepository repository = new MongoUserRepository(database);
            MongoCollection<Document> users = database.getCollection("users");
            int have = 0;
            for (int size : sizes) {
                long t0 = System.nanoTime();
                if (oneByOne) {
                    // As the service creates users: one insert (one commit) each, 8 at once.
                    java.util.concurrent.atomic.AtomicInteger next =
                            new java.util.concurrent.atomic.AtomicInteger(have);
                    List<Thread> writers = new ArrayList<>();
                    for (int w = 0; w < 8; w++) {
                        writers.add(Thread.ofPlatform().start(() -> {
                            int i;
                            while ((i = next.getAndIncrement()) < size) {
                                users.insertOne(user(i));
                            }
                        }));
                    }
                    for (Thread writer : writers) {
                        writer.join();
                    }
                } else {
                    List<Document> batch = new ArrayList<>();
                    for (int i = have; i < size; i++) {
                        batch.add(user(i));
                        if (batch.size() == 1000) {
                            users.insertMany(batch);
                            batch.clear();
                        }
                    }
                    if (!batch.isEmpty()) {
                        users.insertMany(batch);
                    }
                }
                have = size;
                System.out.printf("%,d users (insert %.1f s)%n", size, (System.nanoTime() - t0) / 1e9);
                PageRequest page = new PageRequest(1, 20);
                measure("list", () -> repository.find(UserQuery.ALL, page).total());
                measure(
                        "list page 50",
                        () -> repository
                                .find(UserQuery.ALL, new PageRequest(50, 20))
                                .total());
                measure(
                        "search",
                        () -> repository.find(filtered(null, "user12"), page).total());
                measure(
                        "role filter",
                        () -> repository
                                .find(filtered(Role.MANAGER, null), page)
                                .total());
                measure(
                        "stats",
                        () -> repository
                                .stats(Instant.now().minusSeconds(7 * 86400))
                                .total());
                // Users from all over the collection, as edits through the API pick them.
                List<Object> ids = new ArrayList<>();
                users.find().projection(new Document("_id", 1)).forEach(d -> ids.add(d.get("_id")));
                java.util.Collections.shuffle(ids, new java.util.Random(18));
                int[] next = {0};
                measure(
                        "edit by _id",
                        () -> users.updateOne(
                                        new Document("_id", ids.get(next[0]++ % ids.size())),
                                        new Document("$set", new Document("bio", "edited " + System.nanoTime())))
                                .getModifiedCount());
                measure(
                        "edit unless changed",
                        () -> users.findOneAndUpdate(
                                new Document("_id", ids.get(next[0]++ % ids.size()))
                                        .append("email", new Document("$exists", true)),
                                new Document("$set", new Document("bio", "edited " + System.nanoTime()))));
                System.gc();
                Runtime runtime = Runtime.getRuntime();
                System.out.printf(
                        "  heap in use after a GC: %d MiB%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
            }
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * Wall time and CPU time of the whole process (server and client are both in it) per query: on a
     * machine shared with other work the CPU time is the steadier measure of the work a query costs.
     */
    private static void measure(String name, Supplier<Object> query) {
        query.get();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long[] nanos = new long[5];
        long[] cpu = new long[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            query.get();
            nanos[i] = System.nanoTime() - t0;
            cpu[i] = os.getProcessCpuTime() - c0;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(
                "  %-14s median %8.1f ms  CPU %8.1f ms%n",
                name, nanos[nanos.length / 2] / 1e6, cpu[cpu.length / 2] / 1e6);
    }

    private static UserQuery filtered(Role role, String search) {
        return new UserQuery(role, null, search, null, null, null, null, null, UserSort.CREATED_AT, false);
    }

    private static Document user(int i) {
        String email = "user" + i + "@example.com";
        Date created = Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L));
        return new Document("_id", new ObjectId())
                .append("email", email)
                .append("emailKey", email)
                .append("firstName", "First" + i)
                .append("lastName", "Last" + i)
                .append("displayName", "First" + i + " Last" + i)
                .append("role", i % 10 == 0 ? "manager" : "staff")
                .append("langKey", "en")
                .append("active", i % 7 != 0)
                .append("emailVerified", true)
                .append("firstLogin", false)
                .append("failedLoginAttempts", 0)
                .append("createdAt", created)
                .append("updatedAt", created)
                .append("username", "user" + i)
                .append("usernameKey", "user" + i)
                .append("passwordHash", "$2a$12$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01")
                .append("createdBy", "admin")
                .append("emailVerifiedAt", created);
    }
}
