package dev.jstrace;

import java.io.IOException;

/**
 * The entry point: launch a program under trace, or attach to a running one.
 *
 * <pre>{@code
 * TracedProcess p = Tracer.launch(new ProcessBuilder("ls", "-l"));
 * p.waitFor();
 * for (Syscall s : p.trace().syscalls()) System.out.println(s);
 * }</pre>
 */
public final class Tracer {
    private Tracer() {}

    /** Starts {@code pb}'s command under trace, following forks, keeping every event in memory. */
    public static TracedProcess launch(ProcessBuilder pb) throws IOException {
        return launch(pb, TraceOptions.defaults(), null);
    }

    /** Starts {@code pb}'s command under trace with {@code options}, keeping every event in memory. */
    public static TracedProcess launch(ProcessBuilder pb, TraceOptions options) throws IOException {
        return launch(pb, options, null);
    }

    /**
     * Starts {@code pb}'s command under trace, streaming events to {@code listener}
     * (then {@link TracedProcess#trace()} is not available).
     *
     * @throws IOException as {@link ProcessBuilder#start()} does when the program cannot be run
     */
    public static TracedProcess launch(ProcessBuilder pb, TraceOptions options, TraceListener listener)
            throws IOException {
        return TracedProcess.launch(pb, options, listener);
    }

    /** Attaches to every thread of a running process, keeping events in memory. */
    public static Attachment attach(int pid) {
        return attach(pid, TraceOptions.defaults(), null);
    }

    /** Attaches with {@code options}, keeping events in memory. */
    public static Attachment attach(int pid, TraceOptions options) {
        return attach(pid, options, null);
    }

    /**
     * Attaches to every thread of {@code pid} (rescanning until no new thread
     * appears), streaming events to {@code listener}.
     *
     * @throws TraceRefusedException when the kernel refuses, saying why
     */
    public static Attachment attach(int pid, TraceOptions options, TraceListener listener) {
        return Attachment.attach(pid, options, listener);
    }
}
