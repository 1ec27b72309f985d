package dev.jstrace;

/**
 * The kernel would not let jstrace trace a process: it names the reason
 * (already traced, another user, Yama, no CAP_SYS_PTRACE, no such process)
 * and what to do.
 */
public final class TraceRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * With the explaining message and the failed call as cause.
     *
     * @param message why, and what to do
     * @param cause   the refused call (a kernel error), or null when jstrace refused before asking
     */
    public TraceRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
