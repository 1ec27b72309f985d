package dev.jstrace.sink;

import dev.jstrace.arch.Arch;
import dev.jstrace.Syscall;
import dev.jstrace.TraceEvent;
import dev.jstrace.TraceListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * strace's {@code -c} table: per syscall, the time spent, calls and errors,
 * laid out as strace 6.1 lays it out (widths, blank zero errors, the dashed
 * rules, the {@code total} row), sorted as {@code -S} says.
 *
 * <p>Time is, as strace counts it, the system CPU time spent in each call
 * ({@link Syscall#cpuNanos}, when the trace measured it) or, with {@code -w}
 * or when it was not measured, the latency from entry stop to exit stop;
 * less {@code -O}'s overhead per call, never below zero. Calls that never
 * returned ({@code exit_group}) are not counted, as in strace.
 */
public final class Summary implements TraceListener {
    private final boolean wallClock;
    private final long overheadNanos;

    /** An empty table that fills as a listener, counting latencies. */
    public Summary() {
        this(true, 0);
    }

    /**
     * An empty table that fills as a listener.
     *
     * @param wallClock     count latencies ({@code -w}) rather than CPU times
     * @param overheadNanos {@code -O}: taken off each call's time
     */
    public Summary(boolean wallClock, long overheadNanos) {
        this.wallClock = wallClock;
        this.overheadNanos = overheadNanos;
    }

    /** strace's default columns. */
    public static final List<SummaryColumn> DEFAULT_COLUMNS = List.of(SummaryColumn.TIME_PERCENT,
            SummaryColumn.TOTAL_TIME, SummaryColumn.AVG_TIME, SummaryColumn.CALLS, SummaryColumn.ERRORS,
            SummaryColumn.NAME);

    private final Map<String, Row> rows = new LinkedHashMap<>();

    /** One syscall's totals. */
    private static final class Row {
        final String name;
        final int number;
        long calls;
        long errors;
        long totalNanos;
        long minNanos = Long.MAX_VALUE;
        long maxNanos;

        Row(String name, int number) {
            this.name = name;
            this.number = number;
        }

        void add(long nanos, boolean failed) {
            calls++;
            if (failed) errors++;
            totalNanos += nanos;
            minNanos = Math.min(minNanos, nanos);
            maxNanos = Math.max(maxNanos, nanos);
        }
    }

    @Override
    public synchronized void onEvent(TraceEvent event) {
        // strace 6.1 counts only the numbers in its table (count_syscall: scno_in_range): a call it
        // does not know, printed raw as syscall_0x1c3, is in no row.
        if (event instanceof Syscall s && s.returned() && !Arch.isRawName(s.name())) {
            long t = !wallClock && s.cpuNanos() >= 0 ? s.cpuNanos() : s.durationNanos();
            rows.computeIfAbsent(s.name(), n -> new Row(n, s.number())).add(Math.max(0, t - overheadNanos),
                    s.failed());
        }
    }

    /**
     * Counts one call directly (for tests and replays).
     *
     * @param name the name
     * @param number the number
     * @param nanos the nanos
     * @param failed the failed
     */
    public synchronized void add(String name, int number, long nanos, boolean failed) {
        rows.computeIfAbsent(name, n -> new Row(n, number)).add(nanos, failed);
    }

    /**
     * Writes the table; nothing when no call was counted, as strace.
     *
     * @param sortBy  a {@code -S} key: {@code time} (default), {@code calls}, {@code errors}, {@code name},
     * @param columns the {@code -U} columns
     * @param out where to write
     * {@code nothing}, or any column name
     */
    public synchronized void print(PrintStream out, String sortBy, List<SummaryColumn> columns) {
        // strace's call_summary prints no table for a personality that counted no call (countv[p] NULL).
        if (rows.isEmpty()) return;
        List<Row> sorted = new ArrayList<>(rows.values());
        // strace sorts with a stable qsort over its table, which is in syscall-number order.
        sorted.sort(Comparator.comparingInt((Row r) -> r.number));
        Comparator<Row> order = comparator(sortBy);
        if (order != null) sorted.sort(order);
        Row total = new Row("total", -1);
        for (Row r : sorted) {
            total.calls += r.calls;
            total.errors += r.errors;
            total.totalNanos += r.totalNanos;
            total.minNanos = Math.min(total.minNanos, r.minNanos);
            total.maxNanos = Math.max(total.maxNanos, r.maxNanos);
        }
        StringBuilder b = new StringBuilder();
        List<String> headers = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            SummaryColumn c = columns.get(i);
            boolean last = i == columns.size() - 1;
            headers.add(c == SummaryColumn.NAME ? (last ? c.header() : pad(c.header(), c.width(), true))
                    : pad(c.header(), c.width(), false));
            rules.add("-".repeat(c.width()));
        }
        String rule = String.join(" ", rules) + "\n";
        b.append(String.join(" ", headers)).append('\n').append(rule);
        for (Row r : sorted) b.append(row(r, total.totalNanos, columns, false));
        b.append(rule).append(row(total, total.totalNanos, columns, true));
        out.print(b);
        out.flush();
    }

    private static String row(Row r, long allNanos, List<SummaryColumn> columns, boolean isTotal) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            SummaryColumn c = columns.get(i);
            boolean last = i == columns.size() - 1;
            String v = switch (c) {
                case TIME_PERCENT -> String.format(Locale.ROOT, "%6.2f",
                        isTotal ? 100.0 : allNanos == 0 ? 0.0 : 100.0 * r.totalNanos / allNanos);
                case TOTAL_TIME -> String.format(Locale.ROOT, "%11.6f", r.totalNanos / 1e9);
                case MIN_TIME -> String.format(Locale.ROOT, "%8.6f", (r.calls == 0 ? 0 : r.minNanos) / 1e9);
                case MAX_TIME -> String.format(Locale.ROOT, "%8.6f", r.maxNanos / 1e9);
                case AVG_TIME -> pad(Long.toString(r.calls == 0 ? 0 : r.totalNanos / r.calls / 1000), 11, false);
                case CALLS -> pad(Long.toString(r.calls), 9, false);
                case ERRORS -> pad(r.errors == 0 ? "" : Long.toString(r.errors), 9, false);
                case NAME -> last ? r.name : pad(r.name, 16, true);
            };
            cells.add(v);
        }
        return String.join(" ", cells) + "\n";
    }

    private static Comparator<Row> comparator(String sortBy) {
        SummaryColumn c = SummaryColumn.byName(sortBy);
        if (sortBy.equals("nothing") || sortBy.equals("none")) return null;
        if (c == null) throw new IllegalArgumentException("invalid sortby: '" + sortBy + "'");
        return switch (c) {
            case TIME_PERCENT, TOTAL_TIME -> Comparator.comparingLong((Row r) -> r.totalNanos).reversed();
            case MIN_TIME -> Comparator.comparingLong((Row r) -> r.minNanos).reversed();
            case MAX_TIME -> Comparator.comparingLong((Row r) -> r.maxNanos).reversed();
            case AVG_TIME -> Comparator.comparingLong((Row r) -> r.totalNanos / Math.max(1, r.calls)).reversed();
            case CALLS -> Comparator.comparingLong((Row r) -> r.calls).reversed();
            case ERRORS -> Comparator.comparingLong((Row r) -> r.errors).reversed();
            case NAME -> Comparator.comparing((Row r) -> r.name);
        };
    }

    /**
     * {@return whether {@code -S} accepts {@code sortBy}}
     *
     * @param sortBy the sort by
     */
    public static boolean validSortKey(String sortBy) {
        return sortBy.equals("nothing") || sortBy.equals("none") || SummaryColumn.byName(sortBy) != null;
    }

    private static String pad(String s, int width, boolean left) {
        if (s.length() >= width) return s;
        String spaces = " ".repeat(width - s.length());
        return left ? s + spaces : spaces + s;
    }
}
