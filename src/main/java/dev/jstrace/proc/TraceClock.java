package dev.jstrace.proc;

import dev.jstrace.ffi.Libc;

/**
 * The one clock behind every event time. The tracer thread stamps each stop
 * with {@link System#nanoTime()}, which on Linux is {@code CLOCK_MONOTONIC}:
 * the clock the kernel, {@code perf} and Perfetto's own producers share, so a
 * jstrace trace can be laid over a system trace of the same machine. The
 * public events carry that value plus one fixed offset to the epoch, taken
 * once per JVM, so {@link #monotonicOf} gives the kernel's value back exactly
 * (one offset per JVM rather than per session, so that a sink need not know
 * which session an event came from).
 */
public final class TraceClock {
    private TraceClock() {}

    /** CLOCK_REALTIME minus CLOCK_MONOTONIC when this JVM first needed it. */
    private static final long EPOCH_OFFSET = measureOffset();

    /** Added to a {@link System#nanoTime()} value, gives the event time (nanoseconds since the epoch). */
    public static long epochOffset() {
        return EPOCH_OFFSET;
    }

    /** The CLOCK_MONOTONIC value of an event time. */
    public static long monotonicOf(long eventNanos) {
        return eventNanos - EPOCH_OFFSET;
    }

    /** The event time of a CLOCK_MONOTONIC value. */
    public static long eventTimeOf(long monotonicNanos) {
        return monotonicNanos + EPOCH_OFFSET;
    }

    /**
     * Readings of three clocks taken as close together as the calls allow.
     *
     * @param monotonic CLOCK_MONOTONIC, nanoseconds
     * @param boottime  CLOCK_BOOTTIME, nanoseconds
     * @param realtime  CLOCK_REALTIME, nanoseconds since the epoch
     */
    public record Snapshot(long monotonic, long boottime, long realtime) {}

    /**
     * Reads the clocks now. Each of BOOTTIME and REALTIME is read between two
     * MONOTONIC reads, a few times, and the tightest bracket is kept and
     * paired with its midpoint, so the pairing error is half of one call
     * (the first call also pays for binding the downcall).
     */
    public static Snapshot snapshot() {
        long[] boot = bracketed(Libc.CLOCK_BOOTTIME);
        long[] real = bracketed(Libc.CLOCK_REALTIME);
        long mono = real[1];
        // BOOTTIME - MONOTONIC only changes across a suspend: move the BOOTTIME reading to the same instant.
        long boottime = boot[0] < 0 ? mono : boot[0] + (mono - boot[1]);
        long realtime = real[0] < 0 ? mono + EPOCH_OFFSET : real[0];
        return new Snapshot(mono, boottime, realtime);
    }

    /** {@code {reading or -errno, the MONOTONIC midpoint of its tightest bracket}}. */
    private static long[] bracketed(int clock) {
        long best = Long.MAX_VALUE;
        long[] out = {0, 0};
        for (int i = 0; i < 5; i++) {
            long m0 = System.nanoTime();
            long v = Libc.clock_gettime(clock);
            long m1 = System.nanoTime();
            if (m1 - m0 < best) {
                best = m1 - m0;
                out[0] = v;
                out[1] = m0 + (m1 - m0) / 2;
            }
        }
        return out;
    }

    private static long measureOffset() {
        long m0 = System.nanoTime();
        java.time.Instant now = java.time.Instant.now();
        long m1 = System.nanoTime();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano() - (m0 + (m1 - m0) / 2);
    }
}
