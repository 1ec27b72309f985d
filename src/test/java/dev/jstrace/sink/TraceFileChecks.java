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
     * Reads a TEF file that may have been cut anywhere, by the rules of
     * Perfetto's JSON tokenizer (a bare array may lack its closing bracket,
     * a cut-off last event is dropped); returns the complete events' pids
     * in order, failing on anything the tokenizer would reject.
     */
    public static java.util.List<Long> tefTruncatedEventPids(byte[] file) throws IOException {
        return TefValidator.events(TefValidator.validateTruncated(file)).stream()
                .map(e -> TefValidator.integer(e, "pid")).toList();
    }

    /**
     * Decodes and checks a Perfetto trace; {@code complete} also demands every slice
     * ended and no cut packet. Returns the number of matched slices.
     */
    public static int perfettoSlices(byte[] file, boolean complete) {
        return PerfettoTraceChecker.check(file, complete).slices.size();
    }
}
