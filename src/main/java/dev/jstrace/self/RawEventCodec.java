package dev.jstrace.self;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.RawEvent;
import dev.jstrace.proc.Snapshot;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The compact binary form of {@link RawEvent}s (with their {@link Snapshot}s)
 * that the self-trace helper streams to the traced JVM over a pipe. Fixed
 * width big-endian fields ({@link DataOutput}'s), a one-byte tag per record,
 * byte arrays and strings as a length then the bytes; -1 stands for null.
 * Both ends run the same class from the same class path, so there is no
 * version field.
 */
public final class RawEventCodec {
    private RawEventCodec() {}

    private static final int ENTRY = 1;
    private static final int EXIT = 2;
    private static final int SIGNAL = 3;
    private static final int GROUP_STOP = 4;
    private static final int TASK_START = 5;
    private static final int EXEC = 6;
    private static final int TASK_EXIT = 7;
    private static final int DETACHED = 8;
    private static final int END = 9;
    private static final int EXITING = 10;
    private static final int UNKNOWN = 11;

    private static final Arch[] ARCHES = Arch.values();
    private static final RawEvent.TaskStart.How[] HOWS = RawEvent.TaskStart.How.values();
    private static final Snapshot.Kind[] KINDS = Snapshot.Kind.values();

    /** Writes one event. */
    public static void write(DataOutput out, RawEvent e) throws IOException {
        // instanceof, not a pattern switch: that one's SwitchBootstraps bootstrap (ms) would land in
        // the first Tracer.start() of every JVM.
        if (e instanceof RawEvent.SyscallEntry en) {
            header(out, ENTRY, e);
            out.writeByte(en.arch() == null ? -1 : en.arch().ordinal());
            out.writeInt(en.nr());
            for (int i = 0; i < 6; i++) out.writeLong(en.args()[i]);
            out.writeLong(en.stackPointer());
            writeSnapshot(out, en.memory());
        } else if (e instanceof RawEvent.SyscallExit ex) {
            header(out, EXIT, e);
            out.writeLong(ex.rval());
            out.writeBoolean(ex.isError());
            out.writeInt(ex.tampering());
            out.writeLong(ex.cpuNanos());
            writeSnapshot(out, ex.memory());
        } else if (e instanceof RawEvent.Signal s) {
            header(out, SIGNAL, e);
            out.writeInt(s.signo());
            writeBytes(out, s.siginfo());
        } else if (e instanceof RawEvent.GroupStop g) {
            header(out, GROUP_STOP, e);
            out.writeInt(g.signo());
        } else if (e instanceof RawEvent.TaskStart t) {
            header(out, TASK_START, e);
            out.writeInt(t.parentTid());
            out.writeByte(t.how().ordinal());
        } else if (e instanceof RawEvent.Exec x) {
            header(out, EXEC, e);
            out.writeInt(x.formerTid());
        } else if (e instanceof RawEvent.TaskExit x) {
            header(out, TASK_EXIT, e);
            out.writeInt(x.waitStatus());
            out.writeBoolean(x.lastOfProcess());
        } else if (e instanceof RawEvent.Detached) {
            header(out, DETACHED, e);
        } else if (e instanceof RawEvent.Exiting) {
            header(out, EXITING, e);
        } else if (e instanceof RawEvent.Unknown u) {
            header(out, UNKNOWN, e);
            out.writeBoolean(u.detached());
        } else if (e instanceof RawEvent.End) {
            header(out, END, e);
        } else {
            throw new IllegalArgumentException("unknown loop record " + e);
        }
    }

    /** Reads one event written by {@link #write}. */
    public static RawEvent read(DataInput in) throws IOException {
        int tag = in.readUnsignedByte();
        int tid = in.readInt();
        int pid = in.readInt();
        long nanos = in.readLong();
        return switch (tag) {
            case ENTRY -> {
                int a = in.readByte();
                Arch arch = a < 0 ? null : ARCHES[a];
                int nr = in.readInt();
                long[] args = new long[6];
                for (int i = 0; i < 6; i++) args[i] = in.readLong();
                long sp = in.readLong();
                yield new RawEvent.SyscallEntry(tid, pid, nanos, arch, nr, args, readSnapshot(in), sp);
            }
            case EXIT -> {
                long rval = in.readLong();
                boolean isError = in.readBoolean();
                int tampering = in.readInt();
                long cpu = in.readLong();
                yield new RawEvent.SyscallExit(tid, pid, nanos, rval, isError, readSnapshot(in), tampering, cpu);
            }
            case SIGNAL -> new RawEvent.Signal(tid, pid, nanos, in.readInt(), readBytes(in));
            case GROUP_STOP -> new RawEvent.GroupStop(tid, pid, nanos, in.readInt());
            case TASK_START -> {
                int parent = in.readInt();
                yield new RawEvent.TaskStart(tid, pid, nanos, parent, HOWS[in.readUnsignedByte()]);
            }
            case EXEC -> new RawEvent.Exec(tid, pid, nanos, in.readInt());
            case TASK_EXIT -> {
                int status = in.readInt();
                yield new RawEvent.TaskExit(tid, pid, nanos, status, in.readBoolean());
            }
            case DETACHED -> new RawEvent.Detached(tid, pid, nanos);
            case EXITING -> new RawEvent.Exiting(tid, pid, nanos);
            case UNKNOWN -> new RawEvent.Unknown(tid, pid, nanos, in.readBoolean());
            case END -> new RawEvent.End(tid, pid, nanos);
            default -> throw new IOException("unknown event tag " + tag + " in the helper's stream");
        };
    }

    private static void header(DataOutput out, int tag, RawEvent e) throws IOException {
        out.writeByte(tag);
        out.writeInt(e.tid());
        out.writeInt(e.pid());
        out.writeLong(e.nanos());
    }

    private static void writeSnapshot(DataOutput out, Snapshot s) throws IOException {
        if (s.isEmpty()) {
            out.writeInt(0);
            out.writeInt(0);
            return;
        }
        Snapshot.Region[] regions = s.regions();
        out.writeInt(regions.length);
        for (Snapshot.Region r : regions) {
            out.writeLong(r.address());
            writeBytes(out, r.data());
            out.writeByte((r.readable() ? 1 : 0) | (r.complete() ? 2 : 0));
            out.writeByte(r.kind().ordinal());
        }
        int[] fds = s.fds();
        out.writeInt(fds.length);
        for (int fd : fds) {
            out.writeInt(fd);
            String path = s.fdPath(fd);
            writeBytes(out, path == null ? null : path.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Snapshot readSnapshot(DataInput in) throws IOException {
        int regions = in.readInt();
        Snapshot.Builder b = regions == 0 ? null : Snapshot.builder();
        for (int i = 0; i < regions; i++) {
            long address = in.readLong();
            byte[] data = readBytes(in);
            int flags = in.readUnsignedByte();
            Snapshot.Kind kind = KINDS[in.readUnsignedByte()];
            b.add(new Snapshot.Region(address, data, (flags & 1) != 0, (flags & 2) != 0, kind));
        }
        int fds = in.readInt();
        if (fds > 0 && b == null) b = Snapshot.builder();
        for (int i = 0; i < fds; i++) {
            int fd = in.readInt();
            byte[] path = readBytes(in);
            b.fdPath(fd, path == null ? null : new String(path, StandardCharsets.UTF_8));
        }
        return b == null ? Snapshot.EMPTY : b.build();
    }

    /** Writes a length (-1 for null) and the bytes. */
    static void writeBytes(DataOutput out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(b.length);
        out.write(b);
    }

    /** Reads what {@link #writeBytes} wrote. */
    static byte[] readBytes(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /** Writes a string as UTF-8 (null allowed). */
    static void writeString(DataOutput out, String s) throws IOException {
        writeBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads what {@link #writeString} wrote. */
    static String readString(DataInput in) throws IOException {
        byte[] b = readBytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
