package dev.jstrace.sink;

import dev.jstrace.ProcessEvent;
import dev.jstrace.SignalEvent;
import dev.jstrace.Syscall;
import dev.jstrace.SyscallEntered;
import dev.jstrace.TraceEvent;
import dev.jstrace.decode.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A hand-built event sequence exercising what the TEF and Perfetto sinks must
 * get right: an exec rename, a fork whose child runs before the parent's
 * clone returns (a child's start is always reported before its creator's
 * call returns), a thread, a signal, exits, a reused pid, a failed call,
 * binary-looking argument texts, a slice the clock says overlaps its
 * predecessor, and a call still running when the trace ends.
 */
final class PerfettoScenario {
    /** An arbitrary CLOCK_MONOTONIC start (about 83 minutes after boot). */
    static final long MONO0 = 5_000_000_000_000L;
    /** The event time (epoch-anchored, as the engine delivers it) of {@link #MONO0}. */
    static final long T0 = dev.jstrace.proc.TraceClock.eventTimeOf(MONO0);
    static final int PARENT = 100;
    static final int CHILD = 101;
    static final int THREAD = 102;
    static final String BINARY_ARG = "\"\\x7fELF\\2\\1\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0\\240\\24\"...";

    final List<TraceEvent> events = new ArrayList<>();

    /** The spawned process's comm as the fake live system reports it (non-ASCII and a control char, to test encoding). */
    static final PerfettoProcessInfo INFO = new PerfettoProcessInfo() {
        @Override
        public List<String> commandLine(int pid) {
            return null;
        }

        @Override
        public String threadName(int pid, int tid) {
            return tid == PARENT ? "wörker\u0001" : null;
        }

        @Override
        public BitSet openFds(int pid) {
            return null;
        }
    };

    static Value.Str str(String s) {
        return Value.Str.string(s.getBytes(StandardCharsets.UTF_8), true);
    }

    static long us(long micros) {
        return T0 + micros * 1000;
    }

    static Syscall call(int pid, int tid, String name, List<String> args, long ret, String errno,
                                long startUs, long durNanos) {
        String result = errno != null ? "-1 " + errno + " (No such file or directory)" : Long.toString(ret);
        return new Syscall(pid, tid, name, 0, List.of(), args, args.size(), errno != null ? -2 : ret,
                errno != null ? new dev.jstrace.decode.Errno(2) : null, result,
                us(startUs), durNanos, true);
    }

    /** A successful call with decoded values, rendered as strace would. */
    static Syscall call(int pid, int tid, String name, List<Value> values, long ret, long startUs, long durNanos) {
        return new Syscall(pid, tid, name, 0, values, values.stream().map(Value::text).toList(), values.size(), ret,
                null, Long.toString(ret), us(startUs), durNanos, true);
    }

    static Value.Num num(long n) {
        return new Value.Num(n, Value.Radix.DEC);
    }

    /** A successful execve as the decoder gives it: values, and their strace rendering. */
    static Syscall exec(int pid, String path, List<String> argv, long startUs, long durNanos) {
        List<Value> items = new java.util.ArrayList<>();
        for (String a : argv) items.add(Value.Str.string(a.getBytes(StandardCharsets.UTF_8), true));
        List<Value> args = List.of(Value.Str.whole(path.getBytes(StandardCharsets.UTF_8), false),
                new Value.Strings(0x7ffc8e1c2a00L, items, true, false),
                new Value.Strings(0x7ffc8e1c2a38L, List.of(), true, true));
        List<String> texts = args.stream().map(Value::text).toList();
        return new Syscall(pid, pid, "execve", 59, args, texts, args.size(), 0, null, "0", us(startUs), durNanos, true);
    }

