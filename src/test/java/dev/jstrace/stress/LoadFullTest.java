package dev.jstrace.stress;

import org.junit.jupiter.api.Tag;

/** {@link LoadTest} at the sizes (32 threads x 5,000 calls, 200 children); run by {@code scripts/test --stress}. */
@Tag("stress")
class LoadFullTest extends LoadTest {
    @Override
    boolean full() {
        return true;
    }
}
