package dev.jstrace.sink;

/**
 * Formats TEF timestamps: nanoseconds as microseconds with exactly three
 * decimals ({@code 1234567} ns as {@code 1234.567}), into a caller's buffer,
 * with no allocation and no rounding (going through a double would lose
 * nanoseconds on long traces).
 */
final class TefNumbers {
    private TefNumbers() {}

    /**
     * Writes {@code nanos} as microseconds into {@code out} from index 0.
     *
     * @return the number of chars written (at most 24)
     */
    static int formatMicros(long nanos, char[] out) {
        int n = 0;
        // Work with the negated magnitude so that Long.MIN_VALUE needs no special case.
        long neg = nanos < 0 ? nanos : -nanos;
        if (nanos < 0) {
            out[n++] = '-';
        }
        long wholeNeg = neg / 1000;
        int frac = (int) -(neg % 1000);
        n = writeNegated(wholeNeg, out, n);
        out[n++] = '.';
        out[n++] = (char) ('0' + frac / 100);
        out[n++] = (char) ('0' + frac / 10 % 10);
        out[n++] = (char) ('0' + frac % 10);
        return n;
    }

    /** Writes the magnitude of a non-positive number. */
    private static int writeNegated(long neg, char[] out, int at) {
        if (neg == 0) {
            out[at] = '0';
            return at + 1;
        }
        int digits = 0;
        for (long v = neg; v != 0; v /= 10) {
            digits++;
        }
        int end = at + digits;
        int i = end;
        for (long v = neg; v != 0; v /= 10) {
            out[--i] = (char) ('0' - (int) (v % 10));
        }
        return end;
    }
}
