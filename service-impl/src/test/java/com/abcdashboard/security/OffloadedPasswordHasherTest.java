package com.abcdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.abcdashboard.domain.auth.PasswordHasher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OffloadedPasswordHasherTest {
    private final List<OffloadedPasswordHasher> opened = new ArrayList<>();

    @AfterEach
    void closeHashers() {
        opened.forEach(OffloadedPasswordHasher::close);
    }

    private OffloadedPasswordHasher offloaded(PasswordHasher hasher, int threads) {
        OffloadedPasswordHasher offloaded = new OffloadedPasswordHasher(hasher, threads);
        opened.add(offloaded);
        return offloaded;
    }

    @Test
    void answersAreTheWrappedHashersAnswers() {
        OffloadedPasswordHasher hasher = offloaded(new BcryptPasswordHasher(4), 2);

        String hash = hasher.hash("Correct-Horse-9");

        assertThat(hash).startsWith("$2b$04$");
        assertThat(hasher.matches("Correct-Horse-9", hash)).isTrue();
        assertThat(hasher.matches("Correct-Horse-8", hash)).isFalse();
        assertThat(hasher.matchesNothing("Correct-Horse-9")).isFalse();
    }

    @Test
    void aVirtualThreadCallerHasItsHashComputedOnAPlatformHashingThread() throws InterruptedException {
        AtomicReference<Thread> computedOn = new AtomicReference<>();
        OffloadedPasswordHasher hasher = offloaded(new RecordingHasher(computedOn), 1);

        Thread caller = Thread.ofVirtual().start(() -> hasher.hash("Correct-Horse-9"));
        caller.join();

        assertThat(computedOn.get().isVirtual()).isFalse();
        assertThat(computedOn.get().getName()).startsWith("password-hashing-");
    }

    @Test
    void noMoreHashesRunAtOnceThanThereAreHashingThreads() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        BlockingHasher blocking = new BlockingHasher(release);
        OffloadedPasswordHasher hasher = offloaded(blocking, 2);
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            callers.add(Thread.ofVirtual().start(() -> hasher.hash("Correct-Horse-9")));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> blocking.running.get() == 2);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> callers.stream().allMatch(c -> c.getState() == Thread.State.WAITING));
        assertThat(blocking.running.get()).isEqualTo(2);
        release.countDown();
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(blocking.mostAtOnce.get()).isEqualTo(2);
        assertThat(blocking.finished.get()).isEqualTo(3);
    }

    @Test
    void aFailureOfTheWrappedHasherReachesTheCallerUnchanged() {
        OffloadedPasswordHasher hasher = offloaded(new FailingHasher(), 1);

        assertThatThrownBy(() -> hasher.matches("Correct-Horse-9", "$2b$04$x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad hash");
    }

    @Test
    void afterCloseNothingMoreIsHashed() {
        OffloadedPasswordHasher hasher = offloaded(new BcryptPasswordHasher(4), 1);

        hasher.close();

        assertThatThrownBy(() -> hasher.hash("Correct-Horse-9")).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void atLeastOneHashingThreadIsRequired() {
        assertThatThrownBy(() -> new OffloadedPasswordHasher(new BcryptPasswordHasher(4), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private record RecordingHasher(AtomicReference<Thread> computedOn) implements PasswordHasher {
        @Override
        public String hash(String password) {
            computedOn.set(Thread.currentThread());
            return "hash";
        }

        @Override
        public boolean matches(String password, String hash) {
            return false;
        }

        @Override
        public boolean matchesNothing(String password) {
            return false;
        }
    }

    private static final class BlockingHasher implements PasswordHasher {
        private final CountDownLatch release;
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();

        BlockingHasher(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public String hash(String password) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            finished.incrementAndGet();
            return "hash";
        }

        @Override
        public boolean matches(String password, String hash) {
            return false;
        }

        @Override
        public boolean matchesNothing(String password) {
            return false;
        }
    }

    private static final class FailingHasher implements PasswordHasher {
        @Override
        public String hash(String password) {
            throw new IllegalArgumentException("bad hash");
        }

        @Override
        public boolean matches(String password, String hash) {
            throw new IllegalArgumentException("bad hash");
        }

        @Override
        public boolean matchesNothing(String password) {
            return false;
        }
    }
}
