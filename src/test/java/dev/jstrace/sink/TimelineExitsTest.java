package dev.jstrace.sink;

import static dev.jstrace.sink.PerfettoScenario.MONO0;
import static dev.jstrace.sink.PerfettoScenario.call;
import static dev.jstrace.sink.PerfettoScenario.us;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jstrace.ProcessEvent;
import dev.jstrace.Syscall;
import dev.jstrace.TraceEvent;
import dev.jstrace.sink.PerfettoTraceChecker.Slice;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Calls that never return, as the engine reports them (a call without an
 * exit, then its thread's exit or the exec that ended it): drawn in both
 * formats as slices that end with the thread, saying how, never "unfinished".
 */
class TimelineExitsTest {
    private static final int PID = 400;
    private static final int WORKER = 401;
    private static final int EXECER = 402;

    private static Syscall neverReturned(int tid, String name, long startUs) {
        return new Syscall(PID, tid, name, 0, List.of(), List.of("0"), 1, 0, null, "?", us(startUs), 0, false);
    }

    /** A worker blocked in futex when the main thread calls exit_group, which never returns. */
    private static List<TraceEvent> exitGroup() {
        List<TraceEvent> e = new ArrayList<>();
        e.add(new ProcessEvent(PID, PID, us(0), ProcessEvent.Kind.STARTED, 0, 0, "spawn", false));
        e.add(new ProcessEvent(PID, WORKER, us(5), ProcessEvent.Kind.STARTED, PID, 0, "thread", false));
        e.add(call(PID, PID, "clone3", List.of("{...}", "88"), WORKER, null, 4, 2_000));
        e.add(call(PID, WORKER, "getpid", List.of(), PID, null, 8, 500));
        // Worker: futex entered at 10; main: exit_group entered at 20. Both end when the threads exit.
        e.add(neverReturned(WORKER, "futex", 10));
        e.add(new ProcessEvent(PID, WORKER, us(30), ProcessEvent.Kind.EXITED, 0, 0, null, false));
        e.add(neverReturned(PID, "exit_group", 20));
        e.add(new ProcessEvent(PID, PID, us(31), ProcessEvent.Kind.EXITED, 0, 0, null, true));
        return e;
    }

    /** A non-leader thread execs: the leader, blocked in wait4, vanishes inside it; the execer takes its tid. */
    private static List<TraceEvent> execByAnotherThread() {
        List<TraceEvent> e = new ArrayList<>();
        e.add(new ProcessEvent(PID, PID, us(0), ProcessEvent.Kind.STARTED, 0, 0, "spawn", false));
        e.add(new ProcessEvent(PID, EXECER, us(5), ProcessEvent.Kind.STARTED, PID, 0, "thread", false));
        e.add(call(PID, PID, "clone3", List.of("{...}", "88"), EXECER, null, 4, 2_000));
        e.add(call(PID, EXECER, "getpid", List.of(), PID, null, 8, 500));
        e.add(neverReturned(PID, "wait4", 10)); // superseded by the exec
        e.add(new ProcessEvent(PID, PID, us(40), ProcessEvent.Kind.EXEC, 0, EXECER, null, false));
        e.add(PerfettoScenario.exec(PID, "/bin/true", List.of("true"), 20, 25_000));
        e.add(new ProcessEvent(PID, PID, us(60), ProcessEvent.Kind.EXITED, 0, 0, null, true));
        return e;
    }

    private static PerfettoTraceChecker perfetto(List<TraceEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PerfettoSink sink = new PerfettoSink(bytes, PerfettoProcessInfo.NONE)) {
            events.forEach(sink::onEvent);
        }
        return PerfettoTraceChecker.check(bytes.toByteArray(), true);
    }

    private static List<Map<String, Object>> tef(List<TraceEvent> events) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TefSink sink = new TefSink(bytes, PerfettoProcessInfo.NONE)) {
            events.forEach(sink::onEvent);
        }
        return TefValidator.events(TefValidator.validate(bytes.toByteArray()));
    }

    private static Slice slice(PerfettoTraceChecker c, String name) {
        return c.slices.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void exitGroupAndTheCallItCutShortEndWithTheirThreads() throws Exception {
        PerfettoTraceChecker c = perfetto(exitGroup());
        Slice exit = slice(c, "exit_group");
        assertEquals(MONO0 + 20_000, exit.start());
        assertEquals(MONO0 + 31_000, exit.end(), "until the process is gone");
        assertEquals("exit", exit.args().get("ended_by"));
        Slice futex = slice(c, "futex");
        assertEquals(MONO0 + 30_000, futex.end(), "until its thread exits");
        assertEquals("exit", futex.args().get("ended_by"));
        assertFalse(c.slices.stream().anyMatch(s -> s.args().containsKey("unfinished")), "nothing unfinished");

        List<Map<String, Object>> json = tef(exitGroup());
        Map<String, Object> begin = json.stream().filter(e -> "exit_group".equals(e.get("name"))).findFirst()
                .orElseThrow();
        assertEquals("B", begin.get("ph"), "a B/E pair: its length is known only when the thread ends");
        Map<String, Object> end = json.stream().filter(e -> "E".equals(e.get("ph"))
                && TefValidator.integer(e, "tid") == PID).findFirst().orElseThrow();
        assertEquals(MONO0 + 31_000, TefValidator.nanos(end, "ts"));
        assertEquals("exit", ((Map<?, ?>) end.get("args")).get("endedBy"));
        assertFalse(json.stream().anyMatch(e -> e.get("args") instanceof Map<?, ?> a && a.containsKey("unfinished")));
    }

    @Test
    void aCallSupersededByAnotherThreadsExecEndsAtTheExec() throws Exception {
        PerfettoTraceChecker c = perfetto(execByAnotherThread());
        Slice wait = slice(c, "wait4");
        assertEquals(MONO0 + 40_000, wait.end(), "the old leader vanished at the exec");
        assertEquals("execve in another thread", wait.args().get("ended_by"));
        Slice exec = slice(c, "execve");
        assertEquals(c.tracks.get(wait.track()).tid(), c.tracks.get(exec.track()).tid(),
                "the execve completes on the leader's tid, as strace shows it");
        assertFalse(c.slices.stream().anyMatch(s -> s.args().containsKey("unfinished")));

        List<Map<String, Object>> json = tef(execByAnotherThread());
        Map<String, Object> end = json.stream().filter(e -> "E".equals(e.get("ph"))).findFirst().orElseThrow();
        assertEquals(MONO0 + 40_000, TefValidator.nanos(end, "ts"));
        assertEquals("execve in another thread", ((Map<?, ?>) end.get("args")).get("endedBy"));
    }
}
