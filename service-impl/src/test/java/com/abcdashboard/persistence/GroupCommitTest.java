package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong synced = new AtomicLong();

    @Test
    void aWriteReturnsOnlyOnceACommitCoveringItIsSynced() {
        try (GroupCommit commits = new GroupCommit("test-commit", this::commit, this::sync, () -> {})) {
            for (int i = 0; i < 50; i++) {
                long mine = commits.write(applied::incrementAndGet);

                assertThat(synced.get()).isGreaterThanOrEqualTo(mine);
            }
        }
    }

    @Test
    void writersThatRunWhileACommitIsSyncedShareTheNextCommit() throws Exception {
        int writers = 16;
        CountDownLatch allApplied = new CountDownLatch(writers);
        CountDownLatch firstSync = new CountDownLatch(1);
        Runnable slowFirstSync = () -> {
            if (firstSync.getCount() > 0) {
                firstSync.countDown();
                await(allApplied);
            }
            sync();
        };
        try (GroupCommit commits = new GroupCommit("test-commit", this::commit, slowFirstSync, () -> {})) {
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                threads.add(Thread.ofPlatform()
                        .start(() -> commits.write(() -> {
                            allApplied.countDown();
                            return applied.incrementAndGet();
                        })));
            }
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }

            assertThat(synced.get()).isEqualTo(writers);
            // The first commit covers the writes applied before it; every other write rides the second.
            assertThat(commits.commits()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aFailedCommitFailsTheWriteWaitingOnItAndEveryLaterOne() {
        Runnable failing = () -> {
            throw new IllegalStateException("disk full");
        };
        try (GroupCommit commits = new GroupCommit("test-commit", failing, this::sync, () -> {})) {
            assertThatThrownBy(() -> commits.write(applied::incrementAndGet))
                    .isInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("disk full");
            assertThatThrownBy(() -> commits.write(applied::incrementAndGet)).isInstanceOf(IllegalStateException.class);
            assertThat(applied.get()).as("nothing applied once commits fail").isEqualTo(1);
        }
    }

    private void commit() {
        committed.set(applied.get());
    }

    private void sync() {
        synced.set(committed.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
