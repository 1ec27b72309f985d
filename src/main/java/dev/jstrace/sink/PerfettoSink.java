package dev.jstrace.sink;

import static dev.jstrace.sink.PerfettoFields.*;
import static dev.jstrace.sink.PerfettoPackets.*;

import dev.jstrace.ProcessEvent;
import dev.jstrace.SignalEvent;
import dev.jstrace.Syscall;
import dev.jstrace.SyscallEntered;
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
 * arguments, result and errno as debug annotations; signals and exits as
 * instants; a flow from each fork/clone to the child's first syscall; and per
 * process three counter tracks: bytes read, bytes written, open fds. Event
 * names, categories and annotation names are interned on the one packet
 * sequence.
 *
 * <p>Each packet is framed on its own ({@code Trace.packet}, field 1), so a
 * truncated file still loads up to the cut. Clock: timestamps are written in
 * the default trace clock (no {@code timestamp_clock_id}, i.e. BOOTTIME for
 * the importer), and their values are jstrace's monotonic session clock
 * anchored to the epoch; the first packet carries a ClockSnapshot declaring
 * BOOTTIME and REALTIME equal, so the UI can also show wall-clock times.
 *
 * <p>{@link #close} is idempotent and may run on a shutdown hook while the
 * consumer thread is in {@link #onEvent}; a lock serializes them.
 */
public final class PerfettoSink extends TimelineSink {

    private final PerfettoPackets packets;
    private final boolean ownsStream;
    private final PerfettoProcessInfo info;
    private final ProtoWriter pw;
    private final PerfettoProcesses.FlowWriter flowWriter = this::flow;
    private long nextUuid = 1;

    /** Writes to {@code file} (created or truncated), naming processes from {@code /proc}. */
    public PerfettoSink(Path file) throws IOException {
        this(file, PerfettoProcessInfo.PROCFS);
    }

    /** Writes to {@code file}, naming processes from {@code info} ({@link PerfettoProcessInfo#NONE} for a recorded trace). */
    public PerfettoSink(Path file, PerfettoProcessInfo info) throws IOException {
        this(Files.newOutputStream(file), info, true);
    }

    /** Writes to {@code out}, which stays open after {@link #close} (it is flushed). */
    public PerfettoSink(OutputStream out) {
        this(out, PerfettoProcessInfo.PROCFS);
    }

    /** Writes to {@code out}, naming processes from {@code info}; {@code out} stays open after {@link #close}. */
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

    /** Ends syscalls still in progress as slices marked unfinished, flushes, closes an owned file. */
    @Override
    void finish() throws IOException {
        for (PerfettoProcesses.Thread t : table.liveThreads()) {
            if (t.pending != null) {
                SyscallEntered e = t.pending;
                PerfettoProcesses.clampSlice(t, e.timeNanos(), Math.max(latest, e.timeNanos()));
                int packet = packets.beginPacket(t.sliceStart, true);
                int ev = packets.beginEvent(TYPE_SLICE_BEGIN, t.trackUuid, e.name(), C_SYSCALL, 0);
                packets.annotation(A_STRACE, e.entryText() + " <unfinished ...>");
                packets.annotation(A_UNFINISHED, true);
                packets.endEvent(ev, packet);
                sliceEnd(t.trackUuid, t.sliceEnd);
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
        announce(t, s.timeNanos());
        PerfettoProcesses.clampSlice(t, s.timeNanos(), s.timeNanos() + Math.max(0, s.durationNanos()));

        int packet = packets.beginPacket(t.sliceStart, true);
        List<String> argTexts = s.argTexts();
        int ev = packets.beginEvent(TYPE_SLICE_BEGIN, t.trackUuid, s.name(), C_SYSCALL, argTexts.size());
        packets.annotation(A_STRACE, s.straceText());
        for (int i = 0; i < argTexts.size(); i++) {
            packets.argAnnotation(i, argTexts.get(i));
        }
        packets.annotation(A_RESULT, s.result());
        if (s.errno() != null) {
            packets.annotation(A_ERRNO, s.errno());
        }
        if (!s.returned()) {
            packets.annotation(A_UNFINISHED, true);
        }
        realIds(t);
        packets.endEvent(ev, packet);
        sliceEnd(t.trackUuid, t.sliceEnd);
        table.linkFlows(s, t, flowWriter);

        PerfettoProcesses.Proc p = t.proc;
        int changed = p.io.apply(s);
        if ((changed & PerfettoIoCounters.READ) != 0) {
            counter(p.trackUuid + 1, t.sliceEnd, p.io.bytesRead);
        }
        if ((changed & PerfettoIoCounters.WRITTEN) != 0) {
            counter(p.trackUuid + 2, t.sliceEnd, p.io.bytesWritten);
        }
        if ((changed & PerfettoIoCounters.FDS) != 0) {
            counter(p.trackUuid + 3, t.sliceEnd, p.io.openFds());
        }
    }

    /**
     * A fork-to-child arrow: an instant inside the parent's clone slice
     * carrying the flow id, one inside the child's first slice terminating it.
     * Separate instants, because either slice may already be written when
     * the other side becomes known.
     */
    private void flow(PerfettoProcesses.Flow f) throws IOException {
        int packet = packets.beginPacket(f.fromTime, true);
        int ev = packets.beginEvent(TYPE_INSTANT, f.from.trackUuid, "fork", C_PROCESS, 0);
        pw.fixed64(EVENT_FLOW_IDS, f.id);
        packets.endEvent(ev, packet);
        packet = packets.beginPacket(f.toTime, true);
        ev = packets.beginEvent(TYPE_INSTANT, f.to.trackUuid, "forked", C_PROCESS, 0);
        pw.fixed64(EVENT_TERMINATING_FLOW_IDS, f.id);
        packets.endEvent(ev, packet);
    }

    @Override
    void signal(SignalEvent s) throws IOException {
        PerfettoProcesses.Thread t = table.thread(s.pid(), s.tid(), 0);
        announce(t, s.timeNanos());
        int packet = packets.beginPacket(s.timeNanos(), true);
        int ev = packets.beginEvent(TYPE_INSTANT, t.trackUuid, s.name(), C_SIGNAL, 0);
        packets.annotation(A_STRACE, s.straceText());
        packets.annotation(A_SIGNO, s.signo());
        if (s.siginfo() != null) {
            packets.annotation(A_SIGINFO, s.siginfo());
        }
        realIds(t);
        packets.endEvent(ev, packet);
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
        table.apply(e, t);
        String name = switch (e.kind()) {
            case EXITED -> e.lastOfProcess() ? "process exited" : "thread exited";
            case KILLED -> e.lastOfProcess() ? "process killed" : "thread killed";
            case DETACHED -> "detached";
            case STARTED, EXEC -> null; // the clone/execve slices and the flow already show these
        };
        if (name == null) {
            return;
        }
        long track = e.lastOfProcess() ? t.proc.trackUuid : t.trackUuid;
        int packet = packets.beginPacket(e.timeNanos(), true);
        int ev = packets.beginEvent(TYPE_INSTANT, track, name, C_PROCESS, 0);
        if (e.straceText() != null) {
            packets.annotation(A_STRACE, e.straceText());
        }
        packets.annotation(A_STATUS, e.status());
        if (e.detail() != null) {
            packets.annotation(A_DETAIL, e.detail());
        }
        realIds(t);
        packets.endEvent(ev, packet);
    }

    /** Emits track descriptors for a new process or thread, and again after a rename. */
    private void announce(PerfettoProcesses.Thread t, long now) throws IOException {
        PerfettoProcesses.Proc p = t.proc;
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
            int packet = packets.beginPacket(-1, false);
            int td = pw.beginNested(PACKET_TRACK_DESCRIPTOR);
            pw.varint(TRACK_UUID, p.trackUuid);
            int pd = pw.beginNested(TRACK_PROCESS);
            pw.varint(PROCESS_PID, p.outPid);
            if (p.command != null) {
                pw.string(PROCESS_CMDLINE, p.command);
            }
            pw.string(PROCESS_NAME, p.displayName());
            pw.endNested(pd);
            pw.endNested(td);
            packets.endPacket(packet);
        }
        if (newProcess) {
            counterTrack(p.trackUuid + 1, p.trackUuid, "bytes read", UNIT_SIZE_BYTES);
            counterTrack(p.trackUuid + 2, p.trackUuid, "bytes written", UNIT_SIZE_BYTES);
            counterTrack(p.trackUuid + 3, p.trackUuid, "open fds", UNIT_COUNT);
            counter(p.trackUuid + 1, now, p.io.bytesRead);
            counter(p.trackUuid + 2, now, p.io.bytesWritten);
            counter(p.trackUuid + 3, now, p.io.openFds());
        }
        if (t.trackUuid == 0) {
            t.trackUuid = nextUuid++;
        }
        if (t.writtenNameVersion != t.nameVersion) {
            t.writtenNameVersion = t.nameVersion;
            int packet = packets.beginPacket(-1, false);
            int td = pw.beginNested(PACKET_TRACK_DESCRIPTOR);
            pw.varint(TRACK_UUID, t.trackUuid);
            pw.varint(TRACK_PARENT_UUID, p.trackUuid);
            int th = pw.beginNested(TRACK_THREAD);
            pw.varint(THREAD_PID, p.outPid);
            pw.varint(THREAD_TID, t.outTid);
            pw.string(THREAD_NAME, t.name);
            pw.endNested(th);
            pw.endNested(td);
            packets.endPacket(packet);
        }
    }

    private void counterTrack(long uuid, long parent, String name, int unit) throws IOException {
        int packet = packets.beginPacket(-1, false);
        int td = pw.beginNested(PACKET_TRACK_DESCRIPTOR);
        pw.varint(TRACK_UUID, uuid);
        pw.varint(TRACK_PARENT_UUID, parent);
        pw.string(TRACK_NAME, name);
        int cd = pw.beginNested(TRACK_COUNTER);
        pw.varint(COUNTER_UNIT, unit);
        pw.endNested(cd);
        pw.endNested(td);
        packets.endPacket(packet);
    }

    private void counter(long track, long time, long value) throws IOException {
        int packet = packets.beginPacket(time, false);
        int ev = pw.beginNested(PACKET_TRACK_EVENT);
        pw.varint(EVENT_TYPE, TYPE_COUNTER);
        pw.varint(EVENT_TRACK_UUID, track);
        pw.varint(EVENT_COUNTER_VALUE, value);
        packets.endEvent(ev, packet);
    }

    private void sliceEnd(long track, long time) throws IOException {
        int packet = packets.beginPacket(time, false);
        int ev = pw.beginNested(PACKET_TRACK_EVENT);
        pw.varint(EVENT_TYPE, TYPE_SLICE_END);
        pw.varint(EVENT_TRACK_UUID, track);
        packets.endEvent(ev, packet);
    }

    private void realIds(PerfettoProcesses.Thread t) {
        if (t.proc.remapped()) {
            packets.annotation(A_REAL_PID, t.proc.realPid);
        }
        if (t.remapped()) {
            packets.annotation(A_REAL_TID, t.realTid);
        }
    }
}
