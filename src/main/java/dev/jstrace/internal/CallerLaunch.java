package dev.jstrace.internal;

import dev.jstrace.TraceListener;
import dev.jstrace.TraceOptions;
import dev.jstrace.TracedProcess;
import dev.jstrace.proc.SpawnRequest;
import java.io.IOException;

/**
 * The one launch the command line makes that the public API does not offer:
 * a {@link SpawnRequest} that carries its caller's whole context (argv and
 * environment bytes, descriptors, signals, limits). {@code SpawnRequest} is
 * the library's own type, so the API cannot name it; this package is not
 * exported, so only the command line reaches it. {@link TracedProcess}
 * hands its launch in when it is initialised (the JDK's own
 * {@code SharedSecrets} pattern).
 */
public final class CallerLaunch {
    private CallerLaunch() {}

    /** What {@link TracedProcess} registers. */
    @FunctionalInterface
    public interface Launcher {
        /**
         * Starts {@code request} under trace.
         *
         * @param request  the program and its context
         * @param options  how to trace
         * @param listener where events go, or null to keep them in memory
         * @return the running child
         * @throws IOException when the program cannot be run
         */
        TracedProcess launch(SpawnRequest request, TraceOptions options, TraceListener listener) throws IOException;
    }

    private static volatile Launcher launcher;

    /**
     * Called once, by {@link TracedProcess}'s initialiser.
     *
     * @param l its launch
     */
    public static void register(Launcher l) {
        if (launcher != null) throw new IllegalStateException("a launcher is registered already");
        launcher = l;
    }

    /**
     * Starts {@code request} under trace, as {@link dev.jstrace.Tracer#launch} starts a ProcessBuilder's command.
     *
     * @param request  the program and its context
     * @param options  how to trace
     * @param listener where events go, or null to keep them in memory
     * @return the running child
     * @throws IOException           when the program cannot be run
     * @throws dev.jstrace.TraceRefusedException when the kernel will not let the child be traced
     */
    public static TracedProcess launch(SpawnRequest request, TraceOptions options, TraceListener listener)
            throws IOException {
        if (launcher == null) {
            try {
                Class.forName(TracedProcess.class.getName(), true, TracedProcess.class.getClassLoader());
            } catch (ClassNotFoundException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return launcher.launch(request, options, listener);
    }
}
