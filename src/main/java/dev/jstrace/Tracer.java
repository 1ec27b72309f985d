package dev.jstrace;

import java.io.IOException;

/**
 * The entry point: trace a block of this JVM, launch a program under trace,
 * or attach to a running one.
 *
 * <pre>{@code
 * Tracer t = new Tracer();
 * t.start();
 * System.out.println("Hello");
 * Trace trace = t.end();          // write(1, "Hello\n", 6) = 6 <0.000150>
 *
 * try (Tracer b = new Tracer().start()) { Files.walk(dir).count(); }
 * // b.trace() afterwards
 *
 * TracedProcess p = Tracer.launch(new ProcessBuilder("ls", "-l"));
 * p.waitFor();
 * for (Syscall s : p.trace().syscalls()) System.out.println(s);
 * }</pre>
 *
 * <p>An instance traces one block of this JVM between {@link #start()} and
 * {@link #end()}: by default only the calling thread (so the JIT's and GC's
 * calls stay out), or with {@link TraceOptions.Scope#PROCESS} every thread,
 * including threads started inside the block. A process cannot trace its own
 * threads, so a helper JVM does the tracing; it starts on the first
 * {@code start()} of this JVM, is reused by later ones, and ends with this JVM.
 * An instance is for one block and one thread's use at a time.
 */
public final class Tracer implements AutoCloseable {
    private enum State { NEW, STARTED, ENDED }

    private final TraceOptions options;
    private final TraceListener listener;
    private final Trace trace;
    private State state = State.NEW;
    private SelfTrace running;

    /** A tracer of the calling thread, strace's default rendering, events kept in memory. */
    public Tracer() {
        this(TraceOptions.defaults(), null);
    }

    /**
     * A tracer with {@code options} (see {@link TraceOptions#scope()}), events kept in memory.
     *
     * @param options how to trace
     */
    public Tracer(TraceOptions options) {
        this(options, null);
    }

    /**
     * A tracer that streams events to {@code listener} on a jstrace thread as
     * they are decoded ({@link #trace()} is then not available).
     *
     * @param options  how to trace
     * @param listener where events go, or null to keep them in memory
     */
    public Tracer(TraceOptions options, TraceListener listener) {
        if (options == null) throw new IllegalArgumentException("options must not be null");
        this.options = options;
        this.trace = listener == null ? new Trace() : null;
        this.listener = listener == null ? trace : listener;
    }

    /**
     * Starts this JVM's self-trace helper now, on a background thread, and
     * traces one empty block of that thread, so that the first {@link #start()}
     * neither waits for the helper JVM to boot nor pays the first session's
     * one-time work (most of a first {@code start()}); does nothing when the
     * helper runs already.
     * Call it where there is time to spare before the first traced block: at
     * application start, in a test class's set-up (the JUnit extension does,
     * before a class's first test). Failures are not reported here: the next
     * {@code start()} tries again and says what went wrong.
     */
    public static void prepare() {
        SelfTrace.prepare();
    }

    /**
     * Begins the block: every syscall of the traced thread(s) from the return
     * of this call until {@link #end()} is recorded, nothing of jstrace's own.
     *
     * @return this, for {@code try (Tracer t = new Tracer().start()) { ... }}
     * @throws IllegalStateException  when already started, or from a virtual thread with thread scope
     * @throws TraceRefusedException  when ptrace is refused here (already traced, Yama, no CAP_SYS_PTRACE),
     *                                saying which and what to do
     */
    public Tracer start() {
        if (state != State.NEW) {
            throw new IllegalStateException("start(): this Tracer has already been started; use a new Tracer"
                    + " for another block");
        }
        running = SelfTrace.begin(options, listener);
        state = State.STARTED;
        return this;
    }

    /**
     * Ends the block: the traced thread(s) are detached and run on untouched.
     *
     * @return the block's trace: the events kept in memory; with a listener that is a {@link Trace}
     *         (alone or in a {@link ListenerFanOut}), that trace; with any other listener an empty
     *         trace, since the events went to the listener and were not kept
     * @throws IllegalStateException before {@link #start()} or when already ended
     */
    public Trace end() {
        if (state == State.NEW) {
            throw new IllegalStateException("end() before start(): call start() first to begin the traced block");
        }
        if (state == State.ENDED) {
            throw new IllegalStateException("end(): this Tracer has already ended; its events are in trace()");
        }
        state = State.ENDED;
        running.end();
        if (trace != null) return trace;
        if (listener instanceof Trace kept) return kept;
        if (listener instanceof ListenerFanOut fan) {
            for (TraceListener l : fan.listeners()) {
                if (l instanceof Trace kept) return kept;
            }
        }
        return new Trace();
    }

