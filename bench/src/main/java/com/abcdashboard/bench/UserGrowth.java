package com.abcdashboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The growth phase of bench/run: grows the users collection of a running service through its API (admin
 * creates, several at once) to each of the given sizes, and at each size measures
 *
 * <ul>
 *   <li>writes: admin creates per second while growing, and admin edits of existing users per second;
 *   <li>reads on a cache miss: the users list, a search, a role filter and the statistics — each sample is
 *       preceded by an edit of a user, which makes the service drop its cached lists and statistics, and
 *       followed by a request to the bare Helidon baseline for the ratio.
 * </ul>
 *
 * <p>Arguments: {@code api baseline store adminEmail password sizes samples writers editSeconds out.json}.
 * Appends to {@code out.json} (an array of rows), so one file holds every store of the run.
 */
public final class UserGrowth {
    /** One size of one store: what was written, and each query's cache-miss latencies. */
    public record Row(
            String store,
            int users,
            double createsPerSecond,
            double editsPerSecond,
            double baselineMedianMs,
            Map<String, Latency> queries) {}

    /** Latencies of one query at one size, milliseconds. */
    public record Latency(int samples, double medianMs, double p90Ms, double maxMs) {
        static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(
                    sorted.length,
                    sorted[sorted.length / 2] / 1e6,
                    sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        }
    }

    /** The store label bench/run gives the H2 file with background commit (the store before durability). */
    public static final String BACKGROUND_COMMIT_STORE = "embedded-background-commit";

    /** The measured queries, in the order of the table. */
    static final Map<String, String> QUERIES = queries();

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String api;
    private final String baseline;
    private final String token;
    private final String password;
    private final List<String> userIds = new ArrayList<>();
    private final AtomicInteger created = new AtomicInteger();

    private UserGrowth(String api, String baseline, String token, String password) {
        this.api = api;
        this.baseline = baseline;
        this.token = token;
        this.password = password;
    }

    private static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("list", "/users?page=1&limit=20");
        queries.put("search", "/users?page=1&limit=20&search=grow-12");
        queries.put("role filter", "/users?page=1&limit=20&role=manager");
        queries.put("stats", "/users/stats");
        return queries;
    }

    public static void main(String[] args) throws Exception {
        String api = args[0];
        String baseline = args[1];
        String store = args[2];
        String adminEmail = args[3];
        String password = args[4];
        int[] sizes =
                Arrays.stream(args[5].split(",")).mapToInt(Integer::parseInt).toArray();
        int samples = Integer.parseInt(args[6]);
        int writers = Integer.parseInt(args[7]);
        int editSeconds = Integer.parseInt(args[8]);
        Path out = Path.of(args[9]);

        UserGrowth growth = new UserGrowth(api, baseline, signIn(api, adminEmail, password), password);
        List<Row> rows = new ArrayList<>();
        if (out.toFile().isFile()) {
            rows.addAll(Arrays.asList(JSON.readValue(out.toFile(), Row[].class)));
        }
        for (int size : sizes) {
            long start = System.nanoTime();
            int before = growth.created.get();
            growth.growTo(size, writers);
            double createsPerSecond = (growth.created.get() - before) / ((System.nanoTime() - start) / 1e9);
            double editsPerSecond = growth.edits(writers, editSeconds);
            Map<String, Latency> latencies = new LinkedHashMap<>();
            long[] baselineNanos = new long[samples * QUERIES.size()];
            int b = 0;
            for (Map.Entry<String, String> query : QUERIES.entrySet()) {
                long[] nanos = new long[samples];
                for (int i = 0; i < samples; i++) {
                    growth.editOne(); // drops the cached lists and statistics: the next read is a miss
                    nanos[i] = growth.timedGet(api + query.getValue(), true);
                    baselineNanos[b++] = growth.timedGet(baseline, false);
                }
                latencies.put(query.getKey(), Latency.of(nanos));
            }
            Row row = new Row(
                    store,
                    size,
                    createsPerSecond,
                    editsPerSecond,
                    Latency.of(baselineNanos).medianMs(),
                    latencies);
            rows.add(row);
            System.out.printf(
                    "growth %s %,d users: %.0f creates/s, %.0f edits/s, %s%n",
                    store, size, createsPerSecond, editsPerSecond, latencies);
            JSON.writeValue(out.toFile(), rows);
        }
    }

    /** Creates users with {@code writers} threads until this run has created {@code size} of them. */
    private void growTo(int size, int writers) throws InterruptedException {
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            threads.add(Thread.ofPlatform().start(() -> {
                int n;
                while ((n = created.getAndIncrement()) < size) {
                    String body = String.format(
                            "{\"email\":\"grow-%d@bench.test\",\"username\":\"grow%d\",\"firstName\":\"Grow\","
                                    + "\"lastName\":\"User %d\",\"role\":\"%s\",\"password\":\"%s\"}",
                            n, n, n, n % 10 == 0 ? "manager" : "staff", password);
                    try {
                        HttpResponse<String> response = send("POST", api + "/users", body);
                        if (response.statusCode() == 201) {
                            ids.add(JSON.readTree(response.body())
                                    .path("data")
                                    .path("user")
                                    .path("id")
                                    .asText());
                        } else if (failures.incrementAndGet() <= 3) {
                            System.err.println("create " + n + ": " + response.statusCode() + " " + response.body());
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        created.set(size);
        userIds.addAll(ids);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " creates failed while growing to " + size);
        }
        if (userIds.isEmpty()) {
            throw new IllegalStateException("no created user id was read from the answers");
        }
    }

    /** Admin edits of random existing users with {@code writers} threads for {@code seconds}; edits/s. */
    private double edits(int writers, int seconds) throws InterruptedException {
        if (seconds <= 0) {
            return 0;
        }
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        editOne();
                        done.incrementAndGet();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return done.get() / (double) seconds;
    }

    private void editOne() throws IOException, InterruptedException {
        String id = userIds.get(ThreadLocalRandom.current().nextInt(userIds.size()));
        String body = "{\"bio\":\"edited " + System.nanoTime() + "\"}";
        HttpResponse<String> response = send("PATCH", api + "/users/" + id, body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("edit " + id + ": " + response.statusCode() + " " + response.body());
        }
    }

    private long timedGet(String url, boolean authorized) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorized) {
            request.header("Authorization", "Bearer " + token);
        }
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - t0;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + response.statusCode() + " " + response.body());
        }
        return elapsed;
    }

    private HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String signIn(String api, String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api + "/auth/login"))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                                .header("Content-Type", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode tokens = JSON.readTree(response.body()).path("data").path("tokens");
        String token = tokens.path("accessToken").asText();
        if (response.statusCode() != 200 || token.isEmpty()) {
            throw new IllegalStateException("the admin could not sign in: " + response.statusCode());
        }
        return token;
    }
}
