package com.abcdashboard.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link SharedStore} inside this process, for a single instance without {@code REDIS_URL}: Caffeine
 * (bounded, per-entry expiry) for entries, maps for counters and windows. Nothing is shared with other
 * instances — run one instance, or configure Redis.
 */
public final class MemoryStore implements SharedStore {
    private static final long MAX_ENTRIES = 10_000;

    private record Entry(String value, Duration ttl) {}

    private record WindowState(long hits, Instant endsAt) {}

    private final Cache<String, Entry> entries = Caffeine.newBuilder()
            .executor(Runnable::run)
            .maximumSize(MAX_ENTRIES)
            .expireAfter(Expiry.<String, Entry>creating((key, entry) -> entry.ttl()))
            .build();
    private final ConcurrentMap<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, WindowState> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public MemoryStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.getIfPresent(key)).map(Entry::value);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, ttl));
    }

    @Override
    public void putIfAbsent(String key, String value, Duration ttl) {
        entries.asMap().putIfAbsent(key, new Entry(value, ttl));
    }

    @Override
    public void delete(String key) {
        entries.invalidate(key);
    }

    @Override
    public long counter(String key) {
        AtomicLong value = counters.get(key);
        return value == null ? 0 : value.get();
    }

    @Override
    public long increment(String key) {
        return counters.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public Window hit(String key, Duration window, long count) {
        Instant now = clock.instant();
        WindowState state = windows.compute(
                key,
                (k, current) -> current == null || !current.endsAt().isAfter(now)
                        ? new WindowState(count, now.plus(window))
                        : new WindowState(current.hits() + count, current.endsAt()));
        if (windows.size() > MAX_ENTRIES) {
            windows.entrySet().removeIf(e -> !e.getValue().endsAt().isAfter(now));
        }
        return new Window(state.hits(), Duration.between(now, state.endsAt()));
    }

    @Override
    public void ping() {}

    @Override
    public void close() {
        entries.invalidateAll();
    }
}
