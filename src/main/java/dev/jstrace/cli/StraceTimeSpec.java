package dev.jstrace.cli;

import java.time.Duration;

/**
 * strace's time specification ({@code parse_ts}): a decimal number as strtod reads it,
 * optionally followed by {@code s}, {@code ms}, {@code us} or {@code ns}; no suffix means
 * microseconds. Negative values are rejected.
 */
final class StraceTimeSpec {
    private StraceTimeSpec() {}

    /** The duration, or null when {@code v} is not a time specification. */
    static Duration parse(String v) {
        int i = 0;
        while (i < v.length() && "0123456789.+-eE".indexOf(v.charAt(i)) >= 0) i++;
        String number = v.substring(0, i);
        String unit = v.substring(i);
        long nanosPerUnit = switch (unit) {
            case "" , "us" -> 1_000;
            case "s" -> 1_000_000_000;
            case "ms" -> 1_000_000;
            case "ns" -> 1;
            default -> -1;
        };
        if (nanosPerUnit < 0 || number.isEmpty()) return null;
        double d;
        try {
            d = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return null;
        }
        if (d < 0 || Double.isNaN(d) || d * nanosPerUnit > Long.MAX_VALUE) return null;
        return Duration.ofNanos((long) (d * nanosPerUnit));
    }
}
