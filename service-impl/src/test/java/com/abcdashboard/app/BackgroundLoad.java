package com.abcdashboard.app;

import com.abcdashboard.testsupport.ServiceClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * Traffic while a test breaks something: a few threads send a mix of requests back to back until
 * stopped, each thread taking the kinds in turn, and every answer is kept with its time. A request that
 * gets no answer at all (refused, timed out) is kept with status 0.
 */
final class BackgroundLoad {
    /** One kind of request; {@code worker} and {@code sequence} let it pick the worker's own data. */
    @FunctionalInterface
    interface Kind {
        ServiceClient.Response send(int worker, long sequence) throws Exception;
    }

    /** An answer (status 0 and the exception's text in the body when there was none). */
    record Outcome(String kind, int worker, long sequence, ServiceClient.Response response, Instant at) {
        int status() {
            return response.status();
        }

        JsonNode body() {
            return response.body();
        }
    }

    private final Map<String, Kind> kinds;
    private final List<String> names;
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private volatile boolean running;

    /** @param kinds by name, in the order each thread takes them */
    BackgroundLoad(Map<String, Kind> kinds) {
        this.kinds = kinds;
        this.names = List.copyOf(kinds.keySet());
    }

    /** Threads sending back to back. */
    void start(int workers) {
        start(workers, Duration.ZERO);
    }

    /** Threads pausing {@code pause} after each answer (a client's think time). */
    void start(int workers, Duration pause) {
        running = true;
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofPlatform().name("load-" + w).daemon(true).start(() -> loop(worker, pause)));
        }
    }

    private void loop(int worker, Duration pause) {
        for (long sequence = 0; running; sequence++) {
            String name = names.get((int) ((sequence + worker) % names.size()));
            try {
                ServiceClient.Response response = kinds.get(name).send(worker, sequence);
                outcomes.add(new Outcome(name, worker, sequence, response, Instant.now()));
                Thread.sleep(pause); // think time between requests: pacing, not waiting for a condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception noAnswer) {
                ServiceClient.Response none = new ServiceClient.Response(
                        0, TextNode.valueOf(noAnswer.toString()), HttpHeaders.of(Map.of(), (n, v) -> true));
                outcomes.add(new Outcome(name, worker, sequence, none, Instant.now()));
            }
        }
    }

    /**
     * Waits until {@code atLeast} more answers than now have come back: the run moves on when the load
     * has done that much in the current phase, however slow the machine, instead of after a fixed time.
     */
    void awaitAnswers(int atLeast, String phase) {
        awaitAnswers(atLeast, outcome -> true, phase);
    }

    /** Waits until {@code atLeast} more answers than now that match {@code which} have come back. */
    void awaitAnswers(int atLeast, Predicate<Outcome> which, String phase) {
        long before = outcomes.stream().filter(which).count();
        Awaitility.await()
                .alias(atLeast + " answers " + phase)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> outcomes.stream().filter(which).count() - before >= atLeast);
    }

    /**
     * Lets every thread finish the request it is in (bounded by the client's timeout); returns all
     * answers, and notes their summary in {@code report}.
     */
    List<Outcome> stop(FaultRunReport report) throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            if (!thread.join(Duration.ofSeconds(30))) {
                throw new AssertionError(thread.getName() + " still waiting for an answer after 30 s");
            }
        }
        List<Outcome> all = List.copyOf(outcomes);
        report.note("load stopped: " + summary(all));
        return all;
    }

    /** The requests that got no answer, or a 5xx other than the {@code expected} ones. */
    static List<Outcome> failures(List<Outcome> outcomes, Integer... expected) {
        Set<Integer> allowed = Set.of(expected);
        return outcomes.stream()
                .filter(o -> o.status() == 0 || (o.status() >= 500 && !allowed.contains(o.status())))
                .toList();
    }

    /** "kind: status×count …" per kind, for the log and the report. */
    static String summary(List<Outcome> outcomes) {
        Map<String, Map<Integer, Long>> byKind = new TreeMap<>();
        for (Outcome o : outcomes) {
            byKind.computeIfAbsent(o.kind(), k -> new TreeMap<>()).merge(o.status(), 1L, Long::sum);
        }
        return outcomes.size() + " requests; "
                + byKind.entrySet().stream()
                        .map(e -> e.getKey() + ": "
                                + e.getValue().entrySet().stream()
                                        .map(s -> s.getKey() + "×" + s.getValue())
                                        .collect(Collectors.joining(" ")))
                        .collect(Collectors.joining("; "));
    }
}
