package dev.jstrace.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jstrace.TraceOptions;
import dev.jstrace.TracedProcess;
import dev.jstrace.Tracer;
import dev.jstrace.sink.PerfettoTraceChecker.Event;
import dev.jstrace.sink.PerfettoTraceChecker.Pointer;
import dev.jstrace.sink.PerfettoTraceChecker.Slice;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One live trace of a small multi-threaded program written by the Perfetto
 * sink, checked for what a Perfetto user relies on: per-thread sequences,
 * typed arguments, calls that never return, and timestamps in the kernel's
 * CLOCK_MONOTONIC with a snapshot that matches the clocks read here.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PerfettoLiveTraceTest {
    private static final int CLOCK_REALTIME = 0;
    private static final int CLOCK_MONOTONIC = 1;
    private static final int CLOCK_BOOTTIME = 7;
    /** libc's clock_gettime, bound here apart from jstrace's own bindings. */
    private static final MethodHandle CLOCK_GETTIME = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("clock_gettime").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));

    private static PerfettoTraceChecker trace;
    private static long monotonicBefore;
    private static long monotonicAfter;
    private static long realMinusMono;
    private static long bootMinusMono;

    static long clock(int id) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ts = arena.allocate(16, 8);
            int r = (int) CLOCK_GETTIME.invokeExact(id, ts);
            assertEquals(0, r, "clock_gettime(" + id + ")");
            return ts.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + ts.get(ValueLayout.JAVA_LONG, 8);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    @BeforeAll
    static void traceAThreadedProgram(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3 for a threaded tracee");
        Path file = dir.resolve("live.pftrace");
        monotonicBefore = clock(CLOCK_MONOTONIC);
        try (PerfettoSink sink = new PerfettoSink(file)) {
            TracedProcess p = Tracer.launch(new ProcessBuilder("/usr/bin/python3", "-S", "-c", String.join("\n",
                    "import threading, os",
                    "def work(): open('/etc/hostname').read()",
                    "t = threading.Thread(target=work); t.start(); t.join()",
                    "r, w = os.pipe(); f = os.open('/etc/passwd', os.O_RDONLY); d = os.dup(f)",
                    "for x in (f, d, r, w): os.close(x)",
                    "os.write(1, b'')")).redirectOutput(ProcessBuilder.Redirect.DISCARD),
                    TraceOptions.defaults(), sink);
            assertEquals(0, p.waitFor());
            p.awaitTraceEnd();
        }
        monotonicAfter = clock(CLOCK_MONOTONIC);
        long m0 = clock(CLOCK_MONOTONIC);
        long real = clock(CLOCK_REALTIME);
        long boot = clock(CLOCK_BOOTTIME);
        long m1 = clock(CLOCK_MONOTONIC);
        realMinusMono = real - (m0 + m1) / 2;
        bootMinusMono = boot - (m0 + m1) / 2;
        trace = PerfettoTraceChecker.check(Files.readAllBytes(file), true);
    }

    @Test
    void timestampsAreTheKernelsMonotonicClock() {
        for (Event e : trace.events) {
            assertTrue(e.ts() >= monotonicBefore && e.ts() <= monotonicAfter,
                    "event at " + e.ts() + " outside the run [" + monotonicBefore + ", " + monotonicAfter + "]");
        }
        long snapMono = trace.clocks.get(3L);
        assertTrue(snapMono >= monotonicBefore && snapMono <= monotonicAfter, "the snapshot was taken in the run");
        long ms = 1_000_000;
        assertTrue(Math.abs(trace.clocks.get(1L) - snapMono - realMinusMono) < 5 * ms,
                "REALTIME - MONOTONIC in the snapshot matches clock_gettime's: "
                        + (trace.clocks.get(1L) - snapMono) + " vs " + realMinusMono);
        assertTrue(Math.abs(trace.clocks.get(6L) - snapMono - bootMinusMono) < 5 * ms,
                "BOOTTIME - MONOTONIC in the snapshot matches clock_gettime's: " + (trace.clocks.get(6L) - snapMono) + " vs " + bootMinusMono);
    }

    @Test
    void eachThreadWritesItsOwnSequence() {
        Map<Long, Long> sequenceOfTrack = new HashMap<>();
        for (Event e : trace.events) {
            if (e.type() == 1 || e.type() == 2) {
                Long old = sequenceOfTrack.put(e.track(), e.sequence());
                assertTrue(old == null || old == e.sequence(), "a thread's slices stay on one sequence");
            }
        }
        assertTrue(sequenceOfTrack.size() >= 2, "the main thread and the worker");
        assertEquals(sequenceOfTrack.size(), sequenceOfTrack.values().stream().distinct().count(),
                "one sequence per thread");
    }

    @Test
    void argumentsAndResultsAreTyped() {
        Slice openat = trace.slices.stream().filter(s -> s.name().equals("openat")
                && "/etc/hostname".equals(s.args().get("arg1"))).findFirst().orElseThrow();
        assertEquals("AT_FDCWD", openat.args().get("arg0"));
        assertInstanceOf(Long.class, openat.args().get("result"), "an fd is an int_value");
        long fd = (Long) openat.args().get("result");
        Slice read = trace.slices.stream().filter(s -> s.name().equals("read")
                && Long.valueOf(fd).equals(s.args().get("arg0"))).findFirst().orElseThrow();
        assertInstanceOf(Long.class, read.args().get("result"));
        Slice mmap = trace.slices.stream().filter(s -> s.name().equals("mmap")).findFirst().orElseThrow();
        assertInstanceOf(Pointer.class, mmap.args().get("result"), "an address is a pointer_value");
        assertTrue(trace.slices.stream().anyMatch(s -> s.args().values().stream().anyMatch(v -> v instanceof Map)),
                "a struct argument is a nested dict");
    }

    @Test
    void theOpenFdsCounterFollowsTheDecodedCalls() {
        long proc = trace.tracks.values().stream().filter(t -> t.tid() == null && !t.counter()).findFirst()
                .orElseThrow().uuid();
        long counter = trace.counterTrack(proc, "open fds");
        Slice pipe = trace.slices.stream().filter(s -> s.name().startsWith("pipe")).reduce((a, b) -> b).orElseThrow();
        Slice open = trace.slices.stream().filter(s -> s.name().equals("openat")
                && "/etc/passwd".equals(s.args().get("arg1"))).findFirst().orElseThrow();
        // os.dup is fcntl(F_DUPFD_CLOEXEC) or dup, whichever this Python uses: the next call on the thread.
        Slice dup = trace.slices.stream().filter(s -> s.track() == open.track() && s.start() >= open.end())
                .min(java.util.Comparator.comparingLong(Slice::start)).orElseThrow();
        long afterPipe = valueAt(counter, pipe.end());
        assertEquals(afterPipe + 2, valueAt(counter, dup.end()), "open and dup add one each");
        List<Slice> closes = trace.slices.stream().filter(s -> s.name().equals("close") && s.start() > dup.end())
                .limit(4).toList();
        assertEquals(4, closes.size());
        assertEquals(afterPipe - 2, valueAt(counter, closes.getLast().end()), "four closes take them and the pipe");
    }

    private static long valueAt(long counter, long ts) {
        return trace.events.stream().filter(e -> e.track() == counter && e.ts() <= ts)
                .reduce((a, b) -> b).orElseThrow().counterValue();
    }

    @Test
    void exitGroupEndsWithTheProcessNotUnfinished() {
        Slice exit = trace.slices.stream().filter(s -> s.name().equals("exit_group")).findFirst().orElseThrow();
        assertEquals("exit", exit.args().get("ended_by"));
        assertFalse(exit.args().containsKey("unfinished"));
        assertFalse(exit.args().containsKey("result"), "it never returns");
        Event exited = trace.events.stream().filter(e -> "process exited".equals(e.name())).findFirst().orElseThrow();
        assertEquals(exited.ts(), exit.end(), "the slice lasts until the process is gone");
        List<Slice> unfinished = trace.slices.stream().filter(s -> s.args().containsKey("unfinished")).toList();
        assertTrue(unfinished.isEmpty(), "nothing is left unfinished in a trace that ran to its end: " + unfinished);
    }
}
