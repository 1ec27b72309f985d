package dev.jstrace;

import dev.jstrace.decode.Errno;
import dev.jstrace.decode.Value;
import java.util.List;

/**
 * One syscall, decoded: its entry and exit paired by the engine (the one place
 * that does so). Sinks read {@link #args()} as values; {@link #argTexts()} and
 * {@link #result()} are strace's rendering under the trace's options.
 *
 * @param pid            the process id
 * @param tid            the thread id
 * @param name           the name strace prints ({@code openat}, or {@code syscall_0x1c3} when unknown)
 * @param number         the syscall number
 * @param args           the decoded arguments as values
 * @param argTexts       the arguments as strace renders them
 * @param entryArgCount  how many of the arguments strace prints at entry (the rest come after {@code <... resumed>})
 * @param returnValue    the raw return value ({@code -errno} on error); meaningless when {@code !returned}
 * @param error          the error (number, name, message) or {@code null} when the call did not fail
 * @param result         what strace prints after {@code = }: {@code 3}, {@code -1 ENOENT (No such file or directory)}, {@code ?}
 * @param timeNanos      entry time, nanoseconds since the epoch
 * @param durationNanos  from entry to exit; 0 when it never returned
 * @param returned       false when the thread exited inside the call ({@code = ?})
 * @param tampering      what {@link Tamper} ({@code -e inject=}) did to the call; {@link Tampering#NONE}
 *                       for nothing
 * @param entry          the {@link SyscallEntered} event delivered for this call's entry, or null when
 *                       entries were not delivered
 * @param resultValue    the result as a value, what sinks read instead of {@link #result}: a number
 *                       ({@link Value.Radix#HEX} for an address such as mmap's), the descriptor or pid
 *                       returned, {@code -1} on failure; null when the call never returned
 * @param cpuNanos       the system CPU time spent in the call (strace's {@code -c} measure), or -1 when it
 *                       was not measured (see {@link TraceOptions#systemTimes})
 */
public record Syscall(int pid, int tid, String name, int number, List<Value> args, List<String> argTexts,
                      int entryArgCount, long returnValue, Errno error, String result, long timeNanos,
                      long durationNanos, boolean returned, Tampering tampering, SyscallEntered entry,
                      Value resultValue, long cpuNanos)
        implements TraceEvent {

    /**
     * A call whose CPU time was not measured.
     *
     * @param pid the process id
     * @param tid the thread id
     * @param name the name
     * @param number the number
     * @param args the args
     * @param argTexts the arg texts
     * @param entryArgCount the entry arg count
     * @param returnValue the return value
     * @param error the error
     * @param result the result
     * @param timeNanos the time nanos
     * @param durationNanos the duration nanos
     * @param returned the returned
     * @param tampering the tampering
     * @param entry the entry event, or null
     * @param resultValue the result as a value, or null
     */
    public Syscall(int pid, int tid, String name, int number, List<Value> args, List<String> argTexts,
                   int entryArgCount, long returnValue, Errno error, String result, long timeNanos,
                   long durationNanos, boolean returned, Tampering tampering, SyscallEntered entry,
                   Value resultValue) {
        this(pid, tid, name, number, args, argTexts, entryArgCount, returnValue, error, result, timeNanos,
                durationNanos, returned, tampering, entry, resultValue, -1);
    }

    /**
     * A call whose result value is its plain number ({@code -1} on failure).
     *
     * @param pid the process id
     * @param tid the thread id
     * @param name the name
     * @param number the number
     * @param args the args
     * @param argTexts the arg texts
     * @param entryArgCount the entry arg count
     * @param returnValue the return value
     * @param error the error
     * @param result the result
     * @param timeNanos the time nanos
     * @param durationNanos the duration nanos
     * @param returned the returned
     * @param tampering the tampering
     * @param entry the entry event, or null
     */
    public Syscall(int pid, int tid, String name, int number, List<Value> args, List<String> argTexts,
                   int entryArgCount, long returnValue, Errno error, String result, long timeNanos,
                   long durationNanos, boolean returned, Tampering tampering, SyscallEntered entry) {
        this(pid, tid, name, number, args, argTexts, entryArgCount, returnValue, error, result, timeNanos,
                durationNanos, returned, tampering, entry, null);
    }

    /**
     * A call nothing tampered with, whose entry event was not delivered.
     *
     * @param pid the process id
     * @param tid the thread id
     * @param name the name
     * @param number the number
     * @param args the args
     * @param argTexts the arg texts
     * @param entryArgCount the entry arg count
     * @param returnValue the return value
     * @param error the error
     * @param result the result
     * @param timeNanos the time nanos
     * @param durationNanos the duration nanos
     * @param returned the returned
     */
    public Syscall(int pid, int tid, String name, int number, List<Value> args, List<String> argTexts,
                   int entryArgCount, long returnValue, Errno error, String result, long timeNanos,
                   long durationNanos, boolean returned) {
        this(pid, tid, name, number, args, argTexts, entryArgCount, returnValue, error, result, timeNanos,
                durationNanos, returned, Tampering.NONE, null);
    }

    /** A null tampering is {@link Tampering#NONE}; a returned call without a result value gets its number. */
    public Syscall {
        if (tampering == null) tampering = Tampering.NONE;
        if (resultValue == null && returned) {
            resultValue = new Value.Num(error != null ? -1 : returnValue, Value.Radix.DEC);
        }
    }

    /** {@return the errno's name ({@code ENOENT}), or {@code null} when the call did not fail} */
    public String errno() {
        return error == null ? null : error.name();
    }

    /** {@return the arguments as strace prints them between the parentheses} */
    public String argsText() {
        return String.join(", ", argTexts);
    }

    /**
     * {@return {@code openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3}, with strace's {@code (INJECTED)} notes}
     */
    public String straceText() {
        return name + "(" + argsText() + ") = " + result + tampering.straceNote();
    }

    /** {@return whether the call failed} */
    public boolean failed() {
        return error != null;
    }

    /** The strace line with {@code -T}'s duration: {@code write(1, "Hello\n", 6) = 6 <0.000150>}. */
    @Override
    public String toString() {
        return straceText() + String.format(" <%d.%06d>", durationNanos / 1_000_000_000L,
                (durationNanos / 1000) % 1_000_000);
    }
}
