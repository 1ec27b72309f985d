package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.List;

/**
 * Signal sets passed with their size, as strace's print_sigset_addr_len prints them: the set
 * is read as long as the size argument says, and a size below a word or above the kernel's
 * sigset (8 bytes) prints the address, whatever the memory holds. The size is the first
 * {@code ulong} argument after the set in the call's signature (rt_sigprocmask's fourth,
 * ppoll's fifth); a set without one is a whole sigset.
 */
final class SigsetDecoder {
    /** The kernel's sigset_t: 64 signals. */
    static final int NSIG_BYTES = 8;

    private SigsetDecoder() {}

    /** {@return the size argument's index for the set at {@code i}, or -1 when the set has none} */
    static int sizeIndex(List<ArgType> types, int i) {
        for (int j = i + 1; j < types.size(); j++) {
            if (types.get(j) == ArgType.ULONG) return j;
        }
        return -1;
    }

    /** {@return the set's size in bytes for the set at {@code i}} */
    static long size(List<ArgType> types, long[] args, int i) {
        int j = types == null ? -1 : sizeIndex(types, i);
        return j < 0 || j >= args.length ? NSIG_BYTES : args[j];
    }

    /** rt_sigpending alone accepts a set shorter than a word (the old sigpending shares its code). */
    static long minSize(Signature sig) {
        return sig != null && sig.name().equals("rt_sigpending") ? 1 : NSIG_BYTES;
    }

    /** Copies the set when it will be printed: as many bytes as its size says. */
    static void capture(TraceeMemory mem, Signature sig, long[] args, int i) {
        long a = args[i], len = size(sig.args(), args, i);
        if (a != 0 && len >= minSize(sig) && len <= NSIG_BYTES) mem.bytes(a, (int) len);
    }

    /** The set at argument {@code i}, read from {@code mem}. */
    static Value decode(CallContext c, Snapshot mem, int i) {
        long a = c.arg(i);
        if (a == 0) return new Value.Ptr(0);
        long len = size(c.sig == null ? null : c.sig.args(), c.args, i);
        if (len < minSize(c.sig) || len > NSIG_BYTES) return new Value.Ptr(a);
        byte[] b = MemoryView.struct(mem, a, (int) len);
        if (b == null) return new Value.Unreadable(a);
        long mask = 0;
        for (int k = 0; k < len; k++) mask |= (b[k] & 0xffL) << (8 * k);
        return new Value.Text(SignalNames.sigset(mask, (int) len * 8, c.opt.xlat()));
    }
}
