package com.abcdashboard.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The writes a load sent and what the service answered to each: what must be stored afterwards. An
 * acknowledged (2xx) write must be there; one that got no answer or a 5xx may or may not have been
 * applied; a refused (4xx) one was not.
 */
final class WriteLedger {
    record Created(String id, String email) {}

    private record Attempt(String value, int status) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        boolean outcomeUnknown() {
            return status == 0 || status >= 500;
        }
    }

    private final ConcurrentLinkedQueue<Created> created = new ConcurrentLinkedQueue<>();
    private final Map<String, List<Attempt>> updates = new ConcurrentHashMap<>();

    void created(String id, String email) {
        created.add(new Created(id, email));
    }

    /** An update of one user's field; each user is written by one thread, in order. */
    void updated(String userId, String value, int status) {
        updates.computeIfAbsent(userId, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(new Attempt(value, status));
    }

    List<Created> acknowledgedCreates() {
        return List.copyOf(created);
    }

    Set<String> updatedUsers() {
        return Set.copyOf(updates.keySet());
    }

    int acknowledgedUpdates() {
        return updates.values().stream()
                .mapToInt(attempts ->
                        (int) attempts.stream().filter(Attempt::acknowledged).count())
                .sum();
    }

    /**
     * The values the user's field may hold now: the last acknowledged one (or {@code initial} when none
     * was), or that of any later write whose outcome is unknown.
     */
    Set<String> possibleValues(String userId, String initial) {
        Set<String> possible = new LinkedHashSet<>();
        possible.add(initial);
        for (Attempt attempt : List.copyOf(updates.getOrDefault(userId, List.of()))) {
            if (attempt.acknowledged()) {
                possible.clear();
                possible.add(attempt.value());
            } else if (attempt.outcomeUnknown()) {
                possible.add(attempt.value());
            }
        }
        return possible;
    }
}
