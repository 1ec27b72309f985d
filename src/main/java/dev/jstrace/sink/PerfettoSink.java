package dev.jstrace.sink;

import static dev.jstrace.sink.PerfettoFields.*;
import static dev.jstrace.sink.PerfettoSequence.*;

import dev.jstrace.ProcessEvent;
import dev.jstrace.SignalEvent;
import dev.jstrace.Syscall;
import dev.jstrace.SyscallEntered;
import dev.jstrace.decode.Value;
import dev.jstrace.proc.TraceClock;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a trace as a native Perfetto protobuf trace ({@code Trace} of
 * {@code TracePacket}s), streaming, with a hand-written encoder.
 *
 * <p>One process track per process and one thread track per thread beneath
 * it; each syscall a slice (begin/end) on its thread with the strace text,
 * the decoded arguments as typed debug annotations, the result and errno; a
 * call that never returns ({@code exit_group}, {@code exit}, a call cut short
 * by another thread's exit or execve) is a slice that ends when its thread
 * does; signals and exits are instants; a fork or clone slice carries a flow
 * to the child's first slice; and per process three counter tracks: bytes
 * read, bytes written, open fds.
 *
 * <p>Each traced thread writes on a packet sequence of its own, with its own
 * interning, so packets are in timestamp order within every sequence (see
 * {@link PerfettoSequence}). Each packet is framed on its own
 * ({@code Trace.packet}), so a truncated file still loads up to the cut.
 *
 * <p>Clock: timestamps are CLOCK_MONOTONIC nanoseconds, the clock the tracer
 * thread stamps stops with, declared per sequence; the file opens with a
 * ClockSnapshot of MONOTONIC, BOOTTIME and REALTIME, so Perfetto lays the
 * trace over a system trace of the same machine and can show wall-clock time.
 *
 * <p>{@link #close} is idempotent and may run on a shutdown hook while the
 * consumer thread is in {@link #onEvent}; a lock serializes them.
 */
public final class PerfettoSink extends TimelineSink {

    private final PerfettoPackets packets;
    private final boolean ownsStream;
    private final PerfettoProcessInfo info;
    private final ProtoWriter pw;
    private long nextUuid = 1;

    /**
     * Writes to {@code file} (created or truncated), naming processes from {@code /proc}.
     *
     * @param file the file
     * @throws IOException when the file cannot be created
     */
    public PerfettoSink(Path file) throws IOException {
        this(file, PerfettoProcessInfo.PROCFS);
    }

    /**
     * Writes to {@code file}, naming processes from {@code info} ({@link PerfettoProcessInfo#NONE} for a recorded trace).
     *
     * @param file the file
     * @param info the info
     * @throws IOException when the file cannot be created
     */
    public PerfettoSink(Path file, PerfettoProcessInfo info) throws IOException {
        this(Files.newOutputStream(file), info, true);
    }

    /**
     * Writes to {@code out}, which stays open after {@link #close} (it is flushed).
     *
     * @param out where to write
     */
    public PerfettoSink(OutputStream out) {
        this(out, PerfettoProcessInfo.PROCFS);
    }

    /**
     * Writes to {@code out}, naming processes from {@code info}; {@code out} stays open after {@link #close}.
     *
     * @param out where to write
     * @param info the info
     */
    public PerfettoSink(OutputStream out, PerfettoProcessInfo info) {
        this(out, info, false);
    }

    private PerfettoSink(OutputStream out, PerfettoProcessInfo info, boolean own) {
        super(info);
        this.ownsStream = own;
        this.info = info;
        try {
            this.packets = new PerfettoPackets(new BufferedOutputStream(out, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.pw = packets.writer();
    }

    /** An event time as the CLOCK_MONOTONIC value the tracer thread read. */
    private static long mono(long eventNanos) {
        return Math.max(0, TraceClock.monotonicOf(eventNanos));
    }

    private PerfettoSequence sequence(PerfettoProcesses.Thread t) {
        if (t.sequence == null) {
            t.sequence = packets.newSequence();
        }
        return t.sequence;
    }

    /** Ends calls still in progress as slices marked unfinished, flushes, closes an owned file. */
    @Override
    void finish() throws IOException {
        for (PerfettoProcesses.Thread t : table.liveThreads()) {
            PerfettoSequence seq = sequence(t);
            if (t.openSlice) {
                t.openSlice = false;
                endOpenSlice(t, Math.max(latest, t.lastEnd), null);
            } else if (t.pending != null) {
                SyscallEntered e = t.pending;
                PerfettoProcesses.clampSlice(t, e.timeNanos(), Math.max(latest, e.timeNanos()));
                int packet = seq.beginPacket(mono(t.sliceStart));
                int ev = seq.beginEvent(TYPE_SLICE_BEGIN, t.trackUuid, e.name(), C_SYSCALL, 0);
                seq.annotation(A_STRACE, e.entryText() + " <unfinished ...>");
                seq.annotation(A_UNFINISHED, true);
                seq.endEvent(ev, packet);
                sliceEnd(seq, t.trackUuid, t.sliceEnd);
            }
        }
        packets.finish(ownsStream);
    }

    @Override
    void syscall(Syscall s) throws IOException {
        PerfettoProcesses.Thread t = table.thread(s.pid(), s.tid(), 0);
        t.pending = null;
        boolean exec = s.returned() && s.returnValue() == 0 && (s.name().equals("execve") || s.name().equals("execveat"));
        if (exec) {
            table.applyExec(s, t);
        }
        PerfettoProcesses.Thread renamed = s.returned() ? table.applyRename(s, t) : null;
        if (renamed != null && renamed != t) {
            announce(renamed, s.timeNanos() + s.durationNanos()); // named by a write to its comm file
        }
        announce(t, s.timeNanos());
        PerfettoProcesses.clampSlice(t, s.timeNanos(), s.timeNanos() + Math.max(0, s.durationNanos()));
        long flowIn = table.flowInto(t);
        long flowOut = table.flowOutOf(s);

        PerfettoSequence seq = sequence(t);
        int packet = seq.beginPacket(mono(t.sliceStart));
        List<String> argTexts = s.argTexts();
        List<Value> args = s.args();
        int ev = seq.beginEvent(TYPE_SLICE_BEGIN, t.trackUuid, s.name(), C_SYSCALL, argTexts.size());
        seq.annotation(A_STRACE, s.straceText());
        for (int i = 0; i < argTexts.size(); i++) {
            if (i < args.size()) {
                seq.argAnnotation(i, args.get(i));
            } else {
                seq.argAnnotation(i, argTexts.get(i));
            }
        }
        if (s.returned()) {
            if (s.failed()) {
                seq.annotation(A_RESULT, -1);
                seq.annotation(A_ERRNO, s.errno());
            } else if (s.resultValue() instanceof Value.Num n && n.radix() == Value.Radix.HEX) {
                seq.pointerAnnotation(A_RESULT, s.returnValue()); // an address (mmap, brk): shown in hex
            } else {
                seq.annotation(A_RESULT, s.returnValue());
            }
        }
        if (flowOut != 0) {
            pw.fixed64(EVENT_FLOW_IDS, flowOut);
        }
        if (flowIn != 0) {
            pw.fixed64(EVENT_TERMINATING_FLOW_IDS, flowIn);
        }
        realIds(seq, t);
        seq.endEvent(ev, packet);
        if (!s.returned()) {
            t.openSlice = true; // the thread's exit, death or exec ends it (see process())
            return;
        }
        sliceEnd(seq, t.trackUuid, t.sliceEnd);

        PerfettoProcesses.Proc p = t.proc;
        int changed = p.io.apply(s);
        java.util.BitSet afterExec = exec ? info.openFdsAfterExec(p.realPid) : null;
        if (afterExec != null && p.io.resetTo(afterExec)) {
            changed |= PerfettoIoCounters.FDS;
        }
        if ((changed & PerfettoIoCounters.READ) != 0) {
            counter(seq, p.trackUuid + 1, t.sliceEnd, p.io.bytesRead);
        }
        if ((changed & PerfettoIoCounters.WRITTEN) != 0) {
            counter(seq, p.trackUuid + 2, t.sliceEnd, p.io.bytesWritten);
        }
        if ((changed & PerfettoIoCounters.FDS) != 0) {
            counter(seq, p.trackUuid + 3, t.sliceEnd, p.io.openFds());
        }
    }

    @Override
    void signal(SignalEvent s) throws IOException {
        PerfettoProcesses.Thread t = table.thread(s.pid(), s.tid(), 0);
        announce(t, s.timeNanos());
        PerfettoSequence seq = sequence(t);
        int packet = seq.beginPacket(mono(Math.max(s.timeNanos(), t.lastEnd)));
        int ev = seq.beginEvent(TYPE_INSTANT, t.trackUuid, s.name(), C_SIGNAL, 0);
        seq.annotation(A_STRACE, s.straceText());
        seq.annotation(A_SIGNO, s.signo());
        if (s.siginfo() != null) {
            seq.annotation(A_SIGINFO, s.siginfo());
        }
        realIds(seq, t);
        seq.endEvent(ev, packet);
    }

    @Override
    void process(ProcessEvent e) throws IOException {
        PerfettoProcesses.Thread t = table.thread(e.pid(), e.tid(), e.parentTid());
        if (e.kind() == ProcessEvent.Kind.STARTED && t.proc.io == null && e.parentTid() != 0) {
            PerfettoProcesses.Thread parent = table.liveThread(e.parentTid());
            if (parent != null && parent.proc.io != null) {
                t.proc.io = PerfettoIoCounters.inheriting(parent.proc.io); // a fork child starts with its parent's fds
            }
        }
        announce(t, e.timeNanos());
        if (t.openSlice) {
            t.openSlice = false;
            endOpenSlice(t, e.timeNanos(), endedBy(e));
        }
        table.apply(e, t);
        String name = switch (e.kind()) {
            case EXITED -> e.lastOfProcess() ? "process exited" : "thread exited";
            case KILLED -> e.lastOfProcess() ? "process killed" : "thread killed";
            case DETACHED -> "detached";
            case STARTED, EXEC, UNKNOWN_EXITED, UNKNOWN_DETACHED -> null; // the clone/execve slices and the flow already show these
        };
        if (name == null) {
            return;
        }
        long track = e.lastOfProcess() ? t.proc.trackUuid : t.trackUuid;
        PerfettoSequence seq = sequence(t);
        int packet = seq.beginPacket(mono(Math.max(e.timeNanos(), t.lastEnd)));
        int ev = seq.beginEvent(TYPE_INSTANT, track, name, C_PROCESS, 0);
        if (e.straceText() != null) {
            seq.annotation(A_STRACE, e.straceText());
        }
        seq.annotation(A_STATUS, e.status());
        if (e.detail() != null) {
            seq.annotation(A_DETAIL, e.detail());
        }
        realIds(seq, t);
        seq.endEvent(ev, packet);
    }

    /** Ends the slice of a call that never returned, at {@code time}; {@code endedBy} null marks it unfinished. */
    private void endOpenSlice(PerfettoProcesses.Thread t, long time, String endedBy) throws IOException {
        long end = Math.max(time, t.lastEnd);
        t.lastEnd = end;
        PerfettoSequence seq = sequence(t);
        int packet = seq.beginPacket(mono(end));
        int ev = seq.beginPlainEvent(TYPE_SLICE_END, t.trackUuid);
        if (endedBy != null) {
            seq.annotation(A_ENDED_BY, endedBy);
        } else {
            seq.annotation(A_UNFINISHED, true);
        }
        seq.endEvent(ev, packet);
    }

    /** Emits track descriptors for a new process or thread, and again after a rename, timestamped {@code now}. */
    private void announce(PerfettoProcesses.Thread t, long now) throws IOException {
        PerfettoProcesses.Proc p = t.proc;
        PerfettoSequence seq = sequence(t);
        long at = mono(now);
        boolean newProcess = p.trackUuid == 0;
        if (newProcess) {
            p.trackUuid = nextUuid;
            nextUuid += 4; // the process track, then bytes read, bytes written, open fds
            if (p.io == null) {
                p.io = PerfettoIoCounters.starting(info.openFds(p.realPid));
            }
        }
        if (p.writtenNameVersion != p.nameVersion) {
            p.writtenNameVersion = p.nameVersion;
            int packet = seq.beginPacket(at);
            int td = pw.beginNested(PACKET_TRACK_DESCRIPTOR);
            pw.varint(TRACK_UUID, p.trackUuid);
            int pd = pw.beginNested(TRACK_PROCESS);
            pw.varint(PROCESS_PID, p.outPid);
            if (p.argv != null) {
                for (String arg : p.argv) {
                    pw.string(PROCESS_CMDLINE, arg);
                }
            }
            pw.string(PROCESS_NAME, p.displayName());
            pw.endNested(pd);
            pw.endNested(td);
            seq.endPacket(packet);
        }
        if (newProcess) {
            counterTrack(seq, at, p.trackUuid + 1, p.trackUuid, "bytes read", UNIT_SIZE_BYTES);
            counterTrack(seq, at, p.trackUuid + 2, p.trackUuid, "bytes written", UNIT_SIZE_BYTES);
            counterTrack(seq, at, p.trackUuid + 3, p.trackUuid, "open fds", UNIT_COUNT);
            counter(seq, p.trackUuid + 1, now, p.io.bytesRead);
            counter(seq, p.trackUuid + 2, now, p.io.bytesWritten);
            counter(seq, p.trackUuid + 3, now, p.io.openFds());
        }
        if (t.trackUuid == 0) {
            t.trackUuid = nextUuid++;
        }
        if (t.writtenNameVersion != t.nameVersion) {
            t.writtenNameVersion = t.nameVersion;
            int packet = seq.beginPacket(at);
            int td = pw.beginNested(PACKET_TRACK_DESCRIPTOR);
            pw.varint(TRACK_UUID, t.trackUuid);
            pw.varint(TRACK_PARENT_UUID, p.trackUuid);
            int th = pw.beginNested(TRACK_THREAD);
            pw.varint(THREAD_PID, p.outPid);
            pw.varint(THREAD_TID, t.outTid);
            pw.string(THREAD_NAME, t.name);
            pw.endNested(th);
            pw.endNested(td);
            seq.endPacket(packet);
        }
    }

    private void counterTrack(PerfettoSequence seq, long at, long uuid, long parent, String name, int unit)
            throws IOException {
        int packet = seq.beginPacket(at);
        int td = pw.beginNested(PACKET_TRACK_DESCRIPTOR);
        pw.varint(TRACK_UUID, uuid);
        pw.varint(TRACK_PARENT_UUID, parent);
        pw.string(TRACK_NAME, name);
        int cd = pw.beginNested(TRACK_COUNTER);
        pw.varint(COUNTER_UNIT, unit);
        pw.endNested(cd);
        pw.endNested(td);
        seq.endPacket(packet);
    }

    private void counter(PerfettoSequence seq, long track, long time, long value) throws IOException {
        int packet = seq.beginPacket(mono(time));
        int ev = seq.beginPlainEvent(TYPE_COUNTER, track);
        pw.varint(EVENT_COUNTER_VALUE, value);
        seq.endEvent(ev, packet);
    }

    private void sliceEnd(PerfettoSequence seq, long track, long time) throws IOException {
        int packet = seq.beginPacket(mono(time));
        int ev = seq.beginPlainEvent(TYPE_SLICE_END, track);
        seq.endEvent(ev, packet);
    }

    private void realIds(PerfettoSequence seq, PerfettoProcesses.Thread t) {
        if (t.proc.remapped()) {
            seq.annotation(A_REAL_PID, t.proc.realPid);
        }
        if (t.remapped()) {
            seq.annotation(A_REAL_TID, t.realTid);
        }
    }
}
