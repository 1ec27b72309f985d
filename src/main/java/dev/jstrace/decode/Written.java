package dev.jstrace.decode;

/**
 * The one rule for output arguments: whether the kernel wrote an argument read at exit, so
 * that it is decoded, or left it alone, so that strace prints only its address (the memory
 * may hold anything). {@link CapturePlan} copies an output argument only when this says it
 * was written, and {@link ArgDecoder} decodes it only then; both ask here.
 *
 * <p>By default an output argument is written when the call succeeded (strace's
 * {@code umove_or_printaddr} prints the address after an error). The exceptions are
 * strace's too: a sleep's remaining time is written only when a signal interrupted it
 * ({@code is_erestart}), and wait4's status and rusage only when it reported a child.
 */
final class Written {
    /** The kernel's restart codes (include/linux/errno.h): an interrupted call reports one of them. */
    static final int ERESTARTSYS = 512, ERESTARTNOINTR = 513, ERESTARTNOHAND = 514, ERESTART_RESTARTBLOCK = 516;

    private Written() {}

    /**
     * Whether the kernel wrote argument {@code i} of type {@code t}.
     *
     * @param t     the argument's type
     * @param i     its index
     * @param args  the entry registers
     * @param rval  the return value (a negated errno on error)
     * @param error whether the call failed
     * @return whether its value is the kernel's
     */
    static boolean byKernel(ArgType t, int i, long[] args, long rval, boolean error) {
        return switch (t) {
            // nanosleep's rem, clock_nanosleep's remain: the time left, written only when a signal
            // interrupted the sleep, and for clock_nanosleep only for a relative one (flags 0, two before).
            case TIMESPEC_LEFT -> error && isRestart(rval) && (i < 2 || arg(args, i - 2) == 0);
            // wait4's rusage: written only when a child was reported (not after WNOHANG returned 0).
            case WAIT_RUSAGE_OUT, WAIT_STATUS_OUT -> !error && rval > 0;
            default -> !error;
        };
    }

    /** {@return whether {@code rval} is one of the restart codes an interrupted call returns} */
    static boolean isRestart(long rval) {
        long e = -rval;
        return e == ERESTARTSYS || e == ERESTARTNOINTR || e == ERESTARTNOHAND || e == ERESTART_RESTARTBLOCK;
    }

    /** {@return whether the call's exit may have written an argument even though it failed} */
    static boolean anyOnError(Signature sig) {
        return sig.args().contains(ArgType.TIMESPEC_LEFT);
    }

    private static long arg(long[] args, int i) {
        return i < args.length ? args[i] : 0;
    }
}
