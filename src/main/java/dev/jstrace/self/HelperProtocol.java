package dev.jstrace.self;

import dev.jstrace.decode.DecodeOptions;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import dev.jstrace.proc.InjectRule;
import dev.jstrace.proc.InjectionTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The messages between a JVM and its self-trace helper. Commands go down the
 * helper's stdin, replies and events come up its stdout; every message starts
 * with a one-byte kind and (except {@link #HELLO}) the session number, so
 * several sessions (threads tracing themselves at once) share the pipes.
 */
public final class HelperProtocol {
    private HelperProtocol() {}

    /** Helper to JVM, once: ready, followed by the helper's pid. */
    public static final int HELLO = 'H';
    /** Helper to JVM: the session's threads are seized; the caller may issue the start marker. */
    public static final int SEIZED = 'A';
    /** Helper to JVM: the kernel refused; followed by the errno and the failed call's text. */
    public static final int REFUSED = 'R';
    /** Helper to JVM: one {@link RawEventCodec} event of the session. */
    public static final int EVENT = 'E';
    /** Helper to JVM: the session's loop failed; followed by a message. The stream goes on. */
    public static final int FAILED = 'F';
    /** JVM to helper: start a session ({@link Start}). */
    public static final int START = 'S';
    /** JVM to helper: detach every tracee of the session now (an end without the marker). */
    public static final int DETACH = 'D';


    /**
     * What to trace.
     *
     * @param session     the JVM's number for this session
     * @param pid         the JVM's pid
     * @param tid         the one thread to trace, or 0 for every thread of the process
     * @param nonce       the session's part of the markers' values ({@link BlockMarker}), so a session ends only
     *                    on its own marker
     * @param followForks follow threads and children created while tracing
     * @param syscalls    the names to report, or null for all
     * @param decode      the options the JVM decodes with: the helper captures what they need
     * @param skipTids    threads never to trace (the JVM's reader of this stream)
     * @param injections  the calls to tamper with inside the block, or null for none
     */
    public record Start(int session, int pid, int tid, long nonce, boolean followForks, Set<String> syscalls,
                        DecodeOptions decode, Set<Integer> skipTids, InjectionTable injections) {

        /** A session without tampering. */
        public Start(int session, int pid, int tid, long nonce, boolean followForks, Set<String> syscalls,
                     DecodeOptions decode, Set<Integer> skipTids) {
            this(session, pid, tid, nonce, followForks, syscalls, decode, skipTids, null);
        }

        /** Writes the command, kind byte included. */
        public void write(DataOutput out) throws IOException {
            out.writeByte(START);
            out.writeInt(session);
            out.writeInt(pid);
            out.writeInt(tid);
            out.writeLong(nonce);
            out.writeBoolean(followForks);
            writeNames(out, syscalls);
            out.writeInt(decode.stringLimit());
            out.writeBoolean(decode.verbose());
            out.writeInt(decode.hex());
            out.writeByte(decode.xlat().ordinal());
            out.writeInt(decode.fdPaths());
            writeNames(out, decode.rawSyscalls());
            out.writeInt(skipTids.size());
            for (int t : skipTids) out.writeInt(t);
            writeInjections(out, injections);
        }

        /** Reads the command after its kind byte. */
        public static Start read(DataInput in) throws IOException {
            int session = in.readInt();
            int pid = in.readInt();
            int tid = in.readInt();
            long nonce = in.readLong();
            boolean follow = in.readBoolean();
            Set<String> names = readNames(in);
            DecodeOptions d = new DecodeOptions(in.readInt(), in.readBoolean(), in.readInt(),
                    DecodeOptions.Xlat.values()[in.readUnsignedByte()], in.readInt(), readNames(in));
            int n = in.readInt();
            Set<Integer> skip = new HashSet<>();
            for (int i = 0; i < n; i++) skip.add(in.readInt());
            return new Start(session, pid, tid, nonce, follow, names, d, skip, readInjections(in));
        }
    }

    private static void writeInjections(DataOutput out, InjectionTable t) throws IOException {
        if (t == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(t.entries().size());
        out.writeBoolean(t.onlyTraced());
        for (InjectionTable.Entry e : t.entries()) {
            writeNames(out, e.syscalls());
            InjectRule r = e.rule();
            out.writeByte(r.result().ordinal());
            out.writeLong(r.value());
            out.writeInt(r.signal());
            out.writeBoolean(r.substitute() != null);
            if (r.substitute() != null) RawEventCodec.writeString(out, r.substitute());
            out.writeLong(r.delayEnterNanos());
            out.writeLong(r.delayExitNanos());
            out.writeInt(r.pokes().size());
            for (InjectRule.Poke p : r.pokes()) {
                out.writeBoolean(p.atEntry());
                out.writeInt(p.argIndex());
                out.writeInt(p.data().length);
                out.write(p.data());
            }
            out.writeInt(r.first());
            out.writeInt(r.last());
            out.writeInt(r.step());
        }
    }

    private static InjectionTable readInjections(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        boolean onlyTraced = in.readBoolean();
        List<InjectionTable.Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<String> names = readNames(in);
            InjectRule.Result result = InjectRule.Result.values()[in.readUnsignedByte()];
            long value = in.readLong();
            int signal = in.readInt();
            String substitute = in.readBoolean() ? RawEventCodec.readString(in) : null;
            long delayEnter = in.readLong();
            long delayExit = in.readLong();
            int pokes = in.readInt();
            List<InjectRule.Poke> p = new ArrayList<>();
            for (int k = 0; k < pokes; k++) {
                boolean entry = in.readBoolean();
                int arg = in.readInt();
                byte[] data = new byte[in.readInt()];
                in.readFully(data);
                p.add(new InjectRule.Poke(entry, arg, data));
            }
            entries.add(new InjectionTable.Entry(names, new InjectRule(result, value, signal, substitute, delayEnter,
                    delayExit, p, in.readInt(), in.readInt(), in.readInt())));
        }
        return new InjectionTable(entries, onlyTraced);
    }

    private static void writeNames(DataOutput out, Set<String> names) throws IOException {
        if (names == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(names.size());
        for (String s : names) RawEventCodec.writeString(out, s);
    }

    private static Set<String> readNames(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        Set<String> s = new HashSet<>();
        for (int i = 0; i < n; i++) s.add(RawEventCodec.readString(in));
        return s;
    }
}
