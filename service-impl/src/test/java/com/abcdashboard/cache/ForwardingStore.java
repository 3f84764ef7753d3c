package com.abcdashboard.cache;

import java.time.Duration;
import java.util.Optional;

/** A {@link SharedStore} that passes every call on; tests override what they observe or break. */
class ForwardingStore implements SharedStore {
    private final SharedStore store;

    ForwardingStore(SharedStore store) {
        this.store = store;
    }

    @Override
    public String kind() {
        return store.kind();
    }

    @Override
    public Optional<String> get(String key) {
        return store.get(key);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        store.put(key, value, ttl);
    }

    @Override
    public void putIfAbsent(String key, String value, Duration ttl) {
        store.putIfAbsent(key, value, ttl);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public long counter(String key) {
        return store.counter(key);
    }

    @Override
    public long increment(String key) {
        return store.increment(key);
    }

    @Override
    public Window hit(String key, Duration window, long count) {
        return store.hit(key, window, count);
    }

    @Override
    public void ping() {
        store.ping();
    }

    @Override
    public void close() {
        store.close();
    }
}
