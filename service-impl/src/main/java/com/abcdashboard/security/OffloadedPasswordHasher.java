package com.abcdashboard.security;

import com.abcdashboard.domain.auth.PasswordHasher;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs every hash and verification of another {@link PasswordHasher} on a fixed set of platform threads
 * ({@code password-hashing-N}), one per core by default, while the calling request thread waits.
 *
 * <p><b>Why.</b> Requests run on virtual threads, and the JDK runs those on one carrier thread per core.
 * A virtual thread is never preempted: one that computes bcrypt (~0.25 s at cost 12) holds its carrier
 * until it is done. A sign-in flood therefore occupied every carrier, and every other request — and the
 * JDK's own socket pollers, which are virtual threads too — waited for a hash to finish: measured with
 * {@code bench/run}, {@code /auth/profile} p99 was about 20 s during a sign-in flood. Here the waiting
 * virtual thread unmounts, its carrier serves other requests, and the operating system shares the cores
 * between the hashing threads and the carriers. The bounded set also caps the CPU that hashing can take:
 * extra sign-ins queue for a hashing thread instead of multiplying the work in progress.
 */
public final class OffloadedPasswordHasher implements PasswordHasher, AutoCloseable {
    private final PasswordHasher hasher;
    private final ExecutorService threads;

    /** One hashing thread per available core. */
    public OffloadedPasswordHasher(PasswordHasher hasher) {
        this(hasher, Runtime.getRuntime().availableProcessors());
    }

    public OffloadedPasswordHasher(PasswordHasher hasher, int threadCount) {
        if (threadCount < 1) {
            throw new IllegalArgumentException("threadCount must be at least 1, was " + threadCount);
        }
        this.hasher = hasher;
        ThreadFactory factory =
                Thread.ofPlatform().name("password-hashing-", 1).daemon(true).factory();
        this.threads = Executors.newFixedThreadPool(threadCount, factory);
    }

    @Override
    public String hash(String password) {
        return onHashingThread(() -> hasher.hash(password));
    }

    @Override
    public boolean matches(String password, String hash) {
        return onHashingThread(() -> hasher.matches(password, hash));
    }

    @Override
    public boolean matchesNothing(String password) {
        return onHashingThread(() -> hasher.matchesNothing(password));
    }

    private <T> T onHashingThread(Callable<T> work) {
        Future<T> result = threads.submit(work);
        try {
            return result.get();
        } catch (InterruptedException e) {
            // The request is being abandoned (shutdown): the hash is not needed any more.
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a password hash", e);
        } catch (ExecutionException e) {
            // The hasher's own exception, as if it had run on the caller's thread.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Password hashing failed", e.getCause());
        }
    }

    /** Lets queued hashes finish (briefly), then stops the threads. */
    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "OffloadedPasswordHasher[" + hasher + "]";
    }
}
