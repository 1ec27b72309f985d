package dev.jstrace;

import dev.jstrace.decode.Value;
import java.util.List;

/**
 * A syscall has been entered and has not returned yet. Sinks that print
 * strace's {@code <unfinished ...>} lines need it; most listeners ignore it
 * and wait for the {@link Syscall}, which refers back to this event
 * ({@link Syscall#entry()}): the engine pairs entries with exits, sinks do not.
 *
 * @param pid       the process (thread group) id
 * @param tid       the thread id
 * @param timeNanos when it happened, nanoseconds since the epoch
 * @param name          the syscall's name
 * @param number        its number
 * @param entryArgs     the arguments known at entry, as values
 * @param entryArgTexts the arguments strace prints at entry, rendered
 * @param totalArgs     how many arguments the call has (more follow at exit when greater)
 */
public record SyscallEntered(int pid, int tid, long timeNanos, String name, int number, List<Value> entryArgs,
                             List<String> entryArgTexts, int totalArgs) implements TraceEvent {
    /**
     * An entry known only by its rendering (tests, listeners that build events themselves).
     *
     * @param pid           the process (thread group) id
     * @param tid           the thread id
     * @param timeNanos     when it happened, nanoseconds since the epoch
     * @param name          the syscall's name
     * @param number        its number
     * @param entryArgTexts the arguments strace prints at entry, rendered
     * @param totalArgs     how many arguments the call has
     */
    public SyscallEntered(int pid, int tid, long timeNanos, String name, int number, List<String> entryArgTexts,
                          int totalArgs) {
        this(pid, tid, timeNanos, name, number, List.of(), entryArgTexts, totalArgs);
    }

    /** {@return strace's entry text: {@code read(3, } or {@code write(1, "hi", 2}} */
    public String entryText() {
        StringBuilder sb = new StringBuilder(name).append('(');
        sb.append(String.join(", ", entryArgTexts));
        if (!entryArgTexts.isEmpty() && entryArgTexts.size() < totalArgs) sb.append(", ");
        return sb.toString();
    }
}
