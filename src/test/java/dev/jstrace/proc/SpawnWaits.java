package dev.jstrace.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jstrace.ffi.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Waits on a spawned child without ever blocking forever: polls wait4 with
 * WNOHANG until a deadline, then SIGKILLs the child and fails, so a hung
 * child fails its test instead of hanging the suite.
 */
final class SpawnWaits {
    private SpawnWaits() {}

    static final long TIMEOUT_MS = 10_000;

    /** The wait status of the next change of {@code pid} (stop or exit). */
    static int waitStatus(int pid) {
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(ValueLayout.JAVA_INT);
            while (true) {
                int r = Libc.wait4(pid, status, Libc.WUNTRACED | Libc.__WALL | Libc.WNOHANG, MemorySegment.NULL);
                if (r == pid) return status.get(ValueLayout.JAVA_INT, 0);
                if (r < 0 && r != -4) fail("wait4(" + pid + ") = " + r);
                if (System.nanoTime() > deadline) {
                    Libc.kill(pid, Libc.SIGKILL);
                    Libc.wait4(pid, status, Libc.__WALL, MemorySegment.NULL);
                    fail("child " + pid + " neither stopped nor exited within " + TIMEOUT_MS + " ms");
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    /** Waits for the self-SIGSTOP before the execve, and lets the child go on. */
    static void expectStopThenContinue(int pid) {
        int st = waitStatus(pid);
        assertEquals(0x7f, st & 0xff, () -> "expected a stop, wait status 0x" + Integer.toHexString(st));
        assertEquals(Libc.SIGSTOP, (st >> 8) & 0xff, "stopped by SIGSTOP");
        assertEquals(0, Libc.kill(pid, Libc.SIGCONT));
    }

    /** Waits for the exit and returns the exit status; fails on a kill by signal or a stop. */
    static int exitStatus(int pid) {
        int st = waitStatus(pid);
        assertEquals(0, st & 0x7f, () -> "expected an exit, wait status 0x" + Integer.toHexString(st));
        return (st >> 8) & 0xff;
    }
}
