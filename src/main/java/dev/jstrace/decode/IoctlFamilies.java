package dev.jstrace.decode;

/**
 * ioctl's third argument for the request families strace decodes, chosen by
 * the request's type byte as strace's ioctl_decode does. Each family says what
 * to copy ({@link #capture}) and how the argument prints ({@link #arg}).
 */
final class IoctlFamilies {
    /** Returned by {@link #arg} when no family decodes the request (the generic rules apply). */
    static final Value UNDECODED = new Value.Text("<undecoded>");

    private IoctlFamilies() {}

    /**
     * Bytes to copy for the request: positive at entry, negative at exit, 0 for none.
     */
    static int capture(long req) {
        return 0;
    }

    /** The argument as the request's family prints it; null when strace prints none; UNDECODED otherwise. */
    static Value arg(CallContext c, long req, long a) {
        return UNDECODED;
    }
}
