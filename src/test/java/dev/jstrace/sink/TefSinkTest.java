package dev.jstrace.sink;

import static dev.jstrace.sink.PerfettoScenario.CHILD;
import static dev.jstrace.sink.PerfettoScenario.PARENT;
import static dev.jstrace.sink.PerfettoScenario.MONO0;
import static dev.jstrace.sink.PerfettoScenario.T0;
import static dev.jstrace.sink.PerfettoScenario.THREAD;
import static dev.jstrace.sink.TefValidator.integer;
import static dev.jstrace.sink.TefValidator.nanos;
import static dev.jstrace.sink.TefValidator.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.TraceEvent;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TEF sink's output, read back with a strict parser and checked against the importers' rules. */
@Tag("unit")
class TefSinkTest {

    private static Map<String, Object> writeScenario() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TefSink sink = new TefSink(bytes, PerfettoScenario.INFO)) {
            for (TraceEvent e : PerfettoScenario.build().events) {
                sink.onEvent(e);
            }
        }
        return TefValidator.validate(bytes.toByteArray());
    }

    private static List<Map<String, Object>> phase(Map<String, Object> root, String ph) {
        return TefValidator.events(root).stream().filter(e -> ph.equals(e.get("ph"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> args(Map<String, Object> e) {
        return (Map<String, Object>) e.get("args");
    }

    @Test
    void scenarioIsValidAndCarriesTheSyscalls() throws Exception {
        Map<String, Object> root = writeScenario();
        List<Map<String, Object>> slices = phase(root, "X");
        // 14 completed calls plus the wait4 still running at the end.
        assertEquals(15, slices.size());
        Map<String, Object> read = slices.stream().filter(e -> e.get("name").equals("read")).findFirst().orElseThrow();
        assertEquals("syscall", read.get("cat"));
        assertEquals(PARENT, integer(read, "pid"));
        assertEquals(PARENT, integer(read, "tid"));
        assertEquals(MONO0 + 310_000, nanos(read, "ts"), "ts is CLOCK_MONOTONIC, exact to the nanosecond");
        assertEquals(2_000, nanos(read, "dur"));
        assertEquals(List.of("3", PerfettoScenario.BINARY_ARG, "832"), args(read).get("args"));
        assertEquals("read(3, " + PerfettoScenario.BINARY_ARG + ", 832) = 832", args(read).get("strace"));
        assertEquals(new java.math.BigDecimal(832), args(read).get("result"), "the result is a number");

        Map<String, Object> failed = slices.stream()
                .filter(e -> e.get("name").equals("openat") && args(e).containsKey("errno")).findFirst().orElseThrow();
        assertEquals("ENOENT", args(failed).get("errno"));
        assertEquals(new java.math.BigDecimal(-1), args(failed).get("result"), "a failure is -1 and its errno");

        Map<String, Object> wait = slices.stream().filter(e -> e.get("name").equals("wait4")).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, args(wait).get("unfinished"));
        assertEquals(MONO0 + 600_000, nanos(wait, "ts"));
        assertEquals(50_000, nanos(wait, "dur"), "an unfinished call lasts until the last event seen");
    }

    @Test
    void overlappingClockReadingsAreClamped() throws Exception {
        List<Map<String, Object>> slices = phase(writeScenario(), "X");
        Map<String, Object> write = slices.stream()
                .filter(e -> e.get("name").equals("write") && integer(e, "tid") == PARENT).findFirst().orElseThrow();
        assertEquals(MONO0 + 312_000, nanos(write, "ts"), "moved to the end of the read before it");
        assertEquals(0, nanos(write, "dur"), "its end (311.000 + 1 us) is before its new start");
    }

    @Test
    void processesAndThreadsAreNamedAndExecRenames() throws Exception {
        List<Map<String, Object>> meta = phase(writeScenario(), "M");
        List<String> parentNames = meta.stream()
                .filter(e -> e.get("name").equals("process_name") && integer(e, "pid") == PARENT)
                .map(e -> string(args(e), "name")).toList();
        assertEquals(List.of("wörker\u0001", "sh -c cat x"), parentNames,
                "named at first sight (the comm: no argv known), renamed by execve");
        List<String> threadNames = meta.stream()
                .filter(e -> e.get("name").equals("thread_name") && integer(e, "tid") == PARENT)
                .map(e -> string(args(e), "name")).toList();
        assertEquals(List.of("wörker\u0001", "sh"), threadNames,
                "/proc's comm at first sight (non-ASCII and control characters survive as valid JSON), then the exec's");
        String worker = meta.stream()
                .filter(e -> e.get("name").equals("thread_name") && integer(e, "tid") == THREAD)
                .map(e -> string(args(e), "name")).findFirst().orElseThrow();
        assertEquals("sh", worker, "clone copies its creator's comm");
        String child = meta.stream()
                .filter(e -> e.get("name").equals("process_name") && integer(e, "pid") == CHILD)
                .map(e -> string(args(e), "name")).findFirst().orElseThrow();
        assertEquals("sh -c cat x", child, "a fork child runs its parent's program");
    }

    @Test
    void reusedPidBecomesASeparateProcess() throws Exception {
        Map<String, Object> root = writeScenario();
        int synthetic = CHILD + PerfettoProcesses.SYNTHETIC_STRIDE;
        Set<Long> childPids = phase(root, "X").stream()
                .filter(e -> integer(e, "tid") % PerfettoProcesses.SYNTHETIC_STRIDE == CHILD)
                .map(e -> integer(e, "pid")).collect(Collectors.toSet());
        assertEquals(Set.of((long) CHILD, (long) synthetic), childPids);
        Map<String, Object> getpid = phase(root, "X").stream()
                .filter(e -> e.get("name").equals("getpid")).findFirst().orElseThrow();
        assertEquals(synthetic, integer(getpid, "pid"));
        assertEquals(CHILD, integer(args(getpid), "realPid"), "the real pid is kept in args");
        assertEquals(CHILD, integer(args(getpid), "realTid"));
    }

    @Test
    void forksAreLinkedToTheChildsFirstSlice() throws Exception {
        Map<String, Object> root = writeScenario();
        List<Map<String, Object>> starts = phase(root, "s");
        List<Map<String, Object>> ends = phase(root, "f");
        // fork (child ran before clone returned), thread (clone returned first), vfork into the reused pid.
        assertEquals(3, starts.size());
        Set<Long> childTids = ends.stream().map(e -> integer(e, "tid")).collect(Collectors.toSet());
        assertEquals(Set.of((long) CHILD, (long) THREAD, (long) CHILD + PerfettoProcesses.SYNTHETIC_STRIDE), childTids);
        assertTrue(starts.stream().allMatch(e -> integer(e, "tid") == PARENT));
    }

    @Test
    void signalsAndExitsAreInstants() throws Exception {
        List<Map<String, Object>> instants = phase(writeScenario(), "i");
        Map<String, Object> sigchld = instants.stream()
                .filter(e -> e.get("name").equals("SIGCHLD")).findFirst().orElseThrow();
        assertEquals("t", sigchld.get("s"));
        assertEquals("signal", sigchld.get("cat"));
        assertTrue(string(args(sigchld), "strace").startsWith("--- SIGCHLD {si_signo=SIGCHLD"));
        Map<String, Object> exited = instants.stream()
                .filter(e -> e.get("name").equals("process exited")).findFirst().orElseThrow();
        assertEquals("p", exited.get("s"), "a process exit is process-scoped");
        assertEquals(0, integer(args(exited), "status"));
        assertEquals("+++ exited with 0 +++", args(exited).get("strace"));
        Map<String, Object> killed = instants.stream()
                .filter(e -> e.get("name").equals("process killed")).findFirst().orElseThrow();
        assertEquals(9, integer(args(killed), "status"));
        assertTrue(instants.stream().anyMatch(e -> e.get("name").equals("thread exited") && "t".equals(e.get("s"))));
    }

    @Test
    void theFirstEventRecordsTheClockAndTheWallClockStart() throws Exception {
        Map<String, Object> first = TefValidator.events(writeScenario()).getFirst();
        assertEquals("i", first.get("ph"));
        assertEquals("g", first.get("s"), "a global instant: the importer keeps its args");
        assertEquals(MONO0, nanos(first, "ts"), "at the first event");
        assertEquals("CLOCK_MONOTONIC", args(first).get("clock"));
        assertEquals(java.time.Instant.ofEpochSecond(0, T0).toString(), args(first).get("wallClockStart"));
        assertEquals(Long.toString(T0), args(first).get("wallClockStartNanos"), "a string: above 2^53");
        assertEquals(Long.toString(MONO0), args(first).get("monotonicStartNanos"));
    }

    @Test
    void closeIsIdempotentAndLaterEventsAreIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        TefSink sink = new TefSink(file, PerfettoProcessInfo.NONE);
        sink.onEvent(PerfettoScenario.streamEvent(0));
        sink.onEvent(PerfettoScenario.streamEvent(1));
        sink.close();
        sink.close();
        sink.onEvent(PerfettoScenario.streamEvent(2));
        sink.onEnd();
        Map<String, Object> root = TefValidator.validate(Files.readAllBytes(file));
        assertEquals(1, phase(root, "X").size());
    }

    @Test
    void closingFromAnotherThreadMidStreamLeavesAValidFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("interrupted.json");
        TefSink sink = new TefSink(file, PerfettoProcessInfo.NONE);
        AtomicLong written = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            for (long i = 0; !stop.get(); i++) {
                sink.onEvent(PerfettoScenario.streamEvent(i));
                written.set(i);
                if (i == 1000) {
                    running.countDown();
                }
            }
        });
        producer.start();
        running.await();
        sink.close(); // what a SIGINT shutdown hook does while the consumer is mid-write
        long atClose = written.get();
        Thread.sleep(20); // the producer keeps calling onEvent on the closed sink meanwhile
        stop.set(true);
        producer.join(10_000);
        Map<String, Object> root = TefValidator.validate(Files.readAllBytes(file));
        long slices = phase(root, "X").size();
        assertTrue(slices >= 1000 && slices <= atClose + 2, "kept what was written before close: " + slices);
    }
}
