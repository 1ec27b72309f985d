package dev.jstrace.sink;

import static dev.jstrace.sink.PerfettoScenario.CHILD;
import static dev.jstrace.sink.PerfettoScenario.PARENT;
import static dev.jstrace.sink.PerfettoScenario.MONO0;
import static dev.jstrace.sink.PerfettoScenario.THREAD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.TraceEvent;
import dev.jstrace.sink.PerfettoTraceChecker.Event;
import dev.jstrace.sink.PerfettoTraceChecker.Slice;
import dev.jstrace.sink.PerfettoTraceChecker.Track;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Perfetto sink's protobuf, decoded by a reader written apart from the sink and checked for structure. */
@Tag("unit")
class PerfettoSinkTest {

    private static byte[] writeScenario() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PerfettoSink sink = new PerfettoSink(bytes, PerfettoScenario.INFO)) {
            for (TraceEvent e : PerfettoScenario.build().events) {
                sink.onEvent(e);
            }
        }
        return bytes.toByteArray();
    }

    private static Slice slice(PerfettoTraceChecker c, String name) {
        return c.slices.stream().filter(s -> name.equals(s.name())).findFirst().orElseThrow();
    }

    @Test
    void scenarioDecodesWithTracksInterningAndMatchedSlices() {
        PerfettoTraceChecker c = PerfettoTraceChecker.check(writeScenario(), true);
        assertEquals(15, c.slices.size(), "14 completed calls and the unfinished wait4");
        Slice read = slice(c, "read");
        assertEquals(MONO0 + 310_000, read.start(), "timestamps are the CLOCK_MONOTONIC nanoseconds of the stops");
        assertEquals(MONO0 + 312_000, read.end());
        assertEquals("3", read.args().get("arg0"), "no decoded values in the scenario: the texts stand in");
        assertEquals(PerfettoScenario.BINARY_ARG, read.args().get("arg1"));
        assertEquals(832L, read.args().get("result"), "the result is a number");
        assertEquals("read(3, " + PerfettoScenario.BINARY_ARG + ", 832) = 832", read.args().get("strace"));
        Slice wait = slice(c, "wait4");
        assertEquals(true, wait.args().get("unfinished"));
        assertEquals(MONO0 + 650_000, wait.end(), "an unfinished call lasts until the last event seen");
        Slice failed = c.slices.stream().filter(s -> s.args().containsKey("errno")).findFirst().orElseThrow();
        assertEquals("ENOENT", failed.args().get("errno"));
    }

    @Test
    void threadTracksHangUnderTheirProcessAndExecRenames() {
        PerfettoTraceChecker c = PerfettoTraceChecker.check(writeScenario(), true);
        Track parent = c.processTracks(PARENT).getFirst();
        assertEquals(List.of("wörker\u0001", "sh"), c.processNames.get(parent.uuid()),
                "the comm while no argv is known, then the exec'd program; no [pid] suffix");
        assertEquals(List.of("sh", "-c", "cat x"), c.cmdlines.get(parent.uuid()), "the exec's argv, element by element");
        Track worker = c.tracks.values().stream()
                .filter(t -> t.tid() != null && t.tid() == THREAD).findFirst().orElseThrow();
        assertEquals(parent.uuid(), worker.parent());
        assertEquals("sh", worker.name(), "clone copies its creator's comm");
        assertEquals(List.of("wörker\u0001", "sh"), c.threadNameHistory.get(PARENT),
                "/proc's comm at first sight (non-ASCII and a control char intact), then the exec'd program's");
    }

    @Test
    void reusedPidGetsItsOwnProcessTrack() {
        PerfettoTraceChecker c = PerfettoTraceChecker.check(writeScenario(), true);
        assertEquals(1, c.processTracks(CHILD).size());
        List<Track> reused = c.processTracks(CHILD + PerfettoProcesses.SYNTHETIC_STRIDE);
        assertEquals(1, reused.size());
        assertNotEquals(c.processTracks(CHILD).getFirst().uuid(), reused.getFirst().uuid());
        assertEquals("sh", reused.getFirst().name(), "a fork child runs its parent's program");
        Slice getpid = slice(c, "getpid");
        assertEquals((long) CHILD, getpid.args().get("real_pid"));
    }

    @Test
    void countersFollowBytesAndOpenFds() {
        PerfettoTraceChecker c = PerfettoTraceChecker.check(writeScenario(), true);
        long parent = c.processTracks(PARENT).getFirst().uuid();
        assertEquals(List.of(0L, 832L), c.counterValues(c.counterTrack(parent, "bytes read")));
        assertEquals(List.of(0L, 3L, 6L), c.counterValues(c.counterTrack(parent, "bytes written")),
                "its thread's write counts for the process");
        // stdio; openat gives 3; pipe2 gives 4 and 5; the last close drops 3.
        assertEquals(List.of(3L, 4L, 6L, 5L), c.counterValues(c.counterTrack(parent, "open fds")));
        long child = c.processTracks(CHILD).getFirst().uuid();
        assertEquals(List.of(6L, 5L), c.counterValues(c.counterTrack(child, "open fds")),
                "a fork child starts with its parent's fds");
        for (Track t : c.tracks.values()) {
            if (t.counter() && t.name().startsWith("bytes")) {
                List<Long> v = c.counterValues(t.uuid());
                for (int i = 1; i < v.size(); i++) {
                    assertTrue(v.get(i) >= v.get(i - 1), "byte totals never decrease on " + t);
                }
            }
        }
    }

    @Test
    void forksAreLinkedToTheChildsFirstSlice() {
        PerfettoTraceChecker c = PerfettoTraceChecker.check(writeScenario(), true);
        List<Event> arriving = c.events.stream().filter(e -> !e.terminatingFlowIds().isEmpty()).toList();
        assertEquals(3, arriving.size(), "the fork, the thread and the vfork into the reused pid");
        Set<Integer> childTids = arriving.stream()
                .map(e -> c.tracks.get(e.track()).tid()).collect(Collectors.toSet());
        assertEquals(Set.of(CHILD, THREAD, CHILD + PerfettoProcesses.SYNTHETIC_STRIDE), childTids);
        for (Event leaving : c.events.stream().filter(e -> !e.flowIds().isEmpty()).toList()) {
            assertEquals(PARENT, c.tracks.get(leaving.track()).tid());
            assertTrue(c.slices.stream().anyMatch(s -> s.track() == leaving.track()
                    && s.start() <= leaving.ts() && leaving.ts() <= s.end()
                    && Set.of("clone", "clone3", "vfork").contains(s.name())), "the arrow leaves a clone slice");
        }
    }

    @Test
    void signalsAndExitsAreInstants() {
        PerfettoTraceChecker c = PerfettoTraceChecker.check(writeScenario(), true);
        Event sigchld = c.events.stream().filter(e -> "SIGCHLD".equals(e.name())).findFirst().orElseThrow();
        assertEquals(3, sigchld.type(), "TYPE_INSTANT");
        assertEquals("signal", sigchld.category());
        assertEquals(17L, sigchld.args().get("signo"));
        Event exited = c.events.stream().filter(e -> "process exited".equals(e.name())).findFirst().orElseThrow();
        assertEquals(c.processTracks(CHILD).getFirst().uuid(), exited.track(), "a process exit sits on the process track");
        assertEquals(0L, exited.args().get("status"));
    }

    @Test
    void aTruncatedFileLoadsUpToTheCut() {
        byte[] full = writeScenario();
        List<byte[]> all = ProtoReader.packets(full).complete();
        for (int cut : new int[] {1, 7, full.length / 3, full.length / 2, full.length - 1}) {
            byte[] prefix = Arrays.copyOf(full, cut);
            ProtoReader.Packets kept = ProtoReader.packets(prefix);
            assertTrue(kept.truncated(), "a cut at " + cut + " splits a packet");
            assertTrue(kept.complete().size() < all.size(), "the split packet is dropped");
            for (int i = 0; i < kept.complete().size(); i++) {
                assertArrayEquals(all.get(i), kept.complete().get(i), "packet " + i + " before the cut is intact");
            }
            PerfettoTraceChecker.check(prefix, false); // and what is left still decodes and checks
        }
    }

    @Test
    void closingFromAnotherThreadMidStreamLeavesCompletePackets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("interrupted.pftrace");
        PerfettoSink sink = new PerfettoSink(file, PerfettoProcessInfo.NONE);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            for (long i = 0; !stop.get(); i++) {
                sink.onEvent(PerfettoScenario.streamEvent(i));
                if (i == 1000) {
                    running.countDown();
                }
            }
        });
        producer.start();
        running.await();
        sink.close();
        sink.close();
        Thread.sleep(20);
        stop.set(true);
        producer.join(10_000);
        PerfettoTraceChecker c = PerfettoTraceChecker.check(Files.readAllBytes(file), true);
        assertTrue(c.slices.size() >= 1000, "kept what was written before close: " + c.slices.size());
    }
}
