package dev.jstrace;

import dev.jstrace.arch.Arch;
import dev.jstrace.ffi.Libc;
import dev.jstrace.ffi.NativeException;
import dev.jstrace.proc.ProcTasks;
import dev.jstrace.proc.SeccompFilter;
import dev.jstrace.proc.SpawnRequest;
import dev.jstrace.proc.Spawned;
import dev.jstrace.proc.Spawner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child started under trace from a {@link ProcessBuilder}: a drop-in for
 * what {@code processBuilder.start()} returns (streams, {@code waitFor},
 * {@code exitValue}, {@code destroy}, {@code pid}, {@code onExit},
 * {@code toHandle}), plus the trace.
 *
 * <p>The exit value follows the JDK's convention: the exit code, or 128 plus
 * the signal number when a signal killed the process.
 */
public final class TracedProcess extends Process {
    private final TraceSession session;
    private final Spawned spawned;
    private final Trace trace;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;
    private final CompletableFuture<Integer> exit;
    /** Taken while the child lives, so that it still answers (not alive) after the child has gone. */
    private final ProcessHandle handle;

    private TracedProcess(TraceSession session, Spawned spawned, ProcessHandle handle, Trace trace)
            throws IOException {
        this.session = session;
        this.handle = handle;
        this.spawned = spawned;
        this.trace = trace;
        this.stdin = spawned.takeStdin();
        this.stdout = spawned.takeStdout();
        this.stderr = spawned.takeStderr();
        this.exit = session.exitFuture(spawned.pid());
    }

    static TracedProcess launch(ProcessBuilder pb, TraceOptions options, TraceListener listener) throws IOException {
        if (pb == null) throw new IllegalArgumentException("launch: the ProcessBuilder must not be null");
        return launch(SpawnRequest.of(pb), options, listener);
    }

    static {
        dev.jstrace.internal.CallerLaunch.register(TracedProcess::launch);
    }

