package com.abcdashboard.bench.libs;

import com.abcdashboard.bench.Latencies;
import com.abcdashboard.config.AppConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Our rate limiter against Redisson's and Bucket4j's on one Redis, in one run: decisions per second and
 * their latency, exactness under contention between two instances, what each can put in the headers,
 * Redis commands per decision, and what a decision does while Redis is unreachable.
 */
final class RateLimitComparison {
    /** Far from any limit: the throughput runs measure the cost of a decision, not of refusals. */
    static final AppConfig.Limit FAR = new AppConfig.Limit(1_000_000_000, Duration.ofSeconds(10));

    private final String url;
    private final String prefix;
    private final Duration warmup;
    private final Duration measured;
    /** Numbers every run of this process, so that no two use the same keys. */
    private static final AtomicInteger RUNS = new AtomicInteger();

    RateLimitComparison(String url, String prefix, Duration warmup, Duration measured) {
        this.url = url;
        this.prefix = prefix;
        this.warmup = warmup;
        this.measured = measured;
    }

    /** Decisions per second and latency of one instance, {@code threads} callers, one key each or one for all. */
    record Throughput(
            String kind, int threads, boolean oneKey, double decisionsPerSecond, long failedOpen, Latencies latency) {}

    /**
     * {@code instances} × {@code threads} callers, {@code hits} each, against a limit of {@code limit} in
     * a window longer than the run; with the commands they sent when run through a counting proxy.
     *
     * @param admitted hits let through, {@code failedOpen} of them because Redis did not answer in time
     */
    record Contention(
            String kind,
            int instances,
            int threads,
            int hits,
            int limit,
            int admitted,
            int failedOpen,
            long remainingReported,
            long resetReportedMs,
            double commandsPerDecision) {}

    /** Commands one instance sends per decision, far from the limit, one caller. */
    record RoundTrips(String kind, int decisions, double commandsPerDecision) {}

    /** Decisions while every connection to Redis is cut: how long they took, and what they answered. */
    record Outage(String kind, int decisions, int failedOpen, Latencies latency, double recoveredAfterMs) {}

