package dev.jstrace;

import dev.jstrace.decode.DecodedCall;
import dev.jstrace.decode.SyscallDecoder;
import dev.jstrace.proc.RawEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The consumer side's first step: pairs each syscall's entry with its exit,
 * decodes, and turns loop records into the public {@link TraceEvent}s.
 * Runs on the consumer thread only.
 */
final class EventAssembler {
    private final SyscallDecoder decoder;
    private final long epochOffset;
    private final boolean wantEntries;
    private final TraceListener out;
    private final Map<Integer, RawEvent.SyscallEntry> pending = new HashMap<>();

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
                pending.put(en.tid(), en);
                if (wantEntries) {
                    DecodedCall d = decoder.decode(en, null);
                    int n = Math.min(d.entryArgCount(), d.argTexts().size());
                    out.onEvent(new SyscallEntered(en.pid(), en.tid(), time(en.nanos()), d.name(), d.number(),
                            d.argTexts().subList(0, n), d.argTexts().size()));
                }
            }
            case RawEvent.SyscallExit ex -> {
                RawEvent.SyscallEntry en = pending.remove(ex.tid());
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
                    RawEvent.SyscallEntry superseded = pending.remove(x.tid());
                    if (superseded != null) out.onEvent(syscall(superseded, null));
                }
                RawEvent.SyscallEntry en = pending.remove(x.formerTid());
                if (en != null) {
                    pending.put(x.tid(), new RawEvent.SyscallEntry(x.tid(), x.pid(), en.nanos(), en.arch(), en.nr(),
                            en.args(), en.memory(), en.stackPointer()));
                }
                out.onEvent(new ProcessEvent(x.pid(), x.tid(), time(x.nanos()), ProcessEvent.Kind.EXEC, 0,
                        x.formerTid(), null, false));
            }
            case RawEvent.TaskExit x -> {
                RawEvent.SyscallEntry en = pending.remove(x.tid());
                if (en != null) out.onEvent(syscall(en, null));
                int st = x.waitStatus();
                boolean killed = (st & 0x7f) != 0;
                out.onEvent(new ProcessEvent(x.pid(), x.tid(), time(x.nanos()),
                        killed ? ProcessEvent.Kind.KILLED : ProcessEvent.Kind.EXITED, 0,
                        killed ? st & 0x7f : (st >> 8) & 0xff,
                        killed ? SyscallDecoder.signalName(st & 0x7f) + ((st & 0x80) != 0 ? " (core dumped)" : "")
                                : null,
                        x.lastOfProcess()));
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

    private Syscall syscall(RawEvent.SyscallEntry en, RawEvent.SyscallExit ex) {
        DecodedCall d = decoder.decode(en, ex);
        return new Syscall(en.pid(), en.tid(), d.name(), d.number(), d.args(), d.argTexts(), d.entryArgCount(),
                ex == null ? 0 : ex.rval(), d.errnoName(), d.result(), time(en.nanos()),
                ex == null ? 0 : ex.nanos() - en.nanos(), ex != null,
                ex == null ? Tampering.NONE : Tampering.of(ex.tampering()));
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
