package dev.jstrace.cli;

import dev.jstrace.ffi.Libc;
import dev.jstrace.ffi.SignalCalls;

/**
 * Makes jstrace die of the signal that killed the traced command, as strace
 * does: core dumps off ({@code setrlimit(RLIMIT_CORE, {0, 0})}), the signal's
 * disposition back to the default (the JVM catches SIGSEGV, SIGBUS, SIGFPE,
 * SIGILL, SIGINT, SIGTERM… for itself), then {@code kill(getpid(), sig)}.
 * Should the signal not end the process, it halts with {@code 128 + sig},
 * the status a shell would show.
 */
final class SignalDeath {
    private SignalDeath() {}

    /** Ends the JVM by {@code sig}; never returns. */
    static void die(int sig) {
        try {
            // Failures only mean a core file or a survived signal; the halt below still ends us as a shell expects.
            SignalCalls.setrlimit(SignalCalls.RLIMIT_CORE, 0, 0);
            SignalCalls.signal(sig, SignalCalls.SIG_DFL);
            Libc.kill(Libc.getpid(), sig);
            Thread.sleep(2000);
        } catch (Throwable t) {
            // fall through to the exit status a shell would report
        }
        Runtime.getRuntime().halt(128 + sig);
    }
}
