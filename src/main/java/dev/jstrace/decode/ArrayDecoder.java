package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * strace's print_array for arrays of fixed-size elements, the rules every array argument
 * inherits: {@code NULL} for a null pointer, {@code []} for no elements, the address when the
 * first element cannot be read or the size overflows, at most {@code -s} elements then
 * {@code ...} (all of them under {@code -v}), and {@code ..., ... /* 0x7ffd... * /} where a
 * later element cannot be read. strace fetches one element past the last it shows before it
 * prints the {@code ...}, so {@link #captureCount} asks for that one too.
 */
final class ArrayDecoder {
    /** Elements copied at most for one array (strace itself reads them one by one, without a cap). */
    static final int MAX_ELEMENTS = 4096;

    /** Prints one element from its bytes. */
    @FunctionalInterface
    interface Element {
        /**
         * {@return the element's value}
         *
         * @param b   the captured bytes
         * @param off where the element starts in {@code b}
         */
        Value decode(byte[] b, int off);
    }

    private ArrayDecoder() {}

    /** {@return how many elements to copy so that {@link #decode} can print as strace does} */
    static long captureCount(DecodeOptions opt, long nmemb) {
        long shown = opt.verbose() ? nmemb : Math.min(nmemb, (long) opt.stringLimit() + 1);
        return Math.min(Math.max(shown, 0), MAX_ELEMENTS);
    }

    /**
     * The array of {@code nmemb} elements of {@code size} bytes at {@code addr}, as captured in {@code mem}.
     *
     * @param c     the call
     * @param mem   where it was captured
     * @param addr  the array's address
     * @param nmemb the element count (unsigned)
     * @param size  one element's size
     * @param elem  how an element prints
     * @return the value
     */
    static Value decode(CallContext c, Snapshot mem, long addr, long nmemb, int size, Element elem) {
        if (addr == 0) return new Value.Ptr(0);
        if (nmemb == 0) return new Value.Array(List.of(), false);
        if (Long.compareUnsigned(nmemb, Long.divideUnsigned(-1L, size)) > 0 || addr + nmemb * size < addr) {
            return new Value.Ptr(addr);
        }
        Snapshot.Region r = mem.find(addr, Snapshot.Kind.BYTES);
        byte[] b = r == null || !r.readable() ? new byte[0] : r.data();
        long readable = b.length / size;
        if (readable == 0) return new Value.Ptr(addr);
        long limit = c.opt.verbose() ? nmemb : Math.min(nmemb, c.opt.stringLimit());
        List<Value> items = new ArrayList<>((int) Math.min(limit, MAX_ELEMENTS));
        for (long k = 0; k < Math.min(limit, readable); k++) items.add(elem.decode(b, (int) (k * size)));
        if (readable < Math.min(nmemb, limit + 1) && readable < MAX_ELEMENTS) {
            // The element after the last one printed could not be read: strace marks where.
            items.add(new Value.Commented(new Value.Text("..."), "0x" + Long.toHexString(addr + readable * size)));
            return new Value.Array(items, false);
        }
        return new Value.Array(items, nmemb > limit);
    }
}
