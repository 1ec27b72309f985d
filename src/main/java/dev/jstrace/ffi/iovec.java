package dev.jstrace.ffi;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Hand-written in jextract's shape:
 * <pre>{@code
 * struct iovec { void *iov_base; size_t iov_len; };
 * }</pre>
 */
public final class iovec {
    private iovec() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("iov_base"),
            ValueLayout.JAVA_LONG.withName("iov_len")).withName("iovec");

    /** The struct's layout (16 bytes). */
    public static GroupLayout layout() {
        return LAYOUT;
    }

    /** Offset of {@code iov_base}. */
    public static final long IOV_BASE_OFFSET = 0;
    /** Offset of {@code iov_len}. */
    public static final long IOV_LEN_OFFSET = 8;

    /** Sets element {@code index} of an iovec array. */
    public static void set(MemorySegment array, long index, long base, long len) {
        long off = index * LAYOUT.byteSize();
        array.set(ValueLayout.JAVA_LONG, off + IOV_BASE_OFFSET, base);
        array.set(ValueLayout.JAVA_LONG, off + IOV_LEN_OFFSET, len);
    }
}
