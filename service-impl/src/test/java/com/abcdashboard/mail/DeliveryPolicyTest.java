package com.abcdashboard.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
    @Test
    void retriesAfterThirtySecondsThenDoublesUpToTheCap() {
        DeliveryPolicy policy = new DeliveryPolicy(
                20, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofSeconds(5));

        assertThat(IntStream.rangeClosed(1, 7).mapToObj(policy::retryDelay))
                .containsExactly(
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(8),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(10));
        assertThat(policy.retryDelay(10_000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theDefaultGivesUpAfterEightAttemptsSpreadOverAboutAnHour() {
        DeliveryPolicy policy = DeliveryPolicy.DEFAULT;
        Duration waited = IntStream.range(1, policy.maxAttempts())
                .mapToObj(policy::retryDelay)
                .reduce(Duration.ZERO, Duration::plus);

        assertThat(policy.isLastAttempt(7)).isFalse();
        assertThat(policy.isLastAttempt(8)).isTrue();
        assertThat(waited).isBetween(Duration.ofMinutes(60), Duration.ofMinutes(70));
    }

    @Test
    void refusesAPolicyThatCouldNeverSend() {
        assertThatThrownBy(() -> DeliveryPolicy.DEFAULT.withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
