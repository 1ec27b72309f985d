package dev.jstrace.decode;

/**
 * Signal names, signal sets and wait statuses as strace prints them. Signal
 * numbers are the same on x86-64 and aarch64 (both use the asm-generic numbering
 * for 1..31 and the real-time range 32..64).
 */
public final class SignalNames {
    private static final String[] NAMES = {
        null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
        "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    };
    private static final String[] RT_NAMES = new String[65];

    static {
        RT_NAMES[32] = "SIGRTMIN";
        for (int i = 33; i <= 64; i++) RT_NAMES[i] = "SIGRT_" + (i - 32);
    }

    private SignalNames() {}

    /**
     * {@return {@code SIGCHLD}, {@code SIGRTMIN}, {@code SIGRT_1}; a number outside 1..64 prints as the number}
     *
     * @param signo the signo
     */
    public static String name(int signo) {
        if (signo > 0 && signo < NAMES.length) return NAMES[signo];
        if (signo >= 32 && signo <= 64) return RT_NAMES[signo];
        return Integer.toString(signo);
    }

    /**
     * {@return whether {@code signo} has a name}
     *
     * @param signo the signo
     */
    public static boolean known(int signo) {
        return signo > 0 && signo <= 64;
    }

    /**
     * A signal set, {@code [CHLD INT]}; with two thirds or more of its bits set strace
     * prints the complement, {@code ~[RTMIN RT_1]} (sprintsigmask_n, in 32-bit words).
     *
     * @param nsig number of signals the set holds (8 × sigsetsize)
     * @param mask the mask
     * @return the set as strace prints it
     */
    public static String sigset(long mask, int nsig) {
        return sigset(mask, nsig, DecodeOptions.Xlat.ABBREV);
    }

    /**
     * A signal set in {@code -X} style {@code xlat}: {@code [CHLD]}, raw {@code [17]}, verbose
     * {@code [17 /* CHLD *&#47;]} (strace 6.1's renderings).
     *
     * @param mask the mask
     * @param nsig the nsig
     * @param xlat the xlat
     * @return the set as strace prints it
     */
    public static String sigset(long mask, int nsig, DecodeOptions.Xlat xlat) {
        // strace counts in whole 32-bit words: a 2-byte set is shown as 32 signals.
        nsig = Math.min(64, (nsig + 31) / 32 * 32);
        long valid = nsig == 64 ? -1L : (1L << nsig) - 1;
        mask &= valid;
        StringBuilder sb = new StringBuilder(16);
        if (Long.bitCount(mask) >= nsig * 2 / 3) {
            sb.append('~');
            mask = ~mask & valid;
        }
        sb.append('[');
        boolean first = true;
        for (int i = 0; i < nsig; i++) {
            if ((mask & (1L << i)) != 0) {
                if (!first) sb.append(' ');
                first = false;
                String n = name(i + 1);
                switch (xlat) {
                    case ABBREV -> sb.append(n, 3, n.length());
                    case RAW -> sb.append(i + 1);
                    case VERBOSE -> sb.append(i + 1).append(" /* ").append(n, 3, n.length()).append(" */");
                }
            }
        }
        return sb.append(']').toString();
    }
}
