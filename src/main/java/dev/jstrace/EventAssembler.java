package dev.jstrace;

import dev.jstrace.decode.DecodedCall;
import dev.jstrace.decode.SyscallDecoder;
import dev.jstrace.decode.WaitStatus;
import dev.jstrace.proc.RawEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The consumer side's first step: pairs each syscall's entry with its exit
 * (the only place that does: a {@link Syscall} carries the {@link SyscallEntered}
 * delivered for it, so sinks never match exits to entries themselves), decodes,
 * and turns loop records into the public {@link TraceEvent}s.
 * Runs on the consumer thread only.
 */
final class EventAssembler {
    private final SyscallDecoder decoder;
    private final long epochOffset;
    private final boolean wantEntries;
    private final TraceListener out;
    private final Map<Integer, Pending> pending = new HashMap<>();
    /** Each thread's latest call that returned, for restart_syscall's text (see {@link #decode}). */
    private final Map<Integer, String> previousCall = new HashMap<>();
    /**
     * An entry whose {@link SyscallEntered} is not made yet (see {@link #flushDeferred}), or null.
     * Its exit usually comes next: the call is then decoded once, and the entry event is cut from
     * that decode. Decoding every entry on its own was ~40% of what the consumer allocated per call
     * on dd (231 against 140 MB per 100k calls, JFR). An entry-only decode and the prefix of the
     * full decode were the same text on 32k calls (ls, python3, find, java -version, cp, ps)
     * except clone3, whose entry ends inside an argument that the exit completes: it is never deferred.
     */
    private RawEvent.SyscallEntry deferred;
    private final boolean deferEntries;

    /** A call entered and not yet left: its record, and the event delivered for it (null when not wanted). */
    private record Pending(RawEvent.SyscallEntry raw, SyscallEntered event) {}

    /**
     * @param epochOffset added to a {@link System#nanoTime()} value gives nanoseconds since the epoch
     */
    EventAssembler(SyscallDecoder decoder, long epochOffset, boolean wantEntries, TraceListener out) {
        this(decoder, epochOffset, wantEntries, out, false);
    }

    /**
     * @param deferEntries whether entries may wait for their exit (see {@link #deferred}): only for a
     *                     caller that calls {@link #flushDeferred} when no event comes for a while
     */
    EventAssembler(SyscallDecoder decoder, long epochOffset, boolean wantEntries, TraceListener out,
                   boolean deferEntries) {
        this.deferEntries = deferEntries;
        this.decoder = decoder;
        this.epochOffset = epochOffset;
        this.wantEntries = wantEntries;
        this.out = out;
    }

    /** Whether an entry waits for {@link #flushDeferred} (or its exit). */
    boolean hasDeferred() {
        return deferred != null;
    }

    /**
     * Delivers the deferred entry's {@link SyscallEntered}, decoded from the entry alone: called
     * before any event other than its exit, and by the consumer when no event came for a while
     * (a call that blocks shows at once, as strace prints its entry).
     */
    void flushDeferred() {
        RawEvent.SyscallEntry en = deferred;
        if (en == null) return;
        deferred = null;
        SyscallEntered event = entered(en, decode(en, null));
        pending.put(en.tid(), new Pending(en, event));
        out.onEvent(event);
    }

    private SyscallEntered entered(RawEvent.SyscallEntry en, DecodedCall d) {
        int n = Math.min(d.entryArgCount(), d.argTexts().size());
        return new SyscallEntered(en.pid(), en.tid(), time(en.nanos()), d.name(), d.number(),
                d.args().subList(0, Math.min(n, d.args().size())), d.argTexts().subList(0, n),
                d.argTexts().size());
    }

