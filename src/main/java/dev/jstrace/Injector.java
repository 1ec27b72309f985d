package dev.jstrace;

import java.time.Duration;

/**
 * Tampers with chosen syscalls of a block of this JVM: Cirron's {@code Injector}, and strace's
 * {@code -e inject=} for Java code. Use it to test error paths without mocks:
 *
 * <pre>{@code
 * try (Injector i = new Injector().inject("write", Tamper.error("ENOSPC")).start()) {
 *     Files.write(path, data);          // java.io.IOException: No space left on device
 * }
 * }</pre>
 *
 * <p>Between {@link #start()} and {@link #end()} (or {@link #close()}) the calls the injector names
 * are tampered with, on the calling thread and the threads it starts inside the block (the default,
 * {@link TraceOptions.Scope#THREAD}: the JIT's and GC's calls stay untouched) or on every thread
 * ({@link TraceOptions.Scope#PROCESS}).
 * Calls count per syscall and per thread from the start. The block is traced too: {@link #trace()}
 * holds its calls, each saying in {@link Syscall#tampering()} whether and how it was tampered with.
 * It runs on the self-trace helper of {@link Tracer#start()}, with the same limits (one tracer per
 * thread: it cannot nest inside another Tracer's block).
 */
public final class Injector implements AutoCloseable {
    private final TraceOptions options;
    private Injections injections = Injections.NONE;
    private Tracer tracer;

    /** An injector for the calling thread. */
    public Injector() {
        this(TraceOptions.defaults());
    }

    /**
     * An injector for the calling thread or the whole process.
     *
     * @param scope the scope
     */
    public Injector(TraceOptions.Scope scope) {
        this(TraceOptions.defaults().withScope(scope));
    }

    /**
     * An injector with these options (scope, what the block's trace reports, how it renders).
     *
     * @param options the options
     */
    public Injector(TraceOptions options) {
        this.options = options;
    }

    /**
     * Tampers with syscall {@code name} as {@code tamper} says; a later call for the same name
     * replaces an earlier one.
     *
     * @param name the name
     * @param tamper the tamper
     * @throws IllegalArgumentException for an unknown syscall name
     * @throws IllegalStateException    once started
     * @return this injector
     */
    public Injector inject(String name, Tamper tamper) {
        if (tracer != null) throw new IllegalStateException("inject(): already started; inject before start()");
        injections = injections.inject(name, tamper);
        return this;
    }

    /**
     * Cirron's form: {@code inject("openat", "error", "ENOSPC")}, {@code inject("read", "retval", "0")},
     * {@code inject("write", "signal", "SIGUSR1")}, {@code inject("fsync", "delay_enter", "PT0.5S")}
     * (a {@link Duration#parse} text), {@code "delay_exit"} likewise.
     *
     * @param name the name
     * @param action the action
     * @param value the value
     * @throws IllegalArgumentException for an unknown action or a value it cannot take
     * @return this injector
     */
    public Injector inject(String name, String action, String value) {
        Tamper t = switch (action) {
            case "error" -> Tamper.error(value);
            case "retval" -> Tamper.retval(Long.decode(value));
            case "signal" -> Tamper.signal(value);
            case "delay_enter" -> Tamper.delayEnter(Duration.parse(value));
            case "delay_exit" -> Tamper.delayExit(Duration.parse(value));
            default -> throw new IllegalArgumentException("unknown action '" + action
                    + "': one of error, retval, signal, delay_enter, delay_exit");
        };
        return inject(name, t);
    }

    /**
     * Begins the block: from the return of this call the named calls are tampered with.
     *
     * @return this, for try-with-resources
     * @throws IllegalStateException when nothing was injected, or already started
     * @throws TraceRefusedException when ptrace is refused here
     */
    public Injector start() {
        if (injections.isEmpty()) throw new IllegalStateException("start(): nothing to inject; call inject() first");
        if (tracer != null) throw new IllegalStateException("start(): already started; use a new Injector");
        tracer = new Tracer(options.withInjections(injections));
        tracer.start();
        return this;
    }

    /**
     * Ends the block: nothing is tampered with from here on. Returns the block's trace.
     *
     * @return the block's trace
     */
    public Trace end() {
        if (tracer == null) throw new IllegalStateException("end() before start()");
        return tracer.end();
    }

    /** {@return the block's trace (complete once the block has ended)} */
    public Trace trace() {
        if (tracer == null) throw new IllegalStateException("trace() before start()");
        return tracer.trace();
    }

    /** Ends the block if it is running. */
    @Override
    public void close() {
        if (tracer != null) tracer.close();
    }
}
