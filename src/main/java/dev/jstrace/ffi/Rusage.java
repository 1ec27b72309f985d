package dev.jstrace.ffi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * {@code struct rusage} as wait4 fills it (LP64: every field a long; ru_utime and ru_stime are
 * struct timeval), for the system CPU time strace's {@code -c} counts per call.
 */
public final class Rusage {
    private Rusage() {}

    private static final StructLayout TIMEVAL = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("tv_sec"), ValueLayout.JAVA_LONG.withName("tv_usec"));

    private static final StructLayout LAYOUT = MemoryLayout.structLayout(
            TIMEVAL.withName("ru_utime"), TIMEVAL.withName("ru_stime"),
            MemoryLayout.sequenceLayout(14, ValueLayout.JAVA_LONG).withName("ru_rest"));

    private static final VarHandle STIME_SEC = LAYOUT.varHandle(
            MemoryLayout.PathElement.groupElement("ru_stime"), MemoryLayout.PathElement.groupElement("tv_sec"));
    private static final VarHandle STIME_USEC = LAYOUT.varHandle(
            MemoryLayout.PathElement.groupElement("ru_stime"), MemoryLayout.PathElement.groupElement("tv_usec"));

    /** {@return the layout of {@code struct rusage}} */
    public static StructLayout layout() {
        return LAYOUT;
    }

    /**
     * {@return ru_stime in nanoseconds}
     *
     * @param ru a segment holding a {@code struct rusage}
     */
    public static long systemTimeNanos(MemorySegment ru) {
        return (long) STIME_SEC.get(ru, 0L) * 1_000_000_000L + (long) STIME_USEC.get(ru, 0L) * 1_000L;
    }
}
