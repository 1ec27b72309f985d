package dev.jstrace.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.ProcessEvent;
import dev.jstrace.SignalEvent;
import dev.jstrace.Syscall;
import dev.jstrace.SyscallEntered;
import dev.jstrace.TraceEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Line layouts, each expected text copied from strace 6.1's output on this machine (command in the comment). */
@Tag("unit")
class StraceTextSinkTest {
    private static SyscallEntered in(int tid, String name, List<String> args, int total) {
        return new SyscallEntered(tid, tid, 0, name, 0, args, total);
    }

    /** The exit of the call {@code e} entered: the engine hands the sink the pair. */
    private static Syscall out(SyscallEntered e, List<String> args, int entryCount, String result) {
        return new Syscall(e.tid(), e.tid(), e.name(), 0, List.of(), args, entryCount, 0,
                result.startsWith("-1") ? new dev.jstrace.decode.Errno(1) : null, result, 0, 1000, true, null, e);
    }

    /** The call {@code e} entered, whose thread ended inside it. */
    private static Syscall never(SyscallEntered e, List<String> args) {
        return new Syscall(e.tid(), e.tid(), e.name(), 0, List.of(), args, args.size(), 0, null, "?", 0, 0, false, null, e);
    }

    /** An entry event followed by its exit. */
    private static TraceEvent[] call(int tid, String name, List<String> args, int total, List<String> all, int entryCount,
                                     String result) {
        SyscallEntered e = in(tid, name, args, total);
        return new TraceEvent[] {e, result == null ? never(e, all) : out(e, all, entryCount, result)};
    }

    private static ProcessEvent exited(int tid, int code) {
        return new ProcessEvent(tid, tid, 0, ProcessEvent.Kind.EXITED, 0, code, null, true);
    }

