package dev.jstrace.proc;

/**
 * What a {@link CapturePlanner} may read from a stopped tracee. Every read is
 * recorded into the stop's {@link Snapshot} and also returned, so a planner
 * can follow pointers (execve's argv, an iovec array). Reads never throw: an
 * unreadable address yields a region marked unreadable. A returned region
 * is valid during the stop only: the capture side may reuse it afterwards
 * (the snapshot keeps its own copy), so a planner must not keep it.
 */
public interface TraceeMemory {
    /**
     * Reads a NUL-terminated string of at most {@code limit} bytes (not counting the NUL).
     * {@code complete()} of the result says whether the NUL was found.
     */
    Snapshot.Region string(long address, int limit);

    /** Reads {@code length} bytes; fewer when the range runs into unmapped memory. */
    Snapshot.Region bytes(long address, int length);

    /** Records the path behind a file descriptor of the tracee (for {@code -y}); no-op if already recorded. */
    void fdPath(int fd);

    /** The thread being read. */
    int tid();

    /** The thread's stack pointer at this stop (0 when unknown), for frames such as rt_sigreturn's. */
    default long stackPointer() {
        return 0;
    }
}
