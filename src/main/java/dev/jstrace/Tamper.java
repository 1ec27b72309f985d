package dev.jstrace;

import dev.jstrace.arch.Arch;
import dev.jstrace.arch.gen.Errnos;
import dev.jstrace.arch.gen.Signals;
import dev.jstrace.proc.InjectRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to do to a syscall: strace's {@code -e inject=} actions, as a value.
 * Start from one action and add others with {@link #and}; choose which calls
 * with {@link #when}. Immutable. Every factory checks its argument and throws
 * {@link IllegalArgumentException} naming what is wrong.
 *
 * <pre>{@code
 * Tamper.error("ENOSPC")                        // every call fails with ENOSPC
 * Tamper.retval(0).when(3)                      // only the 3rd call returns 0 without running
 * Tamper.signal("SIGUSR1").and(Tamper.delayEnter(Duration.ofMillis(5))).when(2, 10, 2)
 * }</pre>
 */
public final class Tamper {
    /** The last call of {@link #when(int, int, int)} without an end. */
    public static final int NO_LAST = InjectRule.NO_LAST;
    /** The pure calls {@link #instead} accepts (strace's {@code %pure}: no side effects). */
    private static final Set<String> PURE = Set.of("getegid", "geteuid", "getgid", "getpgrp", "getpid", "getppid",
            "gettid", "getuid");

    private final InjectRule.Result result;
    private final long value;
    private final int signal;
    private final String substitute;
    private final long delayEnter;
    private final long delayExit;
    private final List<InjectRule.Poke> pokes;
    private final int first;
    private final int last;
    private final int step;

    private Tamper(InjectRule.Result result, long value, int signal, String substitute, long delayEnter,
                   long delayExit, List<InjectRule.Poke> pokes, int first, int last, int step) {
        this.result = result;
        this.value = value;
        this.signal = signal;
        this.substitute = substitute;
        this.delayEnter = delayEnter;
        this.delayExit = delayExit;
        this.pokes = List.copyOf(pokes);
        this.first = first;
        this.last = last;
        this.step = step;
    }

    private static Tamper action(InjectRule.Result result, long value, int signal, long delayEnter, long delayExit,
                                 List<InjectRule.Poke> pokes) {
        return new Tamper(result, value, signal, null, delayEnter, delayExit, pokes, 1, NO_LAST, 1);
    }

    /**
     * {@return the call fails with the errno named ({@code "ENOSPC"}; case does not matter) without running}
     *
     * @param errno the errno
     */
    public static Tamper error(String errno) {
        int e = errno == null ? -1 : Errnos.number(errno.toUpperCase(Locale.ROOT));
        if (e < 1) throw new IllegalArgumentException("unknown errno name: " + errno);
        return error(e);
    }

    /**
     * {@return the call fails with errno {@code errno} (1..4095) without running}
     *
     * @param errno the errno
     */
    public static Tamper error(int errno) {
        if (errno < 1 || errno > 4095) throw new IllegalArgumentException("errno must be 1..4095, not " + errno);
        return action(InjectRule.Result.ERROR, errno, 0, 0, 0, List.of());
    }

    /**
     * {@return the call returns {@code value} without running}
     *
     * @param value the value
     */
    public static Tamper retval(long value) {
        return action(InjectRule.Result.RETVAL, value, 0, 0, 0, List.of());
    }

    /**
     * {@return the signal named ({@code "SIGUSR1"}, {@code "usr1"}) is raised at the call's entry}
     *
     * @param name the name
     */
    public static Tamper signal(String name) {
        int s = name == null ? -1 : Signals.number(name);
        if (s < 1) throw new IllegalArgumentException("unknown signal name: " + name);
        return signal(s);
    }

    /**
     * Signal {@code signo} (1..64) is raised at the call's entry.
     *
     * @param signo the signo
     * @return the tampering
     */
    public static Tamper signal(int signo) {
        if (signo < 1 || signo > 64) throw new IllegalArgumentException("signal must be 1..64, not " + signo);
        return action(InjectRule.Result.UNCHANGED, 0, signo, 0, 0, List.of());
    }

    /**
     * {@return the thread waits {@code d} at the call's entry (other threads run on)}
     *
     * @param d the duration
     */
    public static Tamper delayEnter(Duration d) {
        return action(InjectRule.Result.UNCHANGED, 0, 0, delayNanos(d), 0, List.of());
    }

    /**
     * {@return the thread waits {@code d} at the call's exit}
     *
     * @param d the duration
     */
    public static Tamper delayExit(Duration d) {
        return action(InjectRule.Result.UNCHANGED, 0, 0, 0, delayNanos(d), List.of());
    }

    /**
     * At the entry, {@code bytes} overwrite the memory argument {@code argIndex} (1..6) points to.
     *
     * @param argIndex the arg index
     * @param bytes the bytes
     * @return the tampering
     */
    public static Tamper pokeEnter(int argIndex, byte[] bytes) {
        return action(InjectRule.Result.UNCHANGED, 0, 0, 0, 0, List.of(poke(true, argIndex, bytes)));
    }

    /**
     * At the exit, {@code bytes} overwrite the memory argument {@code argIndex} (1..6) points to.
     *
     * @param argIndex the arg index
     * @param bytes the bytes
     * @return the tampering
     */
    public static Tamper pokeExit(int argIndex, byte[] bytes) {
        return action(InjectRule.Result.UNCHANGED, 0, 0, 0, 0, List.of(poke(false, argIndex, bytes)));
    }

    /**
     * This and {@code other} together. One result (error or value), one signal, one delay of each
     * kind and one poke per argument and phase at most, as strace allows; {@code when} is this one's.
     *
     * @param other the other
     * @return the combined tampering
     */
    public Tamper and(Tamper other) {
        if (result != InjectRule.Result.UNCHANGED && other.result != InjectRule.Result.UNCHANGED) {
            throw new IllegalArgumentException("only one error or retval per tampering");
        }
        if (signal != 0 && other.signal != 0) throw new IllegalArgumentException("only one signal per tampering");
        if ((delayEnter > 0 && other.delayEnter > 0) || (delayExit > 0 && other.delayExit > 0)) {
            throw new IllegalArgumentException("only one delay at the entry and one at the exit per tampering");
        }
        List<InjectRule.Poke> all = new ArrayList<>(pokes);
        for (InjectRule.Poke p : other.pokes) {
            for (InjectRule.Poke q : pokes) {
                if (q.atEntry() == p.atEntry() && q.argIndex() == p.argIndex()) {
                    throw new IllegalArgumentException("argument " + p.argIndex() + " is poked twice");
                }
            }
            all.add(p);
        }
        boolean mine = result != InjectRule.Result.UNCHANGED;
        return new Tamper(mine ? result : other.result, mine ? value : other.value,
                signal != 0 ? signal : other.signal, substitute != null ? substitute : other.substitute,
                Math.max(delayEnter, other.delayEnter), Math.max(delayExit, other.delayExit), all, first, last, step);
    }

    /**
     * Runs the pure syscall {@code name} ({@code getpid}, {@code getuid}…) in place of the tampered
     * call, then sets the error or value: strace's {@code syscall=}.
     *
     * @param name the name
     * @return the tampering
     */
    public Tamper instead(String name) {
        if (!PURE.contains(name)) {
            throw new IllegalArgumentException("not a pure syscall (one of " + new java.util.TreeSet<>(PURE) + "): "
                    + name);
        }
        return new Tamper(result, value, signal, name, delayEnter, delayExit, pokes, first, last, step);
    }

    /**
     * Only the {@code n}-th matching call of each thread (strace's {@code when=N}).
     *
     * @param n which matching call (1 for the first)
     * @return the restricted tampering
     */
    public Tamper when(int n) {
        return checkedWhen(n, NO_LAST, 0);
    }

    /**
     * Calls {@code first}, {@code first + step}, … up to {@code last} ({@link #NO_LAST}: no end) of
     * each thread (strace's {@code when=F..L+S}); calls count from 1, per syscall and thread.
     *
     * @param first the first
     * @param last the last
     * @param step the step
     * @return the restricted tampering
     */
    public Tamper when(int first, int last, int step) {
        if (step < 1) throw new IllegalArgumentException("step must be at least 1, not " + step);
        return checkedWhen(first, last, step);
    }

    private Tamper checkedWhen(int first, int last, int step) {
        if (first < 1) throw new IllegalArgumentException("calls count from 1; first must be at least 1, not " + first);
        if (last < first) throw new IllegalArgumentException("last (" + last + ") is before first (" + first + ")");
        return new Tamper(result, value, signal, substitute, delayEnter, delayExit, pokes, first, last, step);
    }

    /** Whether this does anything (strace requires one action). */
    boolean hasAction() {
        return result != InjectRule.Result.UNCHANGED || signal != 0 || delayEnter > 0 || delayExit > 0
                || !pokes.isEmpty();
    }

    /** The loop's form. */
    InjectRule rule() {
        return new InjectRule(result, value, signal, substitute, delayEnter, delayExit, pokes, first, last, step);
    }

    @Override
    public String toString() {
        return "Tamper" + rule();
    }

    private static long delayNanos(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a delay must be positive: " + d);
        }
        return d.toNanos();
    }

    private static InjectRule.Poke poke(boolean entry, int argIndex, byte[] bytes) {
        if (argIndex < 1 || argIndex > 6) throw new IllegalArgumentException("argIndex must be 1..6, not " + argIndex);
        if (bytes == null || bytes.length == 0 || bytes.length > 1024) {
            throw new IllegalArgumentException("poke 1..1024 bytes");
        }
        return new InjectRule.Poke(entry, argIndex, bytes);
    }

    /** Whether some ABI knows {@code name}. */
    static boolean knownSyscall(String name) {
        for (Arch a : Arch.values()) if (a.syscallNumber(name) >= 0) return true;
        return false;
    }
}
