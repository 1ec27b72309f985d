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

    /** A call entered and not yet left: its record, and the event delivered for it (null when not wanted). */
    private record Pending(RawEvent.SyscallEntry raw, SyscallEntered event) {}

    /**
     * @param epochOffset added to a {@link System#nanoTime()} value gives nanoseconds since the epoch
     */
    EventAssembler(SyscallDecoder decoder, long epochOffset, boolean wantEntries, TraceListener out) {
        this.decoder = decoder;
        this.epochOffset = epochOffset;
        this.wantEntries = wantEntries;
        this.out = out;
    }

    /** Takes one loop record; returns false after {@link RawEvent.End}. */
    boolean accept(RawEvent e) {
        switch (e) {
            case RawEvent.SyscallEntry en -> {
                SyscallEntered event = null;
                if (wantEntries) {
                    DecodedCall d = decoder.decode(en, null);
                    int n = Math.min(d.entryArgCount(), d.argTexts().size());
                    event = new SyscallEntered(en.pid(), en.tid(), time(en.nanos()), d.name(), d.number(),
                            d.args().subList(0, Math.min(n, d.args().size())), d.argTexts().subList(0, n),
                            d.argTexts().size());
                }
                pending.put(en.tid(), new Pending(en, event));
                if (event != null) out.onEvent(event);
            }
            case RawEvent.SyscallExit ex -> {
                Pending en = pending.remove(ex.tid());
                if (en != null) out.onEvent(syscall(en, ex));
            }
            case RawEvent.Signal s -> out.onEvent(new SignalEvent(s.pid(), s.tid(), time(s.nanos()), s.signo(),
                    SyscallDecoder.signalName(s.signo()),
                    s.siginfo() == null ? "{}" : decoder.siginfo(s.signo(), s.siginfo()), false));
            case RawEvent.GroupStop g -> out.onEvent(new SignalEvent(g.pid(), g.tid(), time(g.nanos()), g.signo(),
                    SyscallDecoder.signalName(g.signo()), null, true));
            case RawEvent.TaskStart t -> out.onEvent(new ProcessEvent(t.pid(), t.tid(), time(t.nanos()),
                    ProcessEvent.Kind.STARTED, t.parentTid(), 0, how(t.how()), false));
            case RawEvent.Exec x -> {
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
            case RawEvent.TaskExit x -> {
                Pending en = pending.remove(x.tid());
                if (en != null) out.onEvent(syscall(en, null));
                WaitStatus st = new WaitStatus(x.waitStatus());
                boolean killed = !st.exited();
                out.onEvent(new ProcessEvent(x.pid(), x.tid(), time(x.nanos()),
                        killed ? ProcessEvent.Kind.KILLED : ProcessEvent.Kind.EXITED, 0,
                        killed ? st.termSignal() : st.exitCode(), killed ? st.killText() : null, x.lastOfProcess()));
            }
            case RawEvent.Detached d -> {
                pending.remove(d.tid());
                out.onEvent(new ProcessEvent(d.pid(), d.tid(), time(d.nanos()), ProcessEvent.Kind.DETACHED, 0, 0,
                        null, false));
            }
            case RawEvent.End end -> {
                return false;
            }
        }
        return true;
    }

    private Syscall syscall(Pending p, RawEvent.SyscallExit ex) {
        RawEvent.SyscallEntry en = p.raw();
        DecodedCall d = decoder.decode(en, ex);
        return new Syscall(en.pid(), en.tid(), d.name(), d.number(), d.args(), d.argTexts(), d.entryArgCount(),
                ex == null ? 0 : ex.rval(), d.errno(), d.result(), time(en.nanos()),
                ex == null ? 0 : ex.nanos() - en.nanos(), ex != null,
                ex == null ? Tampering.NONE : Tampering.of(ex.tampering()), p.event());
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