    /**
     * Starts {@code request} under trace: {@link Tracer#launch} for a request
     * made from a ProcessBuilder, and jstrace's command line (through
     * {@link dev.jstrace.internal.CallerLaunch}, as {@code SpawnRequest} is not
     * part of the API) for one that carries its caller's context.
     */
    private static TracedProcess launch(SpawnRequest request, TraceOptions options, TraceListener listener)
            throws IOException {
        if (options == null) {
            throw new IllegalArgumentException("launch: options must not be null; pass TraceOptions.defaults()"
                    + " for strace's defaults");
        }
        String unended = SelfTrace.unendedBlockOnThisThread("launch");
        if (unended != null) throw new TraceRefusedException(unended, null);
        Trace trace = listener == null ? new Trace() : null;
        TraceListener sink = listener == null ? trace : listener;
        TraceSession session = new TraceSession(options, sink);
        Spawned[] child = new Spawned[1];
        ProcessHandle[] handle = new ProcessHandle[1];
        try {
            session.begin(loop -> {
                Spawned s;
                if (options.seccompBpf()) {
                    // The filter's memory only has to outlive the clone: the child runs on its own copy.
                    try (Arena filterMemory = Arena.ofConfined()) {
                        SeccompFilter filter = SeccompFilter.forNames(Arch.current(), stopping(options),
                                options.followForks());
                        s = Spawner.spawn(request.withOpsAfterStop(filter.spawnOps(filterMemory)));
                    }
                    loop.setSeccompMode(true);
                } else {
                    s = Spawner.spawn(request);
                }
                int rc;
                try {
                    rc = loop.adoptSpawnedChild(s.pid());
                } catch (RuntimeException | InterruptedException e) {
                    s.close(); // the child is gone (killed when it could not be seized): its pipes go too
                    throw e;
                }
                if (rc != 0) {
                    int errno = Spawner.readSpawnError(s);
                    s.close();
                    throw errno > 0 ? request.startFailure(errno)
                            : new IOException("Cannot run program \"" + request.command().get(0)
                                    + "\": the child ended before exec (wait status 0x" + Integer.toHexString(rc) + ")");
                }
                s.closeErrorPipe();
                child[0] = s;
                // Taken while the child is stopped and unreaped (only this thread reaps it), so the
                // handle names this child, not a later process with the same pid.
                handle[0] = ProcessHandle.of(s.pid()).orElse(null);
            }, request.command().get(0));
        } catch (NativeException e) {
            throw new TraceRefusedException(explainRefusal(e), e);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        return new TracedProcess(session, child[0], handle[0], trace);
    }

    /**
     * The calls the seccomp filter must stop at: the reported ones and the ones tampered with
     * (a tampered call must stop even when it is not reported).
     */
    private static java.util.Set<String> stopping(TraceOptions options) {
        if (options.syscalls() == null || options.injections().isEmpty()) return options.syscalls();
        java.util.Set<String> injected = options.injections().names();
        if (injected == null) return null;
        java.util.Set<String> all = new java.util.HashSet<>(options.syscalls());
        all.addAll(injected);
        return all;
    }

    /** Why the new child could not be seized (it has been killed by then), and what to do. */
    static String explainRefusal(NativeException e) {
        String base = "launch: " + e.getMessage();
        if (e.errno() != 1) return base;
        String tracer = ProcTasks.status((int) ProcessHandle.current().pid(), "TracerPid");
        if (tracer != null && !tracer.equals("0")) {
            return base + ": this JVM is traced by process " + tracer + ", which took the new child as well"
                    + " (a process can have one tracer at a time); run jstrace without strace -f or a debugger"
                    + " following its forks";
        }
        return base + ": the kernel refused (a seccomp or LSM policy, or no ptrace in this container)";
    }

    /**
     * Stops tracing: every tracee of this launch (the process and the children it traced) is
     * detached at its next stop and runs on untraced; a signal about to be delivered is delivered.
     * The trace then ends ({@link #awaitTraceEnd}) without the exits that come later.
     */
    public void detachAll() {
        session.detachAll();
    }

    /**
     * strace's cleanup on an interrupt: every tracee is detached, and once
     * that has begun this process gets SIGCONT and {@code signal}, so its
     * handler runs untraced and nothing it starts from there is traced.
     *
     * @param signal the signal number to send once detaching has begun
     */
    public void detachAll(int signal) {
        session.detachAll(spawned.pid(), signal);
    }

    @Override
    public OutputStream getOutputStream() {
        return stdin;
    }

    @Override
    public InputStream getInputStream() {
        return stdout;
    }

    @Override
    public InputStream getErrorStream() {
        return stderr;
    }

    /**
     * Waits for the child's exit, as {@link Process#waitFor()} does. A failing
     * listener does not change the result (see {@link #awaitTraceEnd()}).
     *
     * @return the exit value; -1 only when tracing itself broke down before the exit was seen
     */
    @Override
    public int waitFor() throws InterruptedException {
        try {
            return code(exit.get());
        } catch (ExecutionException e) {
            return -1; // the exit futures are only ever completed normally
        }
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            exit.get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    @Override
    public int exitValue() {
        if (!exit.isDone()) throw new IllegalThreadStateException("process hasn't exited");
        return code(exit.join());
    }

    /** {@return the signal that killed the process, or 0 when it exited (or has not yet)} */
    public int terminationSignal() {
        if (!exit.isDone()) return 0;
        int v = exit.join();
        return v <= -1000 ? -v - 1000 : 0;
    }

    private static int code(int v) {
        return v <= -1000 ? 0x80 + (-v - 1000) : v;
    }

    @Override
    public void destroy() {
        if (!exit.isDone()) Libc.kill(spawned.pid(), 15);
    }

    @Override
    public Process destroyForcibly() {
        if (!exit.isDone()) Libc.kill(spawned.pid(), Libc.SIGKILL);
        return this;
    }

    @Override
    public boolean supportsNormalTermination() {
        return true;
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public long pid() {
        return spawned.pid();
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return exit.thenApply(v -> this);
    }

    /** The child's handle; after the exit it is still returned, and is not alive (as a plain {@code Process}'s). */
    @Override
    public ProcessHandle toHandle() {
        if (handle != null) return handle;
        return ProcessHandle.of(spawned.pid()).orElseThrow(() -> new IllegalStateException("process "
                + spawned.pid() + " has ended, and its handle could not be taken while it ran"));
    }

    /**
     * The trace, once every traced process has ended (this process and the
     * children it left behind). Only when no listener was given at launch.
     *
     * @return every event of the run
     * @throws InterruptedException  when interrupted while waiting for the end
     * @throws IllegalStateException when events went to a listener instead, or tracing failed
     */
    public Trace trace() throws InterruptedException {
        if (trace == null) throw new IllegalStateException("events were delivered to the listener given at launch");
        awaitTraceEnd();
        return trace;
    }

    /**
     * Waits until every traced process has ended and the listener has seen the last event.
     *
     * @throws InterruptedException  when interrupted while waiting
     * @throws IllegalStateException when tracing failed or the listener threw (the first failure is the cause)
     */
    public void awaitTraceEnd() throws InterruptedException {
        try {
            session.ended().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        Throwable f = session.failure();
        if (f != null) throw new IllegalStateException("tracing failed: " + f, f);
    }

    /**
     * Waits for the trace to end.
     *
     * @param millis the longest wait
     * @return true when it ended
     */
    public boolean awaitTraceEnd(long millis) {
        return session.awaitEnd(millis);
    }
}
