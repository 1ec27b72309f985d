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
 * <p>The targets are not this JVM's children: see {@link Daemons}.
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

    static int daemon(Path dir, String... cmd) throws Exception {
        return Daemons.start(dir, "out", cmd);
    }

    static int awaitStatus(Path dir) throws Exception {
        return Daemons.awaitStatus(dir);
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
