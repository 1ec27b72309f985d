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
    /** fd_set bytes read at most: FD_SETSIZE (1024) descriptors. */
    static final int MAX_SET_BYTES = 128;

    private SelectDecoder() {}

    /** Bytes of a set covering {@code nfds} descriptors, in whole longs as the kernel copies them. */
    static int setBytes(long nfds) {
        if (nfds <= 0) return 0;
        return (int) Math.min((nfds + 63) / 64 * 8, MAX_SET_BYTES);
    }

    /** Captures pselect6's sigmask pair and the set it points to. */
    static void captureSigmask(TraceeMemory mem, long a) {
        if (a == 0) return;
        Snapshot.Region r = mem.bytes(a, 16);
        if (r.data().length == 16) {
            long set = MemoryView.u64(r.data(), 0);
            if (set != 0) mem.bytes(set, 8);
        }
    }

    /** One fd set: {@code [0 3]}; NULL; the address when it was not read. */
    static Value fdset(Snapshot mem, long a, long nfds) {
        if (a == 0) return new Value.Ptr(0);
        String s = members(mem, a, nfds);
        return s == null ? new Value.Ptr(a) : new Value.Text(s);
    }

    private static String members(Snapshot mem, long a, long nfds) {
        int n = setBytes(nfds);
        if (mem == null) return null;
        byte[] b = n == 0 ? new byte[0] : MemoryView.struct(mem, a, n);
        if (b == null) return null;
        StringBuilder sb = new StringBuilder("[");
        long limit = Math.min(nfds, 8L * n);
        for (int fd = 0; fd < limit; fd++) {
            if ((b[fd >> 3] & (1 << (fd & 7))) != 0) {
                if (sb.length() > 1) sb.append(' ');
                sb.append(fd);
            }
        }
        return sb.append(']').toString();
    }

    /** pselect6's sixth argument: {@code {sigmask=[], sigsetsize=8}}. */
    static Value sigmask(CallContext c, long a) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(c.in, a, 16);
        if (b == null) return new Value.Unreadable(a);
        long set = MemoryView.u64(b, 0);
        Value mask;
        if (set == 0) {
            mask = new Value.Ptr(0);
        } else {
            byte[] m = MemoryView.struct(c.in, set, 8);
            mask = m == null ? new Value.Unreadable(set)
                    : new Value.Text(SignalNames.sigset(MemoryView.u64(m, 0), 64, c.opt.xlat()));
        }
        return new Value.Struct(java.util.List.of(new Value.Field("sigmask", mask),
                new Value.Field("sigsetsize", new Value.Text(Long.toUnsignedString(MemoryView.u64(b, 8))))), false);
    }

    /** The text after the count: {@code  (in [0], out [1 2], left {...})}; {@code  (Timeout)} for zero. */
    static String result(CallContext c, long rval, boolean nanos) {
        if (rval == 0) return " (Timeout)";
        long nfds = (int) c.arg(0);
        StringBuilder sb = new StringBuilder();
        String[] names = {"in", "out", "except"};
        for (int i = 0; i < 3; i++) {
            long a = c.arg(i + 1);
            if (a == 0) continue;
            String s = members(c.out, a, nfds);
            if (s == null || s.equals("[]")) continue;
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(names[i]).append(' ').append(s);
        }
        long t = c.arg(4);
        if (t != 0) {
            Value left = nanos ? StructDecoders.timespec(c.out, t) : StructDecoders.timeval(c.out, t);
            if (!(left instanceof Value.Ptr) && !(left instanceof Value.Unreadable)) {
                if (!sb.isEmpty()) sb.append(", ");
                sb.append("left ").append(c.text(left));
            }
        }
        return sb.isEmpty() ? "" : " (" + sb + ")";
    }
}
