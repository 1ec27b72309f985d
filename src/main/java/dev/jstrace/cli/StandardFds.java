package dev.jstrace.cli;

import dev.jstrace.ffi.Libc;
import dev.jstrace.ffi.NativeException;

/**
 * strace's redirect_standard_fds: once the command runs, the tracer lets go of its own standard
 * input and output, so that a traced program that closes its ends of a pipe closes the pipe (the
 * writer into {@code cat | jstrace sh -c 'exec <&-'} gets its SIGPIPE, the reader of
 * {@code jstrace sh -c 'exec >&-' | cat} its end of file) as it would untraced. Each is replaced
 * by a placeholder, the read end of a pipe whose write end is closed (reads see end of file,
 * writes fail), so no later open takes descriptor 0 or 1. Standard error stays: the trace and
 * the messages go there.
 */
final class StandardFds {
    private StandardFds() {}

    /**
     * Replaces descriptors 0 and 1 with placeholders, each only when the caller passed it: a
     * descriptor the caller left closed may be one the JVM opened for itself since.
     *
     * @param callerFds the descriptors the caller passed (the launcher's record)
     */
    static void letGo(int[] callerFds) {
        for (int fd = 0; fd <= 1; fd++) {
            if (!passed(callerFds, fd)) continue;
            Libc.close(fd);
            try {
                int[] ends = Libc.pipe2(Libc.O_CLOEXEC); // jstrace's own, at the lowest free descriptor: fd itself
                Libc.close(ends[1]);
                if (ends[0] != fd) Libc.close(ends[0]);
            } catch (NativeException e) {
                return; // out of descriptors: the standard one stays closed, as it was let go anyway
            }
        }
    }

    private static boolean passed(int[] fds, int fd) {
        for (int f : fds) if (f == fd) return true;
        return false;
    }
}
