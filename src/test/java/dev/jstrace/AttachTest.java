package dev.jstrace;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attaching to a running process and detaching from it leaves it healthy.
 *
 * <p>The targets are not this JVM's children: the JDK's reaper thread waits
 * for its own children with waitpid() and no __WNOTHREAD, and the kernel lets
 * any thread of the tracer's process collect a tracee's ptrace stops, so it
 * would steal them. A double fork through sh makes the target a grandchild
 * whose parent (a subshell) records its exit status in a file.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AttachTest {
    private static final String LOOP = String.join("\n",
            "import time, sys, os",
            "sys.stdout.write('ready\\n'); sys.stdout.flush()",
            "n = 0",
            "for i in range(40):",
            "    time.sleep(0.05); n += len(os.listdir('/'))",
            "print('finished', n > 0)",
            "sys.exit(5)");

    /** Starts {@code cmd} as a grandchild; returns its pid once it has printed its first line. */
    static int daemon(Path dir, String... cmd) throws Exception {
        Path out = dir.resolve("out");
        Path status = dir.resolve("status");
        StringBuilder q = new StringBuilder();
        for (String c : cmd) q.append(" '").append(c.replace("'", "'\\''")).append("'");
        String script = "(" + q + " > " + out + " 2>&1 & echo $! > " + dir.resolve("pid")
                + "; wait $!; echo $? > " + status + ".tmp; mv " + status + ".tmp " + status + ") &";
        assertEquals(0, new ProcessBuilder("sh", "-c", script).start().waitFor());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(dir.resolve("pid")) && Files.exists(out) && Files.size(out) > 0) {
                return Integer.parseInt(Files.readString(dir.resolve("pid")).trim());
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the daemon did not start");
    }

    static int awaitStatus(Path dir) throws Exception {
        Path status = dir.resolve("status");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.exists(status) && System.nanoTime() < deadline) Thread.sleep(20);
        return Integer.parseInt(Files.readString(status).trim());
    }

    @Test
    void attachThenDetachLetsTheLoopFinishNormally(@TempDir Path dir) throws Exception {
        int pid = daemon(dir, "python3", "-c", LOOP);
        Trace trace;
        try (Attachment a = Tracer.attach(pid)) {
            Thread.sleep(300);
            trace = a.trace();
        }
        assertEquals(5, awaitStatus(dir), "exit status unchanged by the attach");
        assertEquals("ready\nfinished True\n", Files.readString(dir.resolve("out")));
        assertTrue(trace.syscalls().stream().anyMatch(s -> s.name().equals("clock_nanosleep")
                || s.name().equals("select") || s.name().equals("pselect6")), trace.toString());
        assertTrue(trace.events().stream().anyMatch(e -> e instanceof ProcessEvent pe
                && pe.kind() == ProcessEvent.Kind.DETACHED));
    }

    @Test
    void detachFromAnIdleProcessDoesNotHang(@TempDir Path dir) throws Exception {
        int pid = daemon(dir, "sh", "-c", "echo up; exec sleep 3");
        long t0 = System.nanoTime();
        try (Attachment a = Tracer.attach(pid)) {
            Thread.sleep(100);
        }
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "detach wakes the loop even when the tracee sleeps");
        String state = dev.jstrace.proc.ProcTasks.status(pid, "State");
        assertNotNull(state);
        assertEquals("S", state.substring(0, 1), "sleeping, not stopped: " + state);
        assertEquals(0, awaitStatus(dir));
    }

    @Test
    void missingPidIsExplained() {
        TraceRefusedException e = assertThrows(TraceRefusedException.class, () -> Tracer.attach(999_999_999));
        assertTrue(e.getMessage().contains("ESRCH") || e.getMessage().contains("No such process"), e.getMessage());
    }

    @Test
    void alreadyTracedProcessIsExplained(@TempDir Path dir) throws Exception {
        int pid = daemon(dir, "sh", "-c", "echo up; exec sleep 2");
        try (Attachment first = Tracer.attach(pid)) {
            TraceRefusedException e = assertThrows(TraceRefusedException.class, () -> Tracer.attach(pid));
            assertTrue(e.getMessage().contains("already traced"), e.getMessage());
        }
        assertEquals(0, awaitStatus(dir));
    }
}
