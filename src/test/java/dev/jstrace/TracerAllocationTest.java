package dev.jstrace;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tracer thread allocates nothing per stop once warmed up (issue 7,
 * target 5): measured with the JVM's per-thread allocation counter while a
 * real dd makes one-byte reads and writes.
 */
class TracerAllocationTest {
    @Test
    @Timeout(120)
    void tracerThreadAllocatesNothingPerSyscallInTheSteadyState() throws Exception {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs the HotSpot per-thread allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AtomicLong calls = new AtomicLong();
        long[] window = new long[4]; // tracer thread id, its bytes at the window's start, at its end, calls
        // Steady state: from when the ring (16k slots, each made on first use) has gone round.
        long from = 10_000;
        long to = 30_000;
        TraceListener listener = e -> {
            if (!(e instanceof Syscall)) return;
            long n = calls.incrementAndGet();
            if (n == from) {
                window[0] = tracerThreadId();
                window[1] = mx.getThreadAllocatedBytes(window[0]);
            } else if (n == to) {
                window[2] = mx.getThreadAllocatedBytes(window[0]);
            }
        };
        TracedProcess p = Tracer.launch(new ProcessBuilder("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=20000")
                .redirectErrorStream(true), TraceOptions.defaults(), listener);
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        assertTrue(calls.get() > to, "dd made " + calls.get() + " calls");
        long bytes = window[2] - window[1];
        // Before the slot ring, each stop allocated ~436 B (records, argument and memory copies, boxing).
        assertTrue(bytes < 32 * 1024, "tracer thread allocated " + bytes + " B over " + (to - from) + " syscalls");
    }

    private static long tracerThreadId() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("jstrace-tracer-dd") && t.isAlive()) {
                return t.threadId();
            }
        }
        throw new AssertionError("no tracer thread");
    }
}
