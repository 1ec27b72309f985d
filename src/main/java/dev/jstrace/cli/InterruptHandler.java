package dev.jstrace.cli;

import java.util.function.IntConsumer;
import sun.misc.Signal;

/**
 * SIGINT, SIGTERM, SIGHUP and SIGQUIT to jstrace: instead of the JVM's
 * immediate exit, the action given (kill the launched command with the same
 * signal, or detach from attached processes) runs, and the main thread then
 * finishes normally, so every output file is closed complete.
 */
final class InterruptHandler {
    private InterruptHandler() {}

    private static volatile int received;

    /** Routes the four signals to {@code action} (called with the signal number). */
    static void install(IntConsumer action) {
        for (String name : new String[]{"INT", "TERM", "HUP", "QUIT"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    received = s.getNumber();
                    action.accept(s.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // The JVM reserves this signal (SIGQUIT with -Xrs off); leave it be.
            }
        }
    }

    /** The signal received, or 0. */
    static int received() {
        return received;
    }
}
