package dev.jstrace.sink;

/**
 * A column of strace's {@code -c} table ({@code -U}), with strace 6.1's
 * header, width and the names {@code -U} and {@code -S} accept.
 */
public enum SummaryColumn {
    /** {@code % time}: this call's share of the total time. */
    TIME_PERCENT("% time", 6, "time-percent", "percent", "time"),
    /** {@code seconds}: total time. */
    TOTAL_TIME("seconds", 11, "total-time", "seconds", "time-total"),
    /** {@code shortest}: the shortest call. */
    MIN_TIME("shortest", 8, "min-time", "shortest", "time-min"),
    /** {@code longest}: the longest call. */
    MAX_TIME("longest", 8, "max-time", "longest", "time-max"),
    /** {@code usecs/call}: average microseconds. */
    AVG_TIME("usecs/call", 11, "avg-time", "usecs/call", "time-avg"),
    /** {@code calls}. */
    CALLS("calls", 9, "calls", "count"),
    /** {@code errors}: blank when zero. */
    ERRORS("errors", 9, "errors", "error"),
    /** {@code syscall}: the name, left-aligned. */
    NAME("syscall", 16, "name", "syscall", "syscall-name");

    private final String header;
    private final int width;
    private final String[] names;

    SummaryColumn(String header, int width, String... names) {
        this.header = header;
        this.width = width;
        this.names = names;
    }

    /** {@return the header strace prints} */
    public String header() {
        return header;
    }

    /** {@return the column's width} */
    public int width() {
        return width;
    }

    /**
     * {@return the column a {@code -U}/{@code -S} name means, or null}
     *
     * @param name the name
     */
    public static SummaryColumn byName(String name) {
        for (SummaryColumn c : values()) {
            for (String n : c.names) if (n.equals(name)) return c;
        }
        return null;
    }
}
