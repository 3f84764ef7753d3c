package com.abcdashboard.bench.libs;

import com.abcdashboard.bench.Latencies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Our near cache against Redisson's {@code RLocalCachedMap}, both used as the service uses its cache
 * (read, on a miss load the truth and fill, invalidate after a write): read latency with a warm cache,
 * how long another instance keeps the old value after a write, stale values under concurrent writes, and
 * what an instance reads while Redis is cut off and after it is back.
 */
final class NearCacheComparison {
    private static final long SECOND = 1_000_000_000L;

    /** The record of truth (MongoDB in the service): a version per key, and when each version was written. */
    static final class Truth {
        private static final int MAX_VERSIONS = 1 << 16;
        private final ConcurrentHashMap<String, AtomicLong> versions = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, AtomicLongArray> writtenAt = new ConcurrentHashMap<>();

        String get(String key) {
            return "v" + versions.computeIfAbsent(key, k -> new AtomicLong()).get();
        }

        /** Moves the key to its next version (the caller then invalidates the cache). */
        long write(String key) {
            return versions.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        }

        /** Records that the write of {@code version} has finished, cache invalidation included. */
        void written(String key, long version) {
            if (version < MAX_VERSIONS) {
                writtenAt
                        .computeIfAbsent(key, k -> new AtomicLongArray(MAX_VERSIONS))
                        .set((int) version, System.nanoTime());
            }
        }

        /** When the write of {@code version} finished, 0 if it has not (or never will). */
        long writtenAt(String key, long version) {
            AtomicLongArray times = writtenAt.get(key);
            return times == null || version >= MAX_VERSIONS ? 0 : times.get((int) version);
        }
    }

    /** The service's read: the cache, else the truth (then filled into the cache). */
    static String read(NearCacheContender cache, Truth truth, String key) {
        return cache.cached(key).orElseGet(() -> {
            String value = truth.get(key);
            cache.fill(key, value);
            return value;
        });
    }

    record Reads(String kind, int threads, double readsPerSecond, Latencies latency) {}

    record Invalidation(String kind, int rounds, int notSeenWithin5s, Latencies delay) {}

    /**
     * @param staleReads reads that returned a version older than one whose write (truth and invalidation)
     *     had finished before the read began
     * @param keysStaleAfterQuiet keys either instance still read stale 3 s after the last write
     */
    record Races(
            String kind,
            double seconds,
            long writes,
            long reads,
            long staleReads,
            double maxStaleMs,
            int keys,
            int keysStaleAfterQuiet) {}

    /**
     * @param lastStaleDuringCutMs the last stale read while Redis was cut off, in ms after the write
     * @param staleReadsAfterRestore stale reads once connections were let through again
     * @param staleAtEnd the last read (seconds after Redis was back) was still stale
     */
    record Outage(
            String kind,
            long readsDuringCut,
            double lastStaleDuringCutMs,
            long readsAfterRestore,
            long staleReadsAfterRestore,
            boolean staleAtEnd,
            double maxReadMs) {}

    private final String url;
    private final String prefix;
    private final Duration warmup;
    private final Duration measured;
    private int runs;

    NearCacheComparison(String url, String prefix, Duration warmup, Duration measured) {
        this.url = url;
        this.prefix = prefix;
        this.warmup = warmup;
        this.measured = measured;
    }

    private String run() {
        return prefix + ":nc" + ++runs;
    }