    /** Takes one loop record; returns false after {@link RawEvent.End}. */
    boolean accept(RawEvent e) {
        if (deferred != null) {
            if (e instanceof RawEvent.SyscallExit ex && ex.tid() == deferred.tid()) {
                // The call's exit right after its entry: decode once, deliver the entry cut from it, then the call.
                RawEvent.SyscallEntry en = deferred;
                deferred = null;
                pending.remove(ex.tid());
                DecodedCall d = decode(en, ex);
                SyscallEntered event = entered(en, d);
                out.onEvent(event);
                out.onEvent(syscall(en, ex, d, event));
                return true;
            }
            flushDeferred();
        }
        // An instanceof chain, not a pattern switch: a switch on a sealed type bootstraps through
        // SwitchBootstraps at its first run (3-10 ms of every jstrace start on this machine; the AOT
        // cache does not keep it). The two per-stop records come first.
        if (e instanceof RawEvent.SyscallEntry en) {
            if (wantEntries && deferEntries && !isClone3(en)) {
                pending.put(en.tid(), new Pending(en, null));
                deferred = en;
            } else if (wantEntries) {
                SyscallEntered event = entered(en, decode(en, null));
                pending.put(en.tid(), new Pending(en, event));
                out.onEvent(event);
            } else {
                pending.put(en.tid(), new Pending(en, null));
            }
        } else if (e instanceof RawEvent.SyscallExit ex) {
            Pending en = pending.remove(ex.tid());
            if (en != null) out.onEvent(syscall(en, ex));
        } else if (e instanceof RawEvent.Signal s) {
            out.onEvent(new SignalEvent(s.pid(), s.tid(), time(s.nanos()), s.signo(),
                    SyscallDecoder.signalName(s.signo()),
                    s.siginfo() == null ? "{}" : decoder.siginfo(s.tid(), s.signo(), s.siginfo()), false));
        } else if (e instanceof RawEvent.GroupStop g) {
            out.onEvent(new SignalEvent(g.pid(), g.tid(), time(g.nanos()), g.signo(),
                    SyscallDecoder.signalName(g.signo()), null, true));
        } else if (e instanceof RawEvent.TaskStart t) {
            out.onEvent(new ProcessEvent(t.pid(), t.tid(), time(t.nanos()),
                    ProcessEvent.Kind.STARTED, t.parentTid(), 0, how(t.how()), false));
        } else if (e instanceof RawEvent.Exec x) {
            exec(x);
        } else if (e instanceof RawEvent.Exiting x) {
            // The thread exits inside its call: the call ends now, unreturned ("= ?").
            Pending en = pending.remove(x.tid());
            if (en != null) out.onEvent(syscall(en, null));
        } else if (e instanceof RawEvent.Unknown u) {
            out.onEvent(new ProcessEvent(u.pid(), u.tid(), time(u.nanos()), u.detached()
                    ? ProcessEvent.Kind.UNKNOWN_DETACHED : ProcessEvent.Kind.UNKNOWN_EXITED, 0, 0, null, false));
        } else if (e instanceof RawEvent.TaskExit x) {
            previousCall.remove(x.tid());
            Pending en = pending.remove(x.tid());
            if (en != null) out.onEvent(syscall(en, null));
            WaitStatus st = new WaitStatus(x.waitStatus());
            boolean killed = !st.exited();
            out.onEvent(new ProcessEvent(x.pid(), x.tid(), time(x.nanos()),
                    killed ? ProcessEvent.Kind.KILLED : ProcessEvent.Kind.EXITED, 0,
                    killed ? st.termSignal() : st.exitCode(), killed ? st.killText() : null, x.lastOfProcess()));
        } else if (e instanceof RawEvent.Detached d) {
            pending.remove(d.tid());
            out.onEvent(new ProcessEvent(d.pid(), d.tid(), time(d.nanos()), ProcessEvent.Kind.DETACHED, 0, 0,
                    null, false));
        } else if (e instanceof RawEvent.End) {
            return false;
        } else {
            throw new IllegalArgumentException("unknown loop record " + e);
        }
        return true;
    }

    private void exec(RawEvent.Exec x) {
        if (x.formerTid() != x.tid()) {
            // A non-leader thread exec'd: the old leader died inside its call (strace:
            // "<... futex resumed>) = ?", "superseded by execve"); end it before the
            // exec'ing thread's execve takes the leader's tid.
            Pending superseded = pending.remove(x.tid());
            if (superseded != null) out.onEvent(syscall(superseded, null));
        }
        Pending p = pending.remove(x.formerTid());
        if (p != null) {
            RawEvent.SyscallEntry en = p.raw();
            pending.put(x.tid(), new Pending(new RawEvent.SyscallEntry(x.tid(), x.pid(), en.nanos(), en.arch(),
                    en.nr(), en.args(), en.memory(), en.stackPointer()), p.event()));
        }
        out.onEvent(new ProcessEvent(x.pid(), x.tid(), time(x.nanos()), ProcessEvent.Kind.EXEC, 0,
                x.formerTid(), null, false));
    }

    private Syscall syscall(Pending p, RawEvent.SyscallExit ex) {
        return syscall(p.raw(), ex, decode(p.raw(), ex), p.event());
    }

    /**
     * Decodes a call; {@code restart_syscall} gets strace's one argument, {@code <... resuming interrupted
     * NAME ...>}, NAME being the thread's previous reported call (strace's s_prev_ent: set when a traced
     * call's exit is printed), or {@code system call} when there was none.
     */
    private DecodedCall decode(RawEvent.SyscallEntry en, RawEvent.SyscallExit ex) {
        DecodedCall d = decoder.decode(en, ex);
        if (!"restart_syscall".equals(d.name()) || !d.argTexts().isEmpty()) return d;
        String text = "<... resuming interrupted " + previousCall.getOrDefault(en.tid(), "system call") + " ...>";
        return new DecodedCall(d.name(), d.number(), java.util.List.of(new dev.jstrace.decode.Value.Text(text)),
                java.util.List.of(text), 1, d.result(), d.errno(), d.resultValue());
    }

    private Syscall syscall(RawEvent.SyscallEntry en, RawEvent.SyscallExit ex, DecodedCall d, SyscallEntered event) {
        if (ex != null) previousCall.put(en.tid(), d.name());
        return new Syscall(en.pid(), en.tid(), d.name(), d.number(), d.args(), d.argTexts(), d.entryArgCount(),
                ex == null ? 0 : ex.rval(), d.errno(), d.result(), time(en.nanos()),
                ex == null ? 0 : ex.nanos() - en.nanos(), ex != null,
                ex == null ? Tampering.NONE : Tampering.of(ex.tampering()), event, d.resultValue(),
                ex == null ? -1 : ex.cpuNanos());
    }

    private static boolean isClone3(RawEvent.SyscallEntry en) {
        return en.arch() != null && "clone3".equals(en.arch().syscallName(en.nr()));
    }

    private long time(long nanos) {
        return nanos + epochOffset;
    }

    private static String how(RawEvent.TaskStart.How how) {
        return switch (how) {
            case SPAWN -> "spawn";
            case ATTACH -> "attach";
            case FORK -> "fork";
            case VFORK -> "vfork";
            case CLONE_PROCESS -> "clone";
            case CLONE_THREAD -> "thread";
        };
    }
}
