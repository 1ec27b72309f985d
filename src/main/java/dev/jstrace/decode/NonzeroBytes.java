package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;

/**
 * strace's print_nonzero_bytes: the bytes of an extensible struct (clone3's clone_args, openat2's
 * open_how) past the part strace knows, up to the size the caller passed (at most a page): nothing
 * when they are all zero, {@code ???} when they cannot be read, else
 * {@code /* bytes 88..95 * / "\xde\xc0..."} in hex, cut to {@code -s}.
 */
final class NonzeroBytes {
    /** get_pagesize() on every supported arch: strace reads the tail up to one page. */
    static final int PAGE_SIZE = 4096;

    private NonzeroBytes() {}

    /** The end strace reads to: the caller's size, at most a page. */
    private static long end(long size) {
        return Long.compareUnsigned(size, PAGE_SIZE) < 0 ? size : PAGE_SIZE;
    }

    /**
     * Copies the tail {@code [start, min(size, page))} of the struct at {@code addr}, when there is one.
     *
     * @param mem   the tracee's memory
     * @param addr  the struct's address
     * @param start the size strace knows (the tail's first offset)
     * @param size  the size the caller passed
     */
    static void capture(TraceeMemory mem, long addr, long start, long size) {
        long end = end(size);
        if (addr != 0 && start < end) mem.bytes(addr + start, (int) (end - start));
    }

    /**
     * {@return the tail as strace prints it, or null when strace prints nothing (no tail, or zeros)}
     *
     * @param c     the call
     * @param mem   where the tail was copied
     * @param addr  the struct's address
     * @param start the tail's first offset
     * @param size  the size the caller passed
     */
    static Value decode(CallContext c, Snapshot mem, long addr, long start, long size) {
        long end = end(size);
        if (start >= end) return null;
        int len = (int) (end - start);
        Snapshot.Region r = mem.find(addr + start, Snapshot.Kind.BYTES);
        if (r == null || !r.readable() || r.data().length < len) return new Value.Text("???");
        byte[] b = r.data();
        boolean zero = true;
        for (int i = 0; i < len && zero; i++) zero = b[i] == 0;
        if (zero) return null;
        byte[] tail = b.length == len ? b : java.util.Arrays.copyOf(b, len);
        return new Value.Text("/* bytes " + start + ".." + (end - 1) + " */ "
                + c.text(Value.Str.buffer(tail, len, true)));
    }
}