    /** Reads of 1,000 warm keys by {@code threads} callers of one instance. */
    Reads reads(NearCacheContender.Kind kind, int threads) throws InterruptedException {
        Truth truth = new Truth();
        try (NearCacheContender cache = kind.open(url, run())) {
            awaitUsable(cache);
            for (int i = 0; i < 1000; i++) {
                read(cache, truth, "k" + i);
                read(cache, truth, "k" + i);
            }
            List<Samples> samples = new ArrayList<>();
            long recordFrom = System.nanoTime() + warmup.toNanos();
            long end = recordFrom + measured.toNanos();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Samples mine = new Samples();
                samples.add(mine);
                readers.add(Thread.ofPlatform().start(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (long now = System.nanoTime(); now < end; ) {
                        read(cache, truth, "k" + random.nextInt(1000));
                        long after = System.nanoTime();
                        if (now >= recordFrom) {
                            mine.add(after - now);
                        }
                        now = after;
                    }
                }));
            }
            for (Thread reader : readers) {
                reader.join();
            }
            Latencies latency = Samples.summary(samples);
            return new Reads(kind.name(), threads, latency.count() / (measured.toNanos() / 1e9), latency);
        }
    }

    /** A write on one instance, then the other reads in a loop until it returns the new value: the delay. */
    Invalidation invalidation(NearCacheContender.Kind kind, int rounds) {
        Truth truth = new Truth();
        String run = run();
        try (NearCacheContender a = kind.open(url, run);
                NearCacheContender b = kind.open(url, run)) {
            awaitUsable(a);
            awaitUsable(b);
            Samples delays = new Samples();
            int missed = 0;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < 3; i++) {
                    read(b, truth, "inv"); // filled, then copied into b's near cache
                }
                String expected = "v" + truth.write("inv");
                a.invalidate("inv");
                long start = System.nanoTime();
                long deadline = start + 5 * SECOND;
                while (!read(b, truth, "inv").equals(expected) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                long delay = System.nanoTime() - start;
                if (delay >= 5 * SECOND) {
                    missed++;
                }
                delays.add(delay);
            }
            return new Invalidation(kind.name(), rounds, missed, Samples.summary(List.of(delays)));
        }
    }

    /**
     * One instance writes 16 keys in turn as fast as it can for {@code seconds}, while three readers (two
     * on the other instance, one on the writer's) read them: stale reads, and stale keys once writes stop.
     */
    Races races(NearCacheContender.Kind kind, Duration seconds) throws InterruptedException {
        Truth truth = new Truth();
        String run = run();
        int keys = 16;
        try (NearCacheContender a = kind.open(url, run);
                NearCacheContender b = kind.open(url, run)) {
            awaitUsable(a);
            awaitUsable(b);
            long end = System.nanoTime() + seconds.toNanos();
            AtomicLong writes = new AtomicLong();
            AtomicLong reads = new AtomicLong();
            AtomicLong stale = new AtomicLong();
            AtomicLong maxStale = new AtomicLong();
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    String key = "race" + (i % keys);
                    long version = truth.write(key);
                    a.invalidate(key);
                    truth.written(key, version);
                    writes.incrementAndGet();
                    LockSupport.parkNanos(100_000);
                }
            });
            List<Thread> readers = new ArrayList<>();
            for (NearCacheContender reader : List.of(b, b, a)) {
                readers.add(Thread.ofPlatform().start(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        String key = "race" + random.nextInt(keys);
                        long began = System.nanoTime();
                        long version = Long.parseLong(read(reader, truth, key).substring(1));
                        reads.incrementAndGet();
                        long newer = truth.writtenAt(key, version + 1);
                        if (newer != 0 && newer < began) {
                            stale.incrementAndGet();
                            maxStale.accumulateAndGet(began - newer, Math::max);
                        }
                    }
                }));
            }
            writer.join();
            for (Thread reader : readers) {
                reader.join();
            }
            LockSupport.parkNanos(3 * SECOND);
            int staleKeys = 0;
            for (int k = 0; k < keys; k++) {
                String key = "race" + k;
                String current = truth.get(key);
                if (!read(a, truth, key).equals(current) || !read(b, truth, key).equals(current)) {
                    staleKeys++;
                }
            }
            return new Races(
                    kind.name(),
                    seconds.toNanos() / 1e9,
                    writes.get(),
                    reads.get(),
                    stale.get(),
                    maxStale.get() / 1e6,
                    keys,
                    staleKeys);
        }
    }

    /**
     * Every kind at once, both instances through the proxy: warm, then every connection cut; meanwhile
     * the truth changes and the writer invalidates (which cannot reach Redis). The other instance reads
     * every 5 ms during the cut and for {@code after} once connections are let through again.
     */
    static List<Outage> outage(RespCountingProxy proxy, String prefix, Duration cut, Duration after)
            throws InterruptedException {
        List<NearCacheContender.Kind> kinds = List.of(NearCacheContender.Kind.values());
        List<NearCacheContender[]> pairs = new ArrayList<>();
        Truth truth = new Truth();
        for (NearCacheContender.Kind kind : kinds) {
            String run = prefix + ":nc-out-" + kind.name();
            NearCacheContender a = kind.open(proxy.url(), run);
            NearCacheContender b = kind.open(proxy.url(), run);
            awaitUsable(a);
            awaitUsable(b);
            for (int i = 0; i < 3; i++) {
                read(a, truth, kind.name());
                read(b, truth, kind.name());
            }
            pairs.add(new NearCacheContender[] {a, b});
        }
        try {
            proxy.cut();
            long cutAt = System.nanoTime();
            long restoreAt = cutAt + cut.toNanos();
            long endAt = restoreAt + after.toNanos();
            Thread restorer = Thread.ofPlatform().start(() -> {
                RateLimitComparison.sleepUntil(restoreAt);
                proxy.restore();
            });
            List<Outage> outages = new ArrayList<>(kinds.size());
            List<Thread> threads = new ArrayList<>();
            Outage[] results = new Outage[kinds.size()];
            for (int k = 0; k < kinds.size(); k++) {
                int index = k;
                String key = kinds.get(k).name();
                NearCacheContender a = pairs.get(k)[0];
                NearCacheContender b = pairs.get(k)[1];
                threads.add(Thread.ofPlatform().start(() -> {
                    truth.write(key);
                    a.invalidate(key);
                    long wroteAt = System.nanoTime();
                    long readsDuringCut = 0;
                    long lastStaleDuringCut = -1;
                    long readsAfter = 0;
                    long staleAfter = 0;
                    boolean staleNow = false;
                    long maxRead = 0;
                    while (System.nanoTime() < endAt) {
                        long began = System.nanoTime();
                        String value = read(b, truth, key);
                        long took = System.nanoTime() - began;
                        maxRead = Math.max(maxRead, took);
                        staleNow = !value.equals(truth.get(key));
                        if (began < restoreAt) {
                            readsDuringCut++;
                            if (staleNow) {
                                lastStaleDuringCut = began - wroteAt;
                            }
                        } else {
                            readsAfter++;
                            if (staleNow) {
                                staleAfter++;
                            }
                        }
                        RateLimitComparison.sleepUntil(began + 5_000_000);
                    }
                    results[index] = new Outage(
                            key,
                            readsDuringCut,
                            lastStaleDuringCut < 0 ? 0 : Math.max(0, lastStaleDuringCut) / 1e6,
                            readsAfter,
                            staleAfter,
                            staleNow,
                            maxRead / 1e6);
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            restorer.join();
            outages.addAll(List.of(results));
            return outages;
        } finally {
            proxy.restore();
            for (NearCacheContender[] pair : pairs) {
                pair[0].close();
                pair[1].close();
            }
        }
    }

    /**
     * Ours uses its near cache only once its first heartbeat came back (within a second of connecting);
     * measuring before would measure Redis reads. Redisson's map is usable at once.
     */
    private static void awaitUsable(NearCacheContender cache) {
        if (cache instanceof OurNearCache) {
            LockSupport.parkNanos(2_200_000_000L);
        }
    }
}
