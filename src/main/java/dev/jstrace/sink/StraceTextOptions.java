package dev.jstrace.sink;

import dev.jstrace.Syscall;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How {@link StraceTextSink} lays out and filters lines: the strace options
 * that act after decoding.
 *
 * @param alignColumn      {@code -a N}: the column {@code = RESULT} starts at (strace's default: 40)
 * @param timestamps       {@code -t/-tt/-ttt/-r} and their long forms
 * @param durations        {@code -T}: {@code  <0.000012>} after the result
 * @param durationPrecision digits after the second for {@code -T} (strace's default: 6)
 * @param followForks      {@code -f}: with {@code -o FILE} every line then carries the pid
 * @param initialProcesses how many processes were traced from the start (several {@code -p})
 * @param quietAttach      {@code -q}: no {@code Process N attached/detached} messages
 * @param quietExit        {@code -qq}: no {@code +++ exited with N +++} lines
 * @param syscalls         {@code -e trace=}: which syscall names print (the engine may filter earlier too)
 * @param signals          {@code -e signal=}: which signal names print their {@code --- SIG... ---} line
 * @param statuses         {@code -e status=}, {@code -z}, {@code -Z}: which outcomes print
 * @param paths            {@code -P}: when not null, the path filter a call must pass
 * @param syscallNumbers   {@code -n}: each line's leader ends with the syscall number ({@code [  50] })
 * @param quietThreadExecve {@code -qqq}, {@code --quiet=thread-execve}: no {@code +++ superseded by execve} lines
 */
public record StraceTextOptions(int alignColumn, StraceTimestamps timestamps, boolean durations,
                                int durationPrecision, boolean followForks, int initialProcesses,
                                boolean quietAttach, boolean quietExit, Predicate<String> syscalls,
                                Predicate<String> signals, Set<Status> statuses, FilterByPath paths,
                                boolean syscallNumbers, boolean quietThreadExecve) {

    /**
     * Options that print {@code +++ superseded by execve} lines.
     *
     * @param alignColumn the {@code -a} column
     * @param timestamps the stamps
     * @param durations {@code -T}
     * @param durationPrecision {@code -T}'s digits
     * @param followForks {@code -f}
     * @param initialProcesses processes traced from the start
     * @param quietAttach {@code -q}
     * @param quietExit {@code -qq}
     * @param syscalls {@code -e trace=}
     * @param signals {@code -e signal=}
     * @param statuses {@code -e status=}
     * @param paths {@code -P}, or null
     * @param syscallNumbers {@code -n}
     */
    public StraceTextOptions(int alignColumn, StraceTimestamps timestamps, boolean durations,
                             int durationPrecision, boolean followForks, int initialProcesses,
                             boolean quietAttach, boolean quietExit, Predicate<String> syscalls,
                             Predicate<String> signals, Set<Status> statuses, FilterByPath paths,
                             boolean syscallNumbers) {
        this(alignColumn, timestamps, durations, durationPrecision, followForks, initialProcesses, quietAttach,
                quietExit, syscalls, signals, statuses, paths, syscallNumbers, false);
    }

    /**
     * Options without {@code -n}.
     *
     * @param alignColumn the {@code -a} column
     * @param timestamps the stamps
     * @param durations {@code -T}
     * @param durationPrecision {@code -T}'s digits
     * @param followForks {@code -f}
     * @param initialProcesses processes traced from the start
     * @param quietAttach {@code -q}
     * @param quietExit {@code -qq}
     * @param syscalls {@code -e trace=}
     * @param signals {@code -e signal=}
     * @param statuses {@code -e status=}
     * @param paths {@code -P}, or null
     */
    public StraceTextOptions(int alignColumn, StraceTimestamps timestamps, boolean durations,
                             int durationPrecision, boolean followForks, int initialProcesses,
                             boolean quietAttach, boolean quietExit, Predicate<String> syscalls,
                             Predicate<String> signals, Set<Status> statuses, FilterByPath paths) {
        this(alignColumn, timestamps, durations, durationPrecision, followForks, initialProcesses, quietAttach,
                quietExit, syscalls, signals, statuses, paths, false);
    }

    /**
     * {@return a copy with {@code -n} on or off}
     *
     * @param on whether lines carry the syscall number
     */
    public StraceTextOptions withSyscallNumbers(boolean on) {
        return new StraceTextOptions(alignColumn, timestamps, durations, durationPrecision, followForks,
                initialProcesses, quietAttach, quietExit, syscalls, signals, statuses, paths, on, quietThreadExecve);
    }

    /**
     * {@return a copy with {@code +++ superseded by execve} lines hidden or shown}
     *
     * @param quiet whether they are hidden
     */
    public StraceTextOptions withQuietThreadExecve(boolean quiet) {
        return new StraceTextOptions(alignColumn, timestamps, durations, durationPrecision, followForks,
                initialProcesses, quietAttach, quietExit, syscalls, signals, statuses, paths, syscallNumbers, quiet);
    }

    /** strace's {@code -e status=} outcomes. */
    public enum Status {
        /** Returned without error. */
        SUCCESSFUL,
        /** Returned an error. */
        FAILED,
        /** Never returned (the thread exited inside it: {@code = ?}). */
        UNFINISHED,
        /** Returned, but the result could not be read. */
        UNAVAILABLE,
        /** The tracer detached while the call was in progress. */
        DETACHED;

        /**
         * {@return the outcome of a completed call}
         *
         * @param call the call
         */
        public static Status of(Syscall call) {
            if (!call.returned()) return UNFINISHED;
            return call.failed() ? FAILED : SUCCESSFUL;
        }
    }

    /** {@return strace's defaults: column 40, no stamps, everything printed} */
    public static StraceTextOptions defaults() {
        return new StraceTextOptions(40, StraceTimestamps.none(), false, 6, false, 1, false, false,
                name -> true, name -> true, EnumSet.allOf(Status.class), null);
    }

    /**
     * Whether a call's line must wait for its exit: when whether it prints depends on
     * its outcome or its arguments, strace prints the whole line at exit (and so
     * never splits it into {@code <unfinished ...>} and {@code <... resumed>}).
     *
     * @return whether the line waits for the exit
     */
    public boolean staged() {
        return paths != null || !statuses.containsAll(EnumSet.allOf(Status.class));
    }

    /**
     * {@return a copy with another alignment column}
     *
     * @param column the column
     */
    public StraceTextOptions withAlignColumn(int column) {
        return new StraceTextOptions(column, timestamps, durations, durationPrecision, followForks,
                initialProcesses, quietAttach, quietExit, syscalls, signals, statuses, paths, syscallNumbers,
                quietThreadExecve);
    }
}
