package dev.jstrace.sink;

import java.io.IOException;

/**
 * The TEF and Perfetto file checkers of this package, opened to tests elsewhere
 * (the command line's tests check the files {@code --tef} and {@code --perfetto} wrote).
 */
public final class TraceFileChecks {
    private TraceFileChecks() {}

    /** Validates a TEF file strictly (UTF-8, JSON, the importers' rules); returns its event count. */
    public static int tefEvents(byte[] file) throws IOException {
        return TefValidator.events(TefValidator.validate(file)).size();
    }

    /**
     * Decodes and checks a Perfetto trace; {@code complete} also demands every slice
     * ended and no cut packet. Returns the number of matched slices.
     */
    public static int perfettoSlices(byte[] file, boolean complete) {
        return PerfettoTraceChecker.check(file, complete).slices.size();
    }
}
