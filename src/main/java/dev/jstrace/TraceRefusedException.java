package dev.jstrace;

/**
 * The kernel would not let jstrace trace a process: it names the reason
 * (already traced, another user, Yama, no CAP_SYS_PTRACE, no such process)
 * and what to do.
 */
public final class TraceRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With the explaining message and the failed call as cause. */
    public TraceRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
