package dev.jstrace.stress;

import org.junit.jupiter.api.Tag;

/** {@link HostileTraceeTest} with 50,000 random calls under four renderings; run by {@code scripts/test --stress}. */
@Tag("stress")
class HostileTraceeFullTest extends HostileTraceeTest {
    @Override
    boolean full() {
        return true;
    }
}
