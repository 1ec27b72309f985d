package dev.jstrace.sink;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The time stamps strace puts at the start of a line: {@code -t}, {@code -tt},
 * {@code -ttt}, {@code --absolute-timestamps=format:…,precision:…} and
 * {@code -r} / {@code --relative-timestamps}.
 *
 * @param absolute          which absolute stamp, {@link Absolute#NONE} for none
 * @param absolutePrecision digits after the second for the absolute stamp (0, 3, 6 or 9)
 * @param relative          {@code -r}: the time since the previous line's stamp
 * @param relativePrecision digits after the second for {@code -r} (strace's default: 6)
 * @param zone              the zone for wall-clock stamps (strace uses local time); null for
 *                          the system default, which is looked up only when {@code -t} stamps
 *                          are printed (the lookup reads the time-zone database: ~10 ms of a
 *                          run's start otherwise)
 */
public record StraceTimestamps(Absolute absolute, int absolutePrecision, boolean relative, int relativePrecision,
                               ZoneId zone) {
    /** Resolves a null zone to the system's when wall-clock stamps need one. */
    public StraceTimestamps {
        if (zone == null && absolute == Absolute.TIME) zone = ZoneId.systemDefault();
    }

    /** Which absolute stamp: none, {@code HH:MM:SS} ({@code -t}), or seconds since the epoch ({@code -ttt}). */
    public enum Absolute {
        /** No absolute stamp. */
        NONE,
        /** Wall-clock time of day ({@code -t}, {@code -tt}). */
        TIME,
        /** Seconds since the epoch ({@code -ttt}). */
        UNIX
    }

    /**
     * No stamps at all (strace's default).
     *
     * @return the stamps that print nothing
     */
    public static StraceTimestamps none() {
        return new StraceTimestamps(Absolute.NONE, 0, false, 6, null);
    }

    /** {@return whether any stamp is printed} */
    public boolean any() {
        return absolute != Absolute.NONE || relative;
    }

    /**
     * Appends the stamps for {@code nanos}. {@code previousNanos} is the previous
     * stamped line's time, or {@code Long.MIN_VALUE} for the first line (which
     * strace prints as zero).
     *
     * @param out where to write
     * @param nanos the nanos
     * @param previousNanos the previous nanos
     */
    public void append(StringBuilder out, long nanos, long previousNanos) {
        if (relative) {
            long delta = previousNanos == Long.MIN_VALUE ? 0 : Math.max(0, nanos - previousNanos);
            // strace: "%6ld.%06ld " (seconds right-aligned in six columns).
            String secs = Long.toString(delta / 1_000_000_000L);
            out.append(" ".repeat(Math.max(0, 6 - secs.length()))).append(secs);
            appendFraction(out, delta % 1_000_000_000L, relativePrecision);
            out.append(' ');
        }
        switch (absolute) {
            case NONE -> {}
            case TIME -> {
                ZonedDateTime t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)).atZone(zone);
                out.append(two(t.getHour())).append(':').append(two(t.getMinute())).append(':')
                        .append(two(t.getSecond()));
                appendFraction(out, Math.floorMod(nanos, 1_000_000_000L), absolutePrecision);
                out.append(' ');
            }
            case UNIX -> {
                out.append(Math.floorDiv(nanos, 1_000_000_000L));
                appendFraction(out, Math.floorMod(nanos, 1_000_000_000L), absolutePrecision);
                out.append(' ');
            }
        }
    }

    /** {@code .123456} for six digits; nothing for zero digits (strace's {@code precision:s}). */
    static void appendFraction(StringBuilder out, long nanosOfSecond, int digits) {
        if (digits <= 0) return;
        long scaled = nanosOfSecond;
        for (int i = 9; i > digits; i--) scaled /= 10;
        String s = Long.toString(scaled);
        out.append('.').append("0".repeat(Math.max(0, digits - s.length()))).append(s);
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
