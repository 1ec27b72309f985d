package dev.jstrace.proc;

import dev.jstrace.arch.Arch;

/**
 * What the event loop hands to the consumer side, in the order the stops
 * happened. Times are {@link System#nanoTime()} values taken at the stop.
 * Nothing here is decoded: that happens after the tracee has been restarted.
 */
public sealed interface RawEvent {
    /** The thread the event belongs to. */
    int tid();

    /** Its thread group (process) id. */
    int pid();

    /** {@link System#nanoTime()} at the stop. */
    long nanos();

    /**
     * A syscall-entry stop.
     *
     * @param arch   the ABI of the call ({@code null} when the kernel reported one jstrace does not know)
     * @param nr     the syscall number
     * @param args   the six argument registers, as they were at entry
     * @param memory what the planner copied at entry
     * @param stackPointer the tracee's stack pointer at entry (rt_sigreturn's frame lies above it), or 0
     */
    record SyscallEntry(int tid, int pid, long nanos, Arch arch, int nr, long[] args, Snapshot memory,
                        long stackPointer) implements RawEvent {
        /** An entry whose stack pointer was not recorded. */
        public SyscallEntry(int tid, int pid, long nanos, Arch arch, int nr, long[] args, Snapshot memory) {
            this(tid, pid, nanos, arch, nr, args, memory, 0);
        }
    }

    /**
     * A syscall-exit stop, always preceded by its {@link SyscallEntry} on the same tid.
     *
     * @param rval    the return value as the kernel reported it ({@code -errno} on error)
     * @param isError whether the kernel flagged it as an error
     * @param memory  what the planner copied at exit
     * @param tampering what {@code -e inject=} did to the call: {@link #INJECTED}, {@link #POKED},
     *                  {@link #DELAYED} bits, and in bits 8..15 an injected signal; 0 for nothing
     * @param cpuNanos  the system CPU time spent in the call, or -1 when it was not measured
     */
    record SyscallExit(int tid, int pid, long nanos, long rval, boolean isError, Snapshot memory, int tampering,
                       long cpuNanos) implements RawEvent {
        /** Tampering bit: the result was injected ({@code rval} is the injected one). */
        public static final int INJECTED = 1;
        /** Tampering bit: tracee memory was poked at the entry or exit. */
        public static final int POKED = 2;
        /** Tampering bit: the call was delayed at its entry or exit. */
        public static final int DELAYED = 4;

        /** An exit nothing tampered with. */
        public SyscallExit(int tid, int pid, long nanos, long rval, boolean isError, Snapshot memory) {
            this(tid, pid, nanos, rval, isError, memory, 0);
        }

        /** An exit whose CPU time was not measured. */
        public SyscallExit(int tid, int pid, long nanos, long rval, boolean isError, Snapshot memory, int tampering) {
            this(tid, pid, nanos, rval, isError, memory, tampering, -1);
        }
    }

    /**
     * A signal about to be delivered (signal-delivery-stop); the loop re-injects it.
     *
     * @param signo   the signal
     * @param siginfo the raw 128-byte {@code siginfo_t}, or {@code null} when it could not be read
     */
    record Signal(int tid, int pid, long nanos, int signo, byte[] siginfo) implements RawEvent {}

    /** A group-stop: the process was stopped by {@code signo} (strace: {@code --- stopped by SIGSTOP ---}). */
    record GroupStop(int tid, int pid, long nanos, int signo) implements RawEvent {}

    /**
     * A new traced thread or process.
     *
     * @param parentTid the tid that created it, or 0 for the first (spawned or attached) task
     * @param how       how it came to be traced
     */
    record TaskStart(int tid, int pid, long nanos, int parentTid, How how) implements RawEvent {
        /** How a task came under trace. */
        public enum How { SPAWN, ATTACH, FORK, VFORK, CLONE_PROCESS, CLONE_THREAD }
    }

    /**
     * A successful execve. When a non-leader thread execs, it takes over the
     * leader's id: {@code tid} is then the pid and {@code formerTid} the old one.
     */
    record Exec(int tid, int pid, long nanos, int formerTid) implements RawEvent {}

    /**
     * A thread or process ended.
     *
     * @param waitStatus the raw wait status: {@code WIFEXITED}/{@code WIFSIGNALED} tell which
     * @param lastOfProcess whether no traced thread of the process remains (the {@code +++} line)
     */
    record TaskExit(int tid, int pid, long nanos, int waitStatus, boolean lastOfProcess) implements RawEvent {}

    /**
     * A thread started to exit (PTRACE_EVENT_EXIT) while inside a reported call: that call never returns.
     * Its {@link TaskExit} follows later (for a thread-group leader, only once its last thread is gone).
     */
    record Exiting(int tid, int pid, long nanos) implements RawEvent {}

    /**
     * A process the loop does not trace reported to its wait: it ended ({@code detached} false: a
     * tracee's {@code CLONE_PARENT} child, reaped), or it stopped traced without {@code -f} (a
     * {@code CLONE_PTRACE} child) and was detached at once ({@code detached} true).
     */
    record Unknown(int tid, int pid, long nanos, boolean detached) implements RawEvent {}

    /** A task was detached and runs on untraced. */
    record Detached(int tid, int pid, long nanos) implements RawEvent {}

    /** The loop has finished: no tracee remains. Always the last event. */
    record End(int tid, int pid, long nanos) implements RawEvent {}
}
