package dev.jstrace;

/**
 * One thing that happened in a traced program, as delivered to a
 * {@link TraceListener} and kept in a {@link Trace}: a syscall's entry, a
 * completed syscall, a signal, or a change in a process's life.
 */
public sealed interface TraceEvent permits SyscallEntered, Syscall, SignalEvent, ProcessEvent {
    /** {@return the process (thread group) id} */
    int pid();

    /** {@return the thread id} */
    int tid();

    /** {@return when it happened, in nanoseconds since the epoch (from a monotonic clock anchored once)} */
    long timeNanos();
}
