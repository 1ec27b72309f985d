package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.sink.TraceFileChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tef FILE} when jstrace itself is killed with SIGKILL mid-trace: no
 * shutdown hook runs, so the file ends wherever the last flush left it, and
 * it must still be what Perfetto's JSON tokenizer accepts (a bare array
 * without its closing bracket, the cut-off last event dropped).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TefAfterSigkillTest {

    @Test
    void theFileLeftBySigkillLoadsAsATruncatedBareArray(@TempDir Path dir) throws Exception {
        Path tef = dir.resolve("killed.json");
        // Busy enough to keep the sink writing, finite so that the tracee ends on its own after the kill.
        CliProcess jstrace = CliProcess.jstrace(dir, "-f", "--tef", tef.toString(), "/bin/sh", "-c",
                "i=0; while [ $i -lt 400 ]; do cat /etc/hostname >/dev/null; i=$((i+1)); done; sleep 2");
        CliProcess.await("the TEF file to pass 64 KiB", () -> Files.exists(tef) && Files.size(tef) > 64 * 1024);
        jstrace.process.destroyForcibly(); // SIGKILL
        assertTrue(jstrace.process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(128 + 9, jstrace.process.exitValue(), "killed by SIGKILL");
        byte[] file = Files.readAllBytes(tef);
        List<Long> pids = TraceFileChecks.tefTruncatedEventPids(file);
        try {
            assertEquals('[', (char) file[0], "the bare-array form");
            assertNotEquals(']', (char) file[file.length - 1], "the file really is cut short");
            assertTrue(pids.size() > 100, "the events before the cut load: " + pids.size());
        } finally {
            for (long pid : pids.stream().distinct().toList()) {
                if (pid > 0) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // the detached tracees
                }
            }
        }
    }
}
