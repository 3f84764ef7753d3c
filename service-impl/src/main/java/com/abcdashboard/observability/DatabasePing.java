package com.abcdashboard.observability;

import java.time.Duration;
import java.util.Optional;

/** One round trip to the database: its time, or empty when the database did not answer. */
@FunctionalInterface
public interface DatabasePing {
    Optional<Duration> ping();
}
