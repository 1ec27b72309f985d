package dev.jstrace.ffi;

import dev.jstrace.arch.gen.Errnos;

/**
 * A failed C call, named with the call, its main argument and the errno, the
 * way strace names errors: {@code ptrace(PTRACE_SEIZE, 1234): EPERM (Operation not permitted)}.
 */
public final class NativeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errno;
    private final String call;

    /**
     * @param call  what was called, with its identifying arguments, e.g. {@code ptrace(PTRACE_SEIZE, 1234)}
     * @param errno the positive errno value
     */
    public NativeException(String call, int errno) {
        super(call + ": " + describe(errno));
        this.errno = errno;
        this.call = call;
    }

    /** The positive errno value. */
    public int errno() {
        return errno;
    }

    /** The call as named in the message. */
    public String call() {
        return call;
    }

    /** {@code ENOENT (No such file or directory)}, or {@code errno 1234} for an unknown value. */
    public static String describe(int errno) {
        String name = Errnos.name(errno);
        String msg = Errnos.message(errno);
        if (name == null) return "errno " + errno;
        return msg == null ? name : name + " (" + msg + ")";
    }

    /**
     * Returns {@code result} when it is non-negative; throws for {@code -errno}.
     *
     * @param call names the call for the message, e.g. {@code "pipe2"}
     */
    public static long check(long result, String call) {
        if (result < 0) throw new NativeException(call, (int) -result);
        return result;
    }
}
