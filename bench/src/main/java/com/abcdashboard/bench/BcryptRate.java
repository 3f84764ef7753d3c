package com.abcdashboard.bench;

import com.abcdashboard.security.BcryptPasswordHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The bcrypt limit of this machine: how many password verifications per second the service's own
 * {@link BcryptPasswordHasher} does at a given cost with a given number of threads (one per core is the
 * most a sign-in flood can use). A sign-in spends exactly one verification, so this is the ceiling of
 * logins per second.
 *
 * <p>Each thread verifies the same password against one hash, back to back, until the duration is up;
 * its rate is its count over its own elapsed time (to the end of its last verification), and the
 * threads' rates are summed. Prints one JSON object.
 *
 * <p>Arguments: {@code cost seconds threads}.
 */
public final class BcryptRate {
    private static final String PASSWORD = "Bench-Passw0rd-Rate";

    private BcryptRate() {}

    public record Result(int cost, int threads, double seconds, long verifications, double perSecond) {
        String toJson() {
            return String.format(
                    Locale.ROOT,
                    "{\"cost\":%d,\"threads\":%d,\"seconds\":%.3f,\"verifications\":%d,\"perSecond\":%.3f,"
                            + "\"msPerVerificationPerThread\":%.2f}",
                    cost,
                    threads,
                    seconds,
                    verifications,
                    perSecond,
                    perSecond == 0 ? 0 : 1000.0 * threads / perSecond);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int cost = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        int threads = Integer.parseInt(args[2]);
        System.out.println(measure(cost, seconds, threads).toJson());
    }

    static Result measure(int cost, double seconds, int threads) throws InterruptedException {
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(cost);
        String hash = hasher.hash(PASSWORD);
        long[] counts = new long[threads];
        long[] elapsed = new long[threads];
        CountDownLatch warm = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread worker = Thread.ofPlatform().name("bcrypt-" + i).start(() -> {
                verify(hasher, hash); // warm-up: JIT and caches
                warm.countDown();
                awaitQuietly(go);
                long start = System.nanoTime();
                long deadline = start + (long) (seconds * 1e9);
                long n = 0;
                long now = start;
                while (now < deadline) {
                    verify(hasher, hash);
                    n++;
                    now = System.nanoTime();
                }
                counts[index] = n;
                elapsed[index] = now - start;
            });
            workers.add(worker);
        }
        warm.await();
        long started = System.nanoTime();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        long total = 0;
        double rate = 0;
        for (int i = 0; i < threads; i++) {
            total += counts[i];
            rate += counts[i] / (elapsed[i] / 1e9);
        }
        return new Result(cost, threads, wall, total, rate);
    }

    private static void verify(BcryptPasswordHasher hasher, String hash) {
        if (!hasher.matches(PASSWORD, hash)) {
            throw new IllegalStateException("bcrypt verification failed");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