    static PerfettoScenario build() {
        PerfettoScenario s = new PerfettoScenario();
        List<TraceEvent> e = s.events;
        e.add(new ProcessEvent(PARENT, PARENT, us(0), ProcessEvent.Kind.STARTED, 0, 0, "spawn", false));
        e.add(exec(PARENT, "/bin/sh", List.of("sh", "-c", "cat x"), 1, 250_123));
        e.add(call(PARENT, PARENT, "openat", List.of(new Value.Fd(-100, "AT_FDCWD", null, null), str("x"),
                new Value.Sym(0x80000, Value.Radix.HEX, List.of("O_RDONLY", "O_CLOEXEC"), 0, null)), 3, 300, 4_001));
        e.add(call(PARENT, PARENT, "read", List.of("3", BINARY_ARG, "832"), 832, null, 310, 2_000));
        // The clock says this write began 500 ns before the read ended: the sinks must clamp it.
        e.add(call(PARENT, PARENT, "write", List.of("1", "\"hi\\n\"", "3"), 3, null, 311, 1_000));
        e.add(call(PARENT, PARENT, "openat", List.of("AT_FDCWD", "\"/nope\"", "O_RDONLY"), -1, "ENOENT", 320, 3_000));
        e.add(call(PARENT, PARENT, "pipe2", List.of(new Value.Array(List.of(num(4), num(5)), false),
                new Value.Sym(0x80000, Value.Radix.HEX, List.of("O_CLOEXEC"), 0, null)), 0, 325, 1_000));
        // Fork: the child is reported, runs its first call, and only then does the parent's clone return.
        e.add(new SyscallEntered(PARENT, PARENT, us(330), "clone", 56, List.of("child_stack=NULL"), 5));
        e.add(new ProcessEvent(CHILD, CHILD, us(335), ProcessEvent.Kind.STARTED, PARENT, 0, "fork", false));
        e.add(call(CHILD, CHILD, "close", List.of(new Value.Fd(3, null, null, null)), 0, 340, 1_500));
        e.add(call(PARENT, PARENT, "clone", List.of("child_stack=NULL",
                "flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD", "child_tidptr=0x7f0a1b2c3a10"),
                CHILD, null, 330, 20_000));
        e.add(call(CHILD, CHILD, "write", List.of("1", "\"x\"", "1"), 1, null, 360, 700));
        e.add(new ProcessEvent(CHILD, CHILD, us(370), ProcessEvent.Kind.EXITED, 0, 0, null, true));
        e.add(new SignalEvent(PARENT, PARENT, us(371), 17, "SIGCHLD",
                "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=101, si_uid=0, si_status=0}", false));
        // A thread: its start is reported at the creator's clone event stop, which comes before the
        // clone3 returns (as the engine always does); the clone3 returns before the thread runs.
        e.add(new ProcessEvent(PARENT, THREAD, us(385), ProcessEvent.Kind.STARTED, PARENT, 0, "thread", false));
        e.add(call(PARENT, PARENT, "clone3", List.of("{flags=CLONE_VM|CLONE_THREAD, ...}", "88"), THREAD, null, 380, 9_000));
        e.add(call(PARENT, THREAD, "write", List.of("5", "\"abc\"", "3"), 3, null, 395, 800));
        e.add(new ProcessEvent(PARENT, THREAD, us(400), ProcessEvent.Kind.EXITED, 0, 0, null, false));
        // The kernel hands pid 101 out again: a different process that must not merge with the first.
        e.add(new ProcessEvent(CHILD, CHILD, us(500), ProcessEvent.Kind.STARTED, PARENT, 0, "fork", false));
        e.add(call(CHILD, CHILD, "getpid", List.of(), CHILD, null, 510, 300));
        e.add(call(PARENT, PARENT, "vfork", List.of(), CHILD, null, 495, 30_000));
        e.add(new ProcessEvent(CHILD, CHILD, us(530), ProcessEvent.Kind.KILLED, 0, 9, "SIGKILL", true));
        e.add(call(PARENT, PARENT, "close", List.of(new Value.Fd(3, null, null, null)), 0, 540, 500));
        // Still inside wait4 when the trace ends.
        e.add(new SyscallEntered(PARENT, PARENT, us(600), "wait4", 61, List.of("-1"), 4));
        e.add(new SignalEvent(PARENT, PARENT, us(650), 2, "SIGINT",
                "{si_signo=SIGINT, si_code=SI_KERNEL}", false));
        return s;
    }

    /** An endless-looking stream for interruption tests: one process, its syscalls, forever. */
    static TraceEvent streamEvent(long i) {
        if (i == 0) {
            return new ProcessEvent(PARENT, PARENT, us(0), ProcessEvent.Kind.STARTED, 0, 0, "spawn", false);
        }
        return call(PARENT, PARENT, i % 2 == 0 ? "read" : "write", List.of("3", BINARY_ARG, "4096"), 4096, null,
                i * 10, 5_000);
    }
}
