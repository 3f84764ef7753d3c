package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after every other e2e class (see junit-platform.properties) and fails when an operation of the
 * spec got no answer in the whole suite: every documented operation must be exercised by some test.
 * In a partial run (one class picked with -Dtest) it is skipped.
 */
@ExtendWith(RunningService.class)
@Order(Integer.MAX_VALUE)
class OperationCoverageTest {
    /** Fewer operations than this were exercised: a partial run, not the suite. */
    private static final int PARTIAL_RUN = 10;

    @Test
    void everyDocumentedOperationIsExercisedByTheSuite() {
        Set<String> exercised = OperationCoverage.exercised();
        Assumptions.assumeTrue(exercised.size() >= PARTIAL_RUN, "partial run: " + exercised.size() + " operations");
        Set<String> missing = new TreeSet<>(OperationCoverage.documented());
        missing.removeAll(exercised);
        assertThat(missing).as("operations no e2e test calls").isEmpty();
    }
}