    /**
     * The block's trace: once {@link #end()} (or {@link #close()}) has returned, all of it.
     *
     * @return the events kept in memory
     * @throws IllegalStateException when events go to a listener, or before {@link #start()}
     */
    public Trace trace() {
        if (trace == null) throw new IllegalStateException("events were delivered to the listener given to the Tracer");
        if (state == State.NEW) throw new IllegalStateException("trace() before start(): nothing was traced");
        return trace;
    }

    /** Ends the block if it is still running; does nothing otherwise. */
    @Override
    public void close() {
        if (state == State.STARTED) end();
    }

    /**
     * Starts {@code pb}'s command under trace, following forks, keeping every event in memory.
     *
     * @param pb the command, directory, environment and redirections, as for {@link ProcessBuilder#start()}
     * @return the running child
     * @throws IOException as {@link ProcessBuilder#start()} does when the program cannot be run
     */
    public static TracedProcess launch(ProcessBuilder pb) throws IOException {
        return launch(pb, TraceOptions.defaults(), null);
    }

    /**
     * Starts {@code pb}'s command under trace with {@code options}, keeping every event in memory.
     *
     * @param pb      the command, as for {@link ProcessBuilder#start()}
     * @param options how to trace
     * @return the running child
     * @throws IOException as {@link ProcessBuilder#start()} does when the program cannot be run
     */
    public static TracedProcess launch(ProcessBuilder pb, TraceOptions options) throws IOException {
        return launch(pb, options, null);
    }

    /**
     * Starts {@code pb}'s command under trace, streaming events to {@code listener}
     * (then {@link TracedProcess#trace()} is not available).
     *
     * <p>The child gets {@code ProcessBuilder}'s own rules, not the jstrace command line's: the
     * builder's environment map, directory and redirects, and none of this JVM's descriptors but
     * 0-2. Unless {@link TraceOptions#withKillOnExit}, it runs on untraced if this JVM dies, as a
     * {@code ProcessBuilder} child outlives it. (The command line instead hands its program its
     * caller's whole context: argv and environment bytes, descriptors, signals, limits.)
     *
     * @param pb       the command, as for {@link ProcessBuilder#start()}
     * @param options  how to trace
     * @param listener where events go, or null to keep them in memory
     * @return the running child
     * @throws IOException as {@link ProcessBuilder#start()} does when the program cannot be run
     * @throws TraceRefusedException when the kernel will not let the new child be traced (this JVM is
     *                               itself traced by a tracer that follows forks, a security policy),
     *                               saying why; the child is killed before it runs the program
     */
    public static TracedProcess launch(ProcessBuilder pb, TraceOptions options, TraceListener listener)
            throws IOException {
        return TracedProcess.launch(pb, options, listener);
    }

    /**
     * Attaches to every thread of a running process, keeping events in memory.
     *
     * @param pid the process
     * @return the attachment; {@link Attachment#close()} detaches
     */
    public static Attachment attach(int pid) {
        return attach(pid, TraceOptions.defaults(), null);
    }

    /**
     * Attaches with {@code options}, keeping events in memory.
     *
     * @param pid     the process
     * @param options how to trace
     * @return the attachment; {@link Attachment#close()} detaches
     */
    public static Attachment attach(int pid, TraceOptions options) {
        return attach(pid, options, null);
    }

    /**
     * Attaches to every thread of {@code pid} (rescanning until no new thread
     * appears), streaming events to {@code listener}.
     *
     * @param pid      the process (not this JVM: use {@link #start()} for that)
     * @param options  how to trace
     * @param listener where events go, or null to keep them in memory
     * @return the attachment; {@link Attachment#close()} detaches
     * @throws TraceRefusedException when the kernel refuses, saying why
     */
    public static Attachment attach(int pid, TraceOptions options, TraceListener listener) {
        return Attachment.attach(pid, options, listener);
    }
}
