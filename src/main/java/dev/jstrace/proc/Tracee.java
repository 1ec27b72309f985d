package dev.jstrace.proc;

import dev.jstrace.arch.Arch;

/** What the event loop remembers about one traced thread between its stops. */
final class Tracee {
    final int tid;
    int pid;
    /** Inside a syscall whose entry was seen. */
    boolean inSyscall;
    /** The current syscall is not traced: its exit is not reported either. */
    boolean quiet;
    int nr;
    Arch arch;
    /** The entry's arguments: aarch64 overwrites x0 with the result, so exit decoding uses these. */
    final long[] args = new long[6];
    /** Spawned and not yet at its first execve: everything before is jstrace's own set-up. */
    boolean beforeExec;
    /** Inside the spawned child's own execve: a failure puts it back {@link #beforeExec} (the stub then exits). */
    boolean inInitialExec;
    /** Auto-attached child whose initial PTRACE_EVENT_STOP has not been seen yet. */
    boolean awaitingInitialStop;
    /** A detach was asked for; detach at the next stop. */
    boolean detachPending;
    /** In a group-stop, parked with PTRACE_LISTEN. */
    boolean groupStopped;
    /** The tampering rule that fired at this call's entry, until its exit; null for none. */
    InjectRule tamper;
    /** What was done to the current call: {@link RawEvent.SyscallExit#tampering()}'s flags. */
    int tampered;
    /** The signal a delayed entry is restarted with (an injected {@code signal=}). */
    int pendingSignal;
    /** Stopped until its delay's sleeper exits. */
    boolean delayed;
    /** wait4's ru_stime at the reported entry, in nanoseconds (see EventLoop.setSystemTimes). */
    long systemTimeAtEntry;
    /** Per ABI, the injection countdown of each syscall number (strace counts per thread). */
    final java.util.Map<Arch, int[]> injectCounters = new java.util.EnumMap<>(Arch.class);

    Tracee(int tid, int pid) {
        this.tid = tid;
        this.pid = pid;
    }
}