    Throughput throughput(RateLimitContender.Kind kind, int threads, boolean oneKey) throws InterruptedException {
        String run = prefix + ":tp" + RUNS.incrementAndGet();
        try (RateLimitContender limiter = kind.open(url, run, FAR)) {
            List<Samples> samples = new ArrayList<>();
            AtomicLong decisions = new AtomicLong();
            AtomicLong failedOpen = new AtomicLong();
            long start = System.nanoTime();
            long recordFrom = start + warmup.toNanos();
            long end = recordFrom + measured.toNanos();
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Samples mine = new Samples();
                samples.add(mine);
                String subject = oneKey ? "10.0.0.1" : "10.0.1." + t;
                callers.add(Thread.ofPlatform().start(() -> {
                    long count = 0;
                    long failed = 0;
                    for (long now = System.nanoTime(); now < end; ) {
                        boolean open = limiter.hit(subject).failedOpen();
                        long after = System.nanoTime();
                        if (now >= recordFrom) {
                            mine.add(after - now);
                            count++;
                            if (open) {
                                failed++;
                            }
                        }
                        now = after;
                    }
                    decisions.addAndGet(count);
                    failedOpen.addAndGet(failed);
                }));
            }
            for (Thread caller : callers) {
                caller.join();
            }
            double seconds = measured.toNanos() / 1e9;
            return new Throughput(
                    kind.name(),
                    threads,
                    oneKey,
                    decisions.get() / seconds,
                    failedOpen.get(),
                    Samples.summary(samples));
        }
    }

    /**
     * {@code instances} instances talking to Redis through the proxy, each with {@code threads} callers
     * released together, every caller hitting one key {@code hits} times: how many were admitted against
     * a limit of {@code limit}, and the commands sent per decision.
     */
    Contention contention(
            RateLimitContender.Kind kind, RespCountingProxy proxy, int instances, int threads, int hits, int limit)
            throws InterruptedException {
        Supplier<Long> commands = proxy::commands;
        String run = prefix + ":ct" + RUNS.incrementAndGet();
        AppConfig.Limit perMinute = new AppConfig.Limit(limit, Duration.ofMinutes(1));
        List<RateLimitContender> limiters = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                limiters.add(kind.open(proxy.url(), run, perMinute));
            }
            // Connections opened and warmed on another key, so that the count holds decisions only.
            for (RateLimitContender limiter : limiters) {
                limiter.hit("warm-up");
            }
            AtomicInteger admitted = new AtomicInteger();
            AtomicInteger failedOpen = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> callers = new ArrayList<>();
            long before = commands.get();
            for (RateLimitContender limiter : limiters) {
                for (int t = 0; t < threads; t++) {
                    callers.add(Thread.ofPlatform().start(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        for (int h = 0; h < hits; h++) {
                            RateLimitContender.Verdict verdict = limiter.hit("10.0.0.2");
                            if (verdict.allowed()) {
                                admitted.incrementAndGet();
                            }
                            if (verdict.failedOpen()) {
                                failedOpen.incrementAndGet();
                            }
                        }
                    }));
                }
            }
            go.countDown();
            for (Thread caller : callers) {
                caller.join();
            }
            long sent = commands.get() - before;
            int attempts = instances * threads * hits;
            RateLimitContender.Verdict last = limiters.get(0).hit("10.0.0.2");
            return new Contention(
                    kind.name(),
                    instances,
                    threads,
                    hits,
                    limit,
                    admitted.get(),
                    failedOpen.get(),
                    last.remaining(),
                    last.resetMillis(),
                    (double) sent / attempts);
        } finally {
            limiters.forEach(RateLimitContender::close);
        }
    }

    /** Commands per decision of one caller far from the limit, counted by the proxy the instance talks through. */
    static RoundTrips roundTrips(RateLimitContender.Kind kind, RespCountingProxy proxy, String prefix, int decisions) {
        try (RateLimitContender limiter = kind.open(proxy.url(), prefix + ":rt-" + kind.name(), FAR)) {
            for (int i = 0; i < 200; i++) {
                limiter.hit("10.0.0.3");
            }
            long before = proxy.commands();
            for (int i = 0; i < decisions; i++) {
                limiter.hit("10.0.0.3");
            }
            return new RoundTrips(kind.name(), decisions, (double) (proxy.commands() - before) / decisions);
        }
    }

    /**
     * Every kind at once through one proxy: warmed, then every connection cut for {@code cut}; each kind
     * decides in a loop meanwhile; after the proxy lets connections through again, the time until each
     * answers from Redis again.
     */
    static List<Outage> outage(RespCountingProxy proxy, String prefix, Duration cut) throws InterruptedException {
        List<RateLimitContender.Kind> kinds = List.of(RateLimitContender.Kind.values());
        List<RateLimitContender> limiters = new ArrayList<>();
        for (RateLimitContender.Kind kind : kinds) {
            RateLimitContender limiter = kind.open(proxy.url(), prefix + ":out-" + kind.name(), FAR);
            for (int i = 0; i < 100; i++) {
                limiter.hit("10.0.0.4");
            }
            limiters.add(limiter);
        }
        try {
            proxy.cut();
            long restoreAt = System.nanoTime() + cut.toNanos();
            List<Samples> samples = new ArrayList<>();
            int[] decisions = new int[kinds.size()];
            int[] failedOpen = new int[kinds.size()];
            double[] recovered = new double[kinds.size()];
            List<Thread> callers = new ArrayList<>();
            Thread restorer = Thread.ofPlatform().start(() -> {
                sleepUntil(restoreAt);
                proxy.restore();
            });
            for (int k = 0; k < kinds.size(); k++) {
                int index = k;
                Samples mine = new Samples();
                samples.add(mine);
                RateLimitContender limiter = limiters.get(k);
                callers.add(Thread.ofPlatform().start(() -> {
                    long now;
                    while ((now = System.nanoTime()) < restoreAt) {
                        RateLimitContender.Verdict verdict = limiter.hit("10.0.0.4");
                        mine.add(System.nanoTime() - now);
                        decisions[index]++;
                        if (verdict.failedOpen()) {
                            failedOpen[index]++;
                        }
                        sleepUntil(now + 10_000_000); // one decision every 10 ms at most
                    }
                    // Back: decide until an answer comes from Redis again (give up after 30 s).
                    while (System.nanoTime() - restoreAt < 30_000_000_000L) {
                        if (!limiter.hit("10.0.0.4").failedOpen()) {
                            recovered[index] = (System.nanoTime() - restoreAt) / 1e6;
                            return;
                        }
                        sleepUntil(System.nanoTime() + 10_000_000);
                    }
                    recovered[index] = -1;
                }));
            }
            for (Thread caller : callers) {
                caller.join();
            }
            restorer.join();
            List<Outage> outages = new ArrayList<>();
            for (int k = 0; k < kinds.size(); k++) {
                outages.add(new Outage(
                        kinds.get(k).name(),
                        decisions[k],
                        failedOpen[k],
                        Samples.summary(List.of(samples.get(k))),
                        recovered[k]));
            }
            return outages;
        } finally {
            proxy.restore();
            limiters.forEach(RateLimitContender::close);
        }
    }

    static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
