package dev.jstrace;

/**
 * A change in the life of a traced thread or process.
 *
 * @param pid       the process (thread group) id
 * @param tid       the thread id
 * @param timeNanos when it happened, nanoseconds since the epoch
 * @param kind      what happened
 * @param parentTid for {@link Kind#STARTED}: the creating thread, or 0
 * @param status    for {@link Kind#EXITED}: the exit code; for {@link Kind#KILLED}: the signal number;
 *                  for {@link Kind#EXEC}: the former tid
 * @param detail    for {@link Kind#STARTED}: how (fork, vfork, clone, thread, spawn, attach); for
 *                  {@link Kind#KILLED}: the signal's name and {@code (core dumped)} where it applies
 * @param lastOfProcess for exits: whether this ended the whole process
 */
public record ProcessEvent(int pid, int tid, long timeNanos, Kind kind, int parentTid, int status,
                           String detail, boolean lastOfProcess) implements TraceEvent {
    /** What happened. */
    public enum Kind {
        /** A thread or process appeared: created by a tracee, spawned, or attached. */
        STARTED,
        /** The process ran a new program (a successful {@code execve}). */
        EXEC,
        /** The thread or process exited with a status. */
        EXITED,
        /** A signal killed it. */
        KILLED,
        /** jstrace let go of it; it runs on untraced. */
        DETACHED,
        /**
         * A process jstrace does not trace ended and was reaped by jstrace: a tracee's
         * {@code CLONE_PARENT} child, which is jstrace's child but untraced without {@code -f}
         * (strace: {@code Exit of unknown pid N ignored}). Nothing else is known of it.
         */
        UNKNOWN_EXITED,
        /**
         * A process came under trace uninvited (a tracee's {@code CLONE_PTRACE} child without
         * {@code -f}) and was let go at its first stop (strace: {@code Detached unknown pid N}).
         */
        UNKNOWN_DETACHED;

        /** {@return whether the event is about a process jstrace never traced (the UNKNOWN_ kinds)} */
        public boolean unknownProcess() {
            return this == UNKNOWN_EXITED || this == UNKNOWN_DETACHED;
        }
    }

    /** {@return strace's {@code +++ exited with 3 +++} / {@code +++ killed by SIGKILL +++}, or null for other kinds} */
    public String straceText() {
        return switch (kind) {
            case EXITED -> "+++ exited with " + status + " +++";
            case KILLED -> "+++ killed by " + detail + " +++";
            default -> null;
        };
    }
}