    private static String render(StraceTextOptions o, boolean named, TraceEvent... events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        StraceOutput output = named ? StraceOutput.stream(ps) : StraceOutput.stderr(ps);
        StraceTextSink sink = new StraceTextSink(o, output, ps, "jstrace");
        for (TraceEvent e : events) sink.onEvent(e);
        sink.onEnd();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void alignsResultAtColumnWithAtLeastOneSpace() {
        // strace -a N -e trace=exit_group true, for N = 40, 15, 14, 13, 0
        String[][] cases = {{"40", "exit_group(0)                           = ?\n"},
                {"15", "exit_group(0)  = ?\n"}, {"14", "exit_group(0) = ?\n"}, {"13", "exit_group(0) = ?\n"},
                {"0", "exit_group(0) = ?\n"}};
        for (String[] c : cases) {
            StraceTextOptions o = StraceTextOptions.defaults().withAlignColumn(Integer.parseInt(c[0]));
            assertEquals(c[1], render(o, false, call(1, "exit_group", List.of("0"), 1, List.of("0"), 1, null)),
                    "-a " + c[0]);
        }
    }

    @Test
    void interleavedThreadsGetUnfinishedAndResumedWithPidPrefixes() {
        // strace -f sh -c '/bin/true; :' (stderr): the wait4 lines and the child's exit
        String expected = """
                [pid  6484] wait4(-1,  <unfinished ...>
                [pid  6485] exit_group(0)               = ?
                [pid  6485] +++ exited with 0 +++
                <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 6485
                """;
        SyscallEntered wait = in(6484, "wait4", List.of("-1"), 4);
        SyscallEntered exit = in(6485, "exit_group", List.of("0"), 1);
        String got = render(StraceTextOptions.defaults(), false,
                new ProcessEvent(6484, 6484, 0, ProcessEvent.Kind.STARTED, 0, 0, "spawn", false),
                new ProcessEvent(6485, 6485, 0, ProcessEvent.Kind.STARTED, 6484, 0, "vfork", false),
                wait, exit, never(exit, List.of("0")), exited(6485, 0),
                out(wait, List.of("-1", "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]", "0", "NULL"), 1, "6485"));
        assertEquals("jstrace: Process 6485 attached\n" + expected, got);
    }

    @Test
    void anArgumentTheKernelUpdatedIsCompletedAtExit() {
        // strace -e trace=ioctl ioctl_gpio-success: the entry printed "{line_offset=50}"; the exit's text of the
        // same argument adds " => {...}", whether the line stayed open or another thread's line came between.
        String entry = "{line_offset=50}";
        String whole = entry + " => {flags=GPIOLINE_FLAG_KERNEL, name=\"n\", consumer=\"c\"}";
        SyscallEntered e = in(5, "ioctl", List.of("-1", "GPIO_GET_LINEINFO_IOCTL", entry), 3);
        assertEquals("ioctl(-1, GPIO_GET_LINEINFO_IOCTL, " + whole + ") = 42\n", render(StraceTextOptions.defaults()
                .withAlignColumn(0), false, e, out(e, List.of("-1", "GPIO_GET_LINEINFO_IOCTL", whole), 3, "42")));
        SyscallEntered other = in(6, "getpid", List.of(), 0);
        String got = render(StraceTextOptions.defaults().withAlignColumn(0), false,
                new ProcessEvent(5, 5, 0, ProcessEvent.Kind.STARTED, 0, 0, "spawn", false),
                new ProcessEvent(6, 6, 0, ProcessEvent.Kind.STARTED, 5, 0, "clone", false), e, other,
                out(other, List.of(), 0, "6"), out(e, List.of("-1", "GPIO_GET_LINEINFO_IOCTL", whole), 3, "42"));
        assertTrue(got.endsWith("[pid     5] <... ioctl resumed> => {flags=GPIOLINE_FLAG_KERNEL, name=\"n\","
                + " consumer=\"c\"}) = 42\n"), got);
        // A struct the entry left open ("{n_samples=3") is closed by the exit's part (ioctl_ptp).
        SyscallEntered w = in(5, "ioctl", List.of("-1", "PTP_SYS_OFFSET", "{n_samples=3"), 3);
        assertEquals("ioctl(-1, PTP_SYS_OFFSET, {n_samples=3}) = -1 EPERM (Operation not permitted)\n",
                render(StraceTextOptions.defaults().withAlignColumn(0), false, w,
                        out(w, List.of("-1", "PTP_SYS_OFFSET", "{n_samples=3}"), 3, "-1 EPERM (Operation not permitted)")));
    }

    @Test
    void callKilledInsideEndsWithUnfinishedAndQuestionMark() {
        // strace -e trace=clock_nanosleep sleep 5, killed by SIGKILL
        SyscallEntered sleep = in(7, "clock_nanosleep", List.of("CLOCK_REALTIME", "0", "{tv_sec=5, tv_nsec=0}"), 4);
        String got = render(StraceTextOptions.defaults(), false, sleep,
                never(sleep, List.of("CLOCK_REALTIME", "0", "{tv_sec=5, tv_nsec=0}")),
                new ProcessEvent(7, 7, 0, ProcessEvent.Kind.KILLED, 0, 9, "SIGKILL", true));
        assertEquals("clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=5, tv_nsec=0},  <unfinished ...>) = ?\n"
                + "+++ killed by SIGKILL +++\n", got);
    }

    @Test
    void namedOutputWithFollowPrefixesEveryLineAndStampsFollowThePrefix() {
        // strace -f -o out true:  "5727  brk(NULL)                         = 0x56082fac3000"
        StraceTextOptions o = new StraceTextOptions(40, StraceTimestamps.none(), false, 6, true, 1, true, false,
                n -> true, n -> true, StraceTextOptions.defaults().statuses(), null);
        assertEquals("5727  brk(NULL)                         = 0x56082fac3000\n",
                render(o, true, call(5727, "brk", List.of("NULL"), 1, List.of("NULL"), 1, "0x56082fac3000")));
    }

    @Test
    void durationsAndSignals() {
        // strace -T -e trace=brk true: "brk(NULL)                               = 0x5604432d5000 <0.000011>"
        StraceTextOptions o = new StraceTextOptions(40, StraceTimestamps.none(), true, 6, false, 1, false, false,
                n -> true, n -> true, StraceTextOptions.defaults().statuses(), null);
        SyscallEntered entered = in(1, "brk", List.of("NULL"), 1);
        Syscall brk = new Syscall(1, 1, "brk", 12, List.of(), List.of("NULL"), 1, 0, null, "0x5604432d5000", 0,
                11_000, true, null, entered);
        assertEquals("brk(NULL)                               = 0x5604432d5000 <0.000011>\n"
                        + "--- SIGCHLD {si_signo=SIGCHLD} ---\n",
                render(o, false, entered, brk,
                        new SignalEvent(1, 1, 0, 17, "SIGCHLD", "{si_signo=SIGCHLD}", false)));
    }

    @Test
    void relativeStampsStartAtZero() {
        // strace -r -e trace=brk,exit_group true: "     0.000000 brk(NULL)                 = 0x56138b3f9000"
        StraceTimestamps r = new StraceTimestamps(StraceTimestamps.Absolute.NONE, 0, true, 6,
                java.time.ZoneOffset.UTC);
        StringBuilder b = new StringBuilder();
        r.append(b, 5_000_000_000L, Long.MIN_VALUE);
        r.append(b, 5_002_363_000L, 5_000_000_000L);
        assertEquals("     0.000000      0.002363 ", b.toString());
        StraceTimestamps tt = new StraceTimestamps(StraceTimestamps.Absolute.TIME, 6, false, 6, java.time.ZoneOffset.UTC);
        StringBuilder c = new StringBuilder();
        tt.append(c, 1795543452_965193_000L, Long.MIN_VALUE);
        assertEquals("18:04:12.965193 ", c.toString()); // strace -tt: "18:04:12.957025 exit_group(0) ..."
        // No zone given: -t stamps get the system's, other stamps never look it up.
        assertEquals(java.time.ZoneId.systemDefault(),
                new StraceTimestamps(StraceTimestamps.Absolute.TIME, 0, false, 6, null).zone());
        assertNull(StraceTimestamps.none().zone());
        assertNull(new StraceTimestamps(StraceTimestamps.Absolute.UNIX, 6, true, 6, null).zone());
    }

    @Test
    void successfulOnlyPrintsWholeLinesAtExit() {
        // strace -f -z: "vfork()                                 = 6491" and no "= ?" lines
        StraceTextOptions o = new StraceTextOptions(40, StraceTimestamps.none(), false, 6, false, 1, false, false,
                n -> true, n -> true, java.util.EnumSet.of(StraceTextOptions.Status.SUCCESSFUL), null);
        SyscallEntered vfork = in(1, "vfork", List.of(), 0);
        SyscallEntered exit = in(1, "exit_group", List.of("0"), 1);
        assertEquals("vfork()                                 = 6491\n", render(o, false,
                vfork, out(vfork, List.of(), 0, "6491"), exit, never(exit, List.of("0"))));
    }

    @Test
    void detachedStatusPrintsTheHeldLineAtTheDetach() {
        // strace -o LOG -e status=detached sleep 2, killed after 1 s (its suite's status-detached):
        // "nanosleep({tv_sec=2, tv_nsec=0},  <detached ...>"; -e status=successful prints nothing.
        SyscallEntered sleep = in(1, "nanosleep", List.of("{tv_sec=2, tv_nsec=0}"), 2);
        ProcessEvent detached = new ProcessEvent(1, 1, 0, ProcessEvent.Kind.DETACHED, 0, 0, null, false);
        StraceTextOptions detachedOnly = new StraceTextOptions(40, StraceTimestamps.none(), false, 6, false, 1, true,
                false, n -> true, n -> true, java.util.EnumSet.of(StraceTextOptions.Status.DETACHED), null);
        assertEquals("nanosleep({tv_sec=2, tv_nsec=0},  <detached ...>\n", render(detachedOnly, true, sleep, detached));
        StraceTextOptions successful = new StraceTextOptions(40, StraceTimestamps.none(), false, 6, false, 1, true,
                false, n -> true, n -> true, java.util.EnumSet.of(StraceTextOptions.Status.SUCCESSFUL), null);
        assertEquals("", render(successful, true, sleep, detached));
    }

    @Test
    void perThreadFilesAreClosedWhenTheirThreadEnds() throws Exception {
        // strace -ff closes a thread's file with its tcb: thousands of short processes must not
        // keep thousands of descriptors (and 64 KiB buffers) open.
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("jstrace-ff");
        java.nio.file.Path base = dir.resolve("out");
        StraceOutput output = StraceOutput.perThread(base, false);
        StraceTextSink sink = new StraceTextSink(StraceTextOptions.defaults(), output, System.err, "jstrace");
        int before = openFds();
        for (int tid = 1000; tid < 1300; tid++) {
            for (TraceEvent e : call(tid, "getpid", List.of(), 0, List.of(), 0, Integer.toString(tid))) {
                sink.onEvent(e);
            }
            sink.onEvent(exited(tid, 0));
        }
        assertTrue(openFds() - before < 20, "descriptors left open: " + (openFds() - before));
        assertEquals("getpid()                                = 1042\n+++ exited with 0 +++\n",
                java.nio.file.Files.readString(dir.resolve("out.1042")));
        // A thread id used again starts its file anew, as strace's fopen(name, "w") does.
        for (TraceEvent e : call(1042, "getppid", List.of(), 0, List.of(), 0, "1")) sink.onEvent(e);
        sink.onEnd();
        output.close();
        assertEquals("getppid()                               = 1\n", java.nio.file.Files.readString(dir.resolve("out.1042")));
    }

    private static int openFds() {
        String[] fds = new java.io.File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }
}
