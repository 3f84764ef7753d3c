package com.abcdashboard.persistence;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes writes durable before they are acknowledged, sharing one commit among concurrent writers.
 *
 * <p>A write runs under the shared side of a lock, takes a ticket, and then waits until a commit covering
 * its ticket has been made durable. One committer thread takes the exclusive side (so no write is half
 * applied when it commits: every commit lies on a boundary between whole writes), runs {@code commit},
 * releases the lock, runs {@code sync} (the slow part, while the next writes already run), and then wakes
 * every writer whose ticket that commit covered. Writers arriving while a commit is under way simply ride
 * the next one: under load one commit covers many writes.
 *
 * <p>A failed commit fails every write waiting on it and every later one: the acknowledgement promise can
 * no longer be kept, so nothing more is acknowledged.
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final ReentrantReadWriteLock boundary = new ReentrantReadWriteLock(true);
    private final Runnable commit;
    private final Runnable sync;
    private final Runnable whenIdle;
    private final Thread committer;
    private final Object monitor = new Object();

    // guarded by monitor
    private long written;
    private long durable;
    private long commits;
    private RuntimeException failure;
    private boolean closed;

    /**
     * @param commit writes every applied change to the store; runs while no write is in progress
     * @param sync forces what {@code commit} wrote to stable storage; runs while writes go on
     * @param whenIdle housekeeping run now and then when nothing is waiting, under the same exclusion as
     *     {@code commit}
     */
    GroupCommit(String name, Runnable commit, Runnable sync, Runnable whenIdle) {
        this.commit = commit;
        this.sync = sync;
        this.whenIdle = whenIdle;
        this.committer = Thread.ofPlatform().name(name).daemon().unstarted(this::commitLoop);
        committer.start();
    }

    /** Runs {@code write} and returns its result once what it changed is durable. */
    <T> T write(Supplier<T> write) {
        failIfBroken();
        long ticket;
        T result;
        boundary.readLock().lock();
        try {
            result = write.get();
        } finally {
            // Even a failed write may have applied part of itself (one document of a batch): it waits too.
            ticket = nextTicket();
            boundary.readLock().unlock();
        }
        awaitDurable(ticket);
        return result;
    }

    /** How many commits have been made durable: with concurrent writers, fewer than the writes. */
    long commits() {
        synchronized (monitor) {
            return commits;
        }
    }

    private long nextTicket() {
        synchronized (monitor) {
            long ticket = ++written;
            monitor.notifyAll();
            return ticket;
        }
    }

    private void awaitDurable(long ticket) {
        boolean interrupted = false;
        synchronized (monitor) {
            while (durable < ticket && failure == null && !closed) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    // The write is applied; leaving before it is durable would acknowledge it too early.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (durable < ticket) {
                throw failure != null ? failure : new IllegalStateException("The embedded store is closing");
            }
        }
    }

    private void failIfBroken() {
        synchronized (monitor) {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void commitLoop() {
        while (true) {
            boolean idle;
            synchronized (monitor) {
                if (durable == written && !closed && failure == null) {
                    try {
                        monitor.wait(IDLE_HOUSEKEEPING_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (failure != null || (closed && durable == written)) {
                    return;
                }
                idle = durable == written;
            }
            // Outside the monitor: writers take the monitor while they hold the shared side of the lock.
            if (idle) {
                runExclusively(whenIdle);
            } else {
                commitOnce();
            }
        }
    }

    private static final long IDLE_HOUSEKEEPING_MILLIS = 5_000;

    private void commitOnce() {
        long covered;
        try {
            boundary.writeLock().lock();
            try {
                synchronized (monitor) {
                    covered = written;
                }
                commit.run();
            } finally {
                boundary.writeLock().unlock();
            }
            sync.run();
        } catch (RuntimeException e) {
            LOG.error("The embedded store could not commit: nothing more is acknowledged", e);
            synchronized (monitor) {
                failure = new IllegalStateException("The embedded store could not commit its writes", e);
                monitor.notifyAll();
            }
            return;
        }
        synchronized (monitor) {
            durable = covered;
            commits++;
            monitor.notifyAll();
        }
    }

    private void runExclusively(Runnable task) {
        boundary.writeLock().lock();
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("Embedded store housekeeping failed: {}", e.toString());
        } finally {
            boundary.writeLock().unlock();
        }
    }

    /** Commits what is still pending, then stops the committer. */
    @Override
    public void close() {
        synchronized (monitor) {
            closed = true;
            monitor.notifyAll();
        }
        try {
            committer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
