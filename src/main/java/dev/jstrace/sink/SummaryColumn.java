package dev.jstrace.sink;

/**
 * A column of strace's {@code -c} table ({@code -U}), with strace 6.1's
 * header, width and the names {@code -U} and {@code -S} accept (strace's {@code column_aliases}:
 * dashes and underscores both).
 */
public enum SummaryColumn {
    /** {@code % time}: this call's share of the total time. */
    TIME_PERCENT("% time", 6, "time-percent", "percent", "time", "time_percent"),
    /** {@code seconds}: total time. */
    TOTAL_TIME("seconds", 11, "total-time", "seconds", "time-total", "time_total", "total_time"),
    /** {@code shortest}: the shortest call. */
    MIN_TIME("shortest", 8, "min-time", "shortest", "time-min", "min_time", "time_min"),
    /** {@code longest}: the longest call. */
    MAX_TIME("longest", 8, "max-time", "longest", "time-max", "max_time", "time_max"),
    /** {@code usecs/call}: average microseconds. */
    AVG_TIME("usecs/call", 11, "avg-time", "usecs/call", "time-avg", "avg_time", "time_avg"),
    /** {@code calls}. */
    CALLS("calls", 9, "calls", "count"),
    /** {@code errors}: blank when zero. */
    ERRORS("errors", 9, "errors", "error"),
    /** {@code syscall}: the name, left-aligned. */
    NAME("syscall", 16, "name", "syscall", "syscall-name", "syscall_name");

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
