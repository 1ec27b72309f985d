package dev.jstrace;

import dev.jstrace.ffi.NativeException;
import dev.jstrace.proc.ProcTasks;

/**
 * A running process jstrace has attached to. {@link #close()} detaches, and
 * the process goes on as if it had never been traced.
 */
public final class Attachment implements AutoCloseable {
    private final TraceSession session;
    private final int pid;
    private final Trace trace;

    private Attachment(TraceSession session, int pid, Trace trace) {
        this.session = session;
        this.pid = pid;
        this.trace = trace;
    }

    static Attachment attach(int pid, TraceOptions options, TraceListener listener) {
        if (pid <= 0) throw new IllegalArgumentException("attach: invalid process id: '" + pid + "'");
        if (options == null) {
            throw new IllegalArgumentException("attach: options must not be null; pass TraceOptions.defaults()"
                    + " for strace's defaults");
        }
        if (pid == ProcessHandle.current().pid()) {
            // What the kernel would answer (the cause, which the command line prints as strace does), and why.
            throw new TraceRefusedException("attach: " + pid + " is this JVM, and a process cannot trace itself;"
                    + " use Tracer.start() to trace a block of this JVM (a helper process does the tracing)",
                    new NativeException("ptrace(PTRACE_SEIZE, " + pid + ")", 1));
        }
        Trace trace = listener == null ? new Trace() : null;
        TraceSession session = new TraceSession(options, listener == null ? trace : listener);
        try {
            session.begin(loop -> loop.attach(pid), Integer.toString(pid));
        } catch (NativeException e) {
            throw new TraceRefusedException(explain(pid, e), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Attachment(session, pid, trace);
    }

    /** Turns EPERM/ESRCH into a sentence that says why and what to do. */
    static String explain(int pid, NativeException e) {
        String base = "attach: " + e.getMessage();
        if (e.errno() == 3) return base + ": there is no process " + pid;
        if (e.errno() == 1) {
            String tracer = ProcTasks.status(pid, "TracerPid");
            if (tracer != null && !tracer.equals("0")) {
                return base + ": process " + pid + " is already traced by process " + tracer
                        + " (a process can have one tracer at a time)";
            }
            String uid = ProcTasks.status(pid, "Uid");
            return base + ": the kernel refused (another user's process" + (uid == null ? "" : ", uid " + uid.split("\\s+")[0])
                    + ", a setuid program, Yama's ptrace_scope, or no CAP_SYS_PTRACE in this container)";
        }
        return base;
    }

    /** {@return the attached process} */
    public int pid() {
        return pid;
    }

    /**
     * The events so far (only when no listener was given).
     *
     * @return the trace, growing until {@link #close()}
     * @throws IllegalStateException when events go to a listener
     */
    public Trace trace() {
        if (trace == null) throw new IllegalStateException("events were delivered to the listener given at attach");
        return trace;
    }

    /**
     * Waits for the traced processes to end on their own.
     *
     * @param millis the longest wait
     * @return true when they ended
     */
    public boolean awaitEnd(long millis) {
        return session.awaitEnd(millis);
    }

    /** Detaches from every thread; the process runs on untraced. Waits until done. */
    @Override
    public void close() {
        session.detachAll();
        session.awaitEnd(Long.MAX_VALUE / 2);
    }
}
