package dev.jstrace.sink;

import static dev.jstrace.sink.PerfettoScenario.call;
import static dev.jstrace.sink.PerfettoScenario.str;
import static dev.jstrace.sink.PerfettoScenario.us;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jstrace.ProcessEvent;
import dev.jstrace.Syscall;
import dev.jstrace.Trace;
import dev.jstrace.TraceEvent;
import dev.jstrace.TraceOptions;
import dev.jstrace.TracedProcess;
import dev.jstrace.Tracer;
import dev.jstrace.decode.Value;
import dev.jstrace.sink.PerfettoTraceChecker.Track;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process and thread names in both formats come from the kernel's facts: the
 * exec's argv and path, {@code prctl(PR_SET_NAME)}, a write to a thread's
 * comm file ({@code pthread_setname_np} on another thread), and {@code /proc}
 * for what the trace meets without seeing it named (attach, self-trace).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PerfettoNamesTest {
    private static final int PID = 300;
    private static final int WORKER = 301;

    /** A program that execs, renames its worker itself and through the comm file, and a worker that renames itself. */
    private static List<TraceEvent> renames() {
        List<TraceEvent> e = new ArrayList<>();
        e.add(new ProcessEvent(PID, PID, us(0), ProcessEvent.Kind.STARTED, 0, 0, "spawn", false));
        e.add(PerfettoScenario.exec(PID, "/usr/bin/python3.11", List.of("python3", "-c", "import os; print('a b')"),
                10, 1_000));
        e.add(new ProcessEvent(PID, WORKER, us(20), ProcessEvent.Kind.STARTED, PID, 0, "thread", false));
        e.add(call(PID, PID, "clone3", List.of("{...}", "88"), WORKER, null, 19, 2_000));
        e.add(new Syscall(PID, WORKER, "prctl", 157, List.of(Value.Sym.of(15, "PR_SET_NAME"),
                Value.Str.string("pool-worker-1-x".getBytes(), false)), List.of("PR_SET_NAME", "\"pool-worker-1-x\"..."),
                2, 0, null, "0", us(30), 1_000, true));
        e.add(new Syscall(PID, PID, "openat", 257, List.of(new Value.Fd(-100, "AT_FDCWD", null, null),
                str("/proc/self/task/" + WORKER + "/comm"), Value.Sym.of(1, "O_RDWR")),
                List.of("AT_FDCWD", "\"/proc/self/task/301/comm\"", "O_RDWR"), 3, 7, null, "7", us(40), 1_000, true));
        e.add(new Syscall(PID, PID, "write", 1, List.of(new Value.Fd(7, null, null, null), str("io-thread\n"),
                new Value.Num(10, Value.Radix.DEC)), List.of("7", "\"io-thread\\n\"", "10"), 3, 10, null, "10",
                us(50), 1_000, true));
        e.add(new Syscall(PID, PID, "close", 3, List.of(new Value.Fd(7, null, null, null)), List.of("7"), 1, 0, null, "0",
                us(60), 1_000, true));
        e.add(call(PID, WORKER, "getpid", List.of(), PID, null, 70, 500));
        e.add(new ProcessEvent(PID, WORKER, us(80), ProcessEvent.Kind.EXITED, 0, 0, null, false));
        e.add(new ProcessEvent(PID, PID, us(90), ProcessEvent.Kind.EXITED, 0, 0, null, true));
        return e;
    }

    @Test
    void perfettoNamesFollowExecPrctlAndCommWrites() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PerfettoSink sink = new PerfettoSink(bytes, PerfettoProcessInfo.NONE)) {
            renames().forEach(sink::onEvent);
        }
        PerfettoTraceChecker c = PerfettoTraceChecker.check(bytes.toByteArray(), true);
        Track proc = c.processTracks(PID).getFirst();
        assertEquals("python3", c.processNames.get(proc.uuid()).getLast(), "argv[0]'s name, no [pid]");
        assertEquals(List.of("python3", "-c", "import os; print('a b')"), c.cmdlines.get(proc.uuid()),
                "the argv whole, one element per argument");
        List<String> workerNames = threadNames(c, WORKER);
        assertEquals(List.of("python3.11", "pool-worker-1-x", "io-thread"), workerNames,
                "the creator's comm at clone (the exec's file name), then PR_SET_NAME, then the comm file");
        assertEquals("python3.11", threadNames(c, PID).getLast(), "the exec sets the comm from the path");
    }

    @Test
    void tefNamesFollowExecPrctlAndCommWrites() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TefSink sink = new TefSink(bytes, PerfettoProcessInfo.NONE)) {
            renames().forEach(sink::onEvent);
        }
        List<Map<String, Object>> events = TefValidator.events(TefValidator.validate(bytes.toByteArray()));
        List<String> process = metadata(events, "process_name", PID);
        assertEquals("python3 -c import os; print('a b')", process.getLast(), "the whole command line");
        assertEquals(List.of("python3.11", "pool-worker-1-x", "io-thread"), metadata(events, "thread_name", WORKER));
    }

    @Test
    void liveThreadNamesFollowPrSetNameAndPthreadSetnameNp(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3");
        Path file = dir.resolve("names.pftrace");
        try (PerfettoSink sink = new PerfettoSink(file)) {
            TracedProcess p = Tracer.launch(new ProcessBuilder("/usr/bin/python3", "-S", "-c", String.join("\n",
                    "import ctypes, threading",
                    "libc = ctypes.CDLL(None)",
                    "named, go = threading.Event(), threading.Event()",
                    "def work():",
                    "    libc.prctl(15, b'self-named', 0, 0, 0)",
                    "    named.set(); go.wait()",
                    "t = threading.Thread(target=work); t.start(); named.wait()",
                    "libc.pthread_setname_np(ctypes.c_ulong(t.ident), b'named-by-main')",
                    "go.set(); t.join()")), TraceOptions.defaults(), sink);
            assertEquals(0, p.waitFor());
            p.awaitTraceEnd();
        }
        PerfettoTraceChecker c = PerfettoTraceChecker.check(Files.readAllBytes(file), true);
        Track proc = c.tracks.values().stream().filter(t -> t.tid() == null && !t.counter()).findFirst().orElseThrow();
        assertEquals("python3", proc.name());
        assertEquals(List.of("/usr/bin/python3", "-S", "-c"), c.cmdlines.get(proc.uuid()).subList(0, 3));
        int worker = c.tracks.values().stream().filter(t -> t.tid() != null && !t.tid().equals(t.pid()))
                .map(Track::tid).findFirst().orElseThrow();
        assertEquals(List.of("python3", "self-named", "named-by-main"), c.threadNameHistory.get(worker),
                "the creator's comm at clone, its own PR_SET_NAME, then main's pthread_setname_np (a comm write)");
    }

    @Test
    void anAttachedProcessIsNamedFromProc(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3");
        int pid = dev.jstrace.Daemons.start(dir, "out", "/usr/bin/python3", "-S", "-c", String.join("\n",
                "import ctypes, threading, time",
                "def work():",
                "    ctypes.CDLL(None).prctl(15, b'pre-attach', 0, 0, 0)",
                "    while True: time.sleep(0.02)",
                "threading.Thread(target=work, daemon=True).start()",
                "time.sleep(0.2); print('ready', flush=True)",
                "for i in range(100): time.sleep(0.02)"));
        Path file = dir.resolve("attach.pftrace");
        try (PerfettoSink sink = new PerfettoSink(file);
                dev.jstrace.Attachment a = Tracer.attach(pid, TraceOptions.defaults(), sink)) {
            Thread.sleep(300);
        }
        dev.jstrace.Daemons.awaitStatus(dir);
        PerfettoTraceChecker c = PerfettoTraceChecker.check(Files.readAllBytes(file), true);
        Track proc = c.processTracks(pid).getFirst();
        assertEquals("python3", proc.name(), "argv[0]'s name from /proc/PID/cmdline");
        assertEquals(List.of("/usr/bin/python3", "-S", "-c"), c.cmdlines.get(proc.uuid()).subList(0, 3));
        assertTrue(c.tracks.values().stream().anyMatch(t -> "pre-attach".equals(t.name())),
                "a thread renamed before the attach has the name /proc gives it");
    }

    @Test
    void aSelfTraceWrittenLaterHasRealNamesAndFdCount(@TempDir Path dir) throws Exception {
        Tracer tracer = new Tracer();
        tracer.start();
        Files.writeString(dir.resolve("x.txt"), "x");
        Trace trace = tracer.end();
        assumeTrue(!trace.syscalls().isEmpty(), "the block was traced");
        Path file = dir.resolve("self.pftrace");
        trace.writePerfetto(file);
        PerfettoTraceChecker c = PerfettoTraceChecker.check(Files.readAllBytes(file), true);
        int pid = (int) ProcessHandle.current().pid();
        Track proc = c.processTracks(pid).getFirst();
        assertEquals("java", proc.name(), "the JVM's argv[0], not \"pid N\"");
        String threadName = Files.readString(Path.of("/proc/self/task/" + trace.syscalls().getFirst().tid() + "/comm"))
                .strip();
        assertTrue(c.tracks.values().stream().anyMatch(t -> threadName.equals(t.name())),
                "the traced thread's comm: " + threadName);
        long fds;
        try (var dirStream = Files.list(Path.of("/proc/self/fd"))) {
            fds = dirStream.count() - 1; // the listing's own fd
        }
        long first = c.counterValues(c.counterTrack(proc.uuid(), "open fds")).getFirst();
        assertTrue(Math.abs(first - fds) <= 5, "the open-fds counter starts from the JVM's real count: "
                + first + " vs " + fds + " now");
    }

    @Test
    void aRecordedLaunchWrittenLaterCountsTheFdsTheExecLeft(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3");
        Trace trace = new Trace();
        TracedProcess p = Tracer.launch(new ProcessBuilder("/usr/bin/python3", "-S", "-c",
                "import time; time.sleep(0.3)"), TraceOptions.defaults(), trace);
        assertEquals(0, p.waitFor());
        p.awaitTraceEnd();
        Path file = dir.resolve("recorded.pftrace");
        trace.writePerfetto(file);
        PerfettoTraceChecker c = PerfettoTraceChecker.check(Files.readAllBytes(file), true);
        PerfettoTraceChecker.Slice exec = c.slices.stream().filter(s -> s.name().equals("execve")).findFirst()
                .orElseThrow();
        long proc = c.tracks.get(c.tracks.get(exec.track()).parent()).uuid();
        long counter = c.counterTrack(proc, "open fds");
        long atExec = c.events.stream().filter(e -> e.track() == counter && e.ts() <= exec.end())
                .reduce((a, b) -> b).orElseThrow().counterValue();
        // /proc is read when the consumer reaches the exec: the program may have opened a file or two by then.
        assertTrue(atExec >= 3 && atExec <= 5, "about stdin, stdout and stderr, what the kernel left after the"
                + " exec, not the dozens the spawning JVM had: " + atExec);
    }

    private static List<String> threadNames(PerfettoTraceChecker c, int tid) {
        return c.threadNameHistory.getOrDefault(tid, List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> metadata(List<Map<String, Object>> events, String kind, int id) {
        return events.stream()
                .filter(e -> kind.equals(e.get("name")) && "M".equals(e.get("ph"))
                        && TefValidator.integer(e, kind.equals("thread_name") ? "tid" : "pid") == id)
                .map(e -> (String) ((Map<String, Object>) e.get("args")).get("name")).toList();
    }
}
