package dev.jstrace.cli;

import dev.jstrace.ffi.SignalCalls;
import java.util.function.IntConsumer;
import sun.misc.Signal;

/**
 * SIGHUP, SIGINT, SIGQUIT and SIGTERM to jstrace, by strace's {@code -I} level:
 *
 * <ul>
 * <li>1, anywhere: jstrace dies of the signal at once, with no cleanup (the
 *     kernel detaches the tracees as it ends);
 * <li>2, waiting (the default): {@code action} runs (signal the launched
 *     command and detach every tracee, or detach from attached processes),
 *     and the main thread finishes normally, so every output is complete;
 * <li>3, never (the default for {@code -o FILE} with a command): ignored;
 *     on a terminal, Ctrl-C reaches the command through its process group and
 *     the trace follows it to the end;
 * <li>4, never_tstp: as 3, and SIGTSTP (^Z) ignored too.
 * </ul>
 *
 * <p>SIGQUIT stays the JVM's (a thread dump): the JVM reserves it.
 *
 * <p>A signal ignored when the JVM started (every {@code &} job of a script
 * inherits SIGINT ignored) stays ignored by the JVM's own handling, which
 * would make jstrace uninterruptible; strace installs its handler regardless,
 * so the disposition is reset first. The traced program is not affected:
 * it gets its caller's dispositions from the spawn stub.
 */
final class InterruptHandler {
    private InterruptHandler() {}

    private static final String[] FATAL = {"HUP", "INT", "QUIT", "TERM"};

    private static volatile int received;

    /** Sets up the four signals for {@code level} (1-4, see the class comment). */
    static void install(int level, IntConsumer action) {
        long ignored = ignoredNow();
        for (String name : FATAL) {
            Signal s = new Signal(name);
            boolean wasIgnored = (ignored >>> (s.getNumber() - 1) & 1) != 0;
            if (wasIgnored && level == 1) continue; // strace -I1 sets nothing: an inherited SIG_IGN stays
            // The JVM will not handle a signal that was SIG_IGN at its start: make it default first.
            if (wasIgnored) SignalCalls.signal(s.getNumber(), SignalCalls.SIG_DFL);
            handle(s, level == 1 ? sig -> SignalDeath.die(sig.getNumber()) : level >= 3 ? sig -> { } : sig -> {
                received = sig.getNumber();
                action.accept(sig.getNumber());
            });
        }
        if (level == 4) handle(new Signal("TSTP"), sig -> { });
    }

    /**
     * A Java handler, never SIG_IGN: an ignored signal would be inherited by every child this JVM
     * starts through ProcessBuilder (the traced command gets its caller's dispositions either way).
     */
    private static void handle(Signal s, sun.misc.SignalHandler h) {
        try {
            Signal.handle(s, h);
        } catch (IllegalArgumentException e) {
            // The JVM reserves this signal (SIGQUIT with -Xrs off); leave it be.
        }
    }

    /** This process's ignored signals ({@code SigIgn} of /proc/self/status), or none without /proc. */
    private static long ignoredNow() {
        try {
            for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (l.startsWith("SigIgn:")) return Long.parseUnsignedLong(l.substring(7).strip(), 16);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no /proc: nothing known to be ignored
        }
        return 0;
    }

    /** The signal received, or 0. */
    static int received() {
        return received;
    }
}
