package dev.jstrace.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a python3 snippet under the installed strace and returns what strace printed (the oracle for names). */
final class StraceOracle {
    private StraceOracle() {}

    /**
     * {@code strace -qq -e trace=FILTER python3 -c SNIPPET}'s stderr; skips the
     * test (saying why) where strace or python3 is missing or cannot trace.
     */
    static String run(String filter, String snippet) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("strace", "-e", "trace=" + filter, "-qq", "python3", "-c", snippet));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "strace or python3 not installed");
            throw e;
        }
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assumeTrue(p.exitValue() == 0, "strace could not trace here: " + err);
        return err;
    }
}
