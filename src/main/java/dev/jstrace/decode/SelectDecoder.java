package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;

/**
 * select and pselect6 as strace 6.1 prints them: the three fd sets as read at entry
 * ({@code [0]}, {@code [1 2]}, {@code NULL}), pselect6's {@code {sigmask=..., sigsetsize=8}},
 * and a result that lists the ready sets and the time left:
 * {@code = 3 (in [0], out [1 2], left {tv_sec=0, tv_nsec=997436})}, or {@code = 0 (Timeout)}.
 */
final class SelectDecoder {
    /** Descriptors a set covers at most: strace's cap against select(2^31-1, ...). */
    static final int MAX_NFDS = 1024 * 1024;

    private SelectDecoder() {}

    /** The descriptor count as strace (and the kernel) take it: the low 32 bits, negative as 0, capped. */
    static int nfds(long arg0) {
        int n = (int) arg0;
        return n < 0 ? 0 : Math.min(n, MAX_NFDS);
    }

    /** Bytes of a set covering {@code nfds} descriptors, in whole longs as strace copies them. */
    static int setBytes(long arg0) {
        int n = nfds(arg0);
        return ((n + 7) / 8 + 7) & -8;
    }

    /** At entry: the three sets, and under {@code -y} the paths of the descriptors in them. */
    static void captureEntry(TraceeMemory mem, long a, long arg0, boolean fdPaths) {
        int n = setBytes(arg0);
        if (a == 0 || n == 0) return;
        Snapshot.Region r = mem.bytes(a, n);
        if (!fdPaths || r == null || r.data().length < n) return;
        byte[] b = r.data();
        for (int fd = 0; fd < nfds(arg0); fd++) {
            if ((b[fd >> 3] & (1 << (fd & 7))) != 0) mem.fdPath(fd);
        }
    }

    /** sizeof pselect6's {sigmask, size} pair ({@link CallStructLayouts#PSELECT6_SIGMASK}). */
    private static final int SIGMASK_SIZE = StructLayouts.size(CallStructLayouts.PSELECT6_SIGMASK);
    /** The kernel's sigset_t: _NSIG bits. */
    private static final int SIGSET_BYTES = dev.jstrace.arch.gen.Signals.NSIG / 8;

    /** Captures pselect6's sigmask pair and the set it points to. */
    static void captureSigmask(TraceeMemory mem, long a) {
        if (a == 0) return;
        Snapshot.Region r = mem.bytes(a, SIGMASK_SIZE);
        if (r.data().length == SIGMASK_SIZE) {
            long set = CallStructLayouts.PS_SS.u(r.data());
            if (set != 0) mem.bytes(set, SIGSET_BYTES);
        }
    }

    /**
     * One fd set at entry, {@code [0 3]} (with paths under {@code -y}); {@code NULL}; the address
     * when it could not be read, and for any set when {@code nfds} covers no descriptor.
     */
    static Value fdset(CallContext c, long a, long arg0) {
        int n = setBytes(arg0);
        if (a == 0 || n == 0) return new Value.Ptr(a);
        byte[] b = MemoryView.struct(c.in, a, n);
        if (b == null) return new Value.Unreadable(a);
        StringBuilder sb = new StringBuilder("[");
        for (int fd = 0; fd < nfds(arg0); fd++) {
            if ((b[fd >> 3] & (1 << (fd & 7))) != 0) {
                if (sb.length() > 1) sb.append(' ');
                sb.append(c.text(c.fd(fd)));
            }
        }
        return new Value.Text(sb.append(']').toString());
    }

    /** pselect6's sixth argument: {@code {sigmask=[], sigsetsize=8}}. */
    static Value sigmask(CallContext c, long a) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(c.in, a, SIGMASK_SIZE);
        if (b == null) return new Value.Unreadable(a);
        long set = CallStructLayouts.PS_SS.u(b);
        Value mask;
        if (set == 0) {
            mask = new Value.Ptr(0);
        } else {
            byte[] m = MemoryView.struct(c.in, set, SIGSET_BYTES);
            mask = m == null ? new Value.Unreadable(set)
                    : new Value.Text(SignalNames.sigset(MemoryView.u64(m, 0), 64, c.opt.xlat()));
        }
        return new Value.Struct(java.util.List.of(new Value.Field("sigmask", mask),
                new Value.Field("sigsetsize", new Value.Text(Long.toUnsignedString(CallStructLayouts.PS_SS_LEN.u(b))))),
                false);
    }

    /**
     * The text after the count, as strace's decode_select builds it: the ready descriptors of each
     * set until the count is reached, then the time left: {@code  (in [0], out [1 2], left {...})};
     * {@code  (Timeout)} for zero, and {@code  ()} when nothing could be listed.
     */
    static String result(CallContext c, long rval, boolean nanos) {
        if (rval == 0) return " (Timeout)";
        int nfds = nfds(c.arg(0)), size = setBytes(c.arg(0));
        int ready = (int) rval;
        StringBuilder sb = new StringBuilder();
        String sep = "";
        String[] names = {"in", "out", "except"};
        for (int i = 0; i < 3 && ready > 0; i++) {
            byte[] b = MemoryView.struct(c.out, c.arg(i + 1), size);
            if (b == null) continue;
            boolean first = true;
            for (int fd = 0; fd < nfds; fd++) {
                if ((b[fd >> 3] & (1 << (fd & 7))) == 0) continue;
                if (first) {
                    sb.append(sep).append(names[i]).append(" [").append(fd);
                    first = false;
                    sep = ", ";
                } else {
                    sb.append(' ').append(fd);
                }
                if (--ready == 0) break;
            }
            // strace closes a bracket after every set once anything was written (its own quirk).
            if (!sb.isEmpty()) sb.append(']');
        }
        long t = c.arg(4);
        if (t != 0) {
            Value left = nanos ? StructDecoders.timespec(c.out, t) : StructDecoders.timeval(c.out, t);
            sb.append(sep).append("left ").append(c.text(left));
        }
        return " (" + sb + ")";
    }
}
