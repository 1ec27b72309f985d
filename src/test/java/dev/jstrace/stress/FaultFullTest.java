package dev.jstrace.stress;

import org.junit.jupiter.api.Tag;

/** {@link FaultTest} with more rounds at random moments and a longer slow run; run by {@code scripts/test --stress}. */
@Tag("stress")
class FaultFullTest extends FaultTest {
    @Override
    boolean full() {
        return true;
    }
}
