package dev.jstrace.sink;

import dev.jstrace.ProcessEvent;
import dev.jstrace.SignalEvent;
import dev.jstrace.Syscall;
import dev.jstrace.SyscallEntered;
import dev.jstrace.TraceEvent;
import dev.jstrace.TraceListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the two timeline sinks (TEF JSON and Perfetto protobuf) share: the
 * process/thread table, one lock so that {@link #close()} from a shutdown hook
 * can finish the file while the consumer thread is writing, and the
 * dispatch of events to the format's own writers.
 */
abstract class TimelineSink implements TraceListener, AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;
    /** Processes and threads seen so far, with their names and open slices. */
    final PerfettoProcesses table;
    /** The newest event time seen ({@code Long.MIN_VALUE} before the first). */
    long latest = Long.MIN_VALUE;

    TimelineSink(PerfettoProcessInfo info) {
        this.table = new PerfettoProcesses(info);
    }

    /** Writes one event; ignored after {@link #close}. */
    @Override
    public final void onEvent(TraceEvent event) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (latest == Long.MIN_VALUE) {
                first(event.timeNanos());
            }
            latest = Math.max(latest, event.timeNanos());
            switch (event) {
                case Syscall s -> syscall(s);
                case SyscallEntered s -> table.thread(s.pid(), s.tid(), 0).pending = s;
                case SignalEvent s -> signal(s);
                case ProcessEvent p -> {
                    if (!p.kind().unknownProcess()) process(p); // the timelines hold traced processes only
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    /** The trace has ended: completes and closes the file. */
    @Override
    public final void onEnd() {
        close();
    }

    /**
     * Completes the file (syscalls still in progress become slices marked
     * unfinished) and closes it; idempotent, callable from any thread.
     */
    @Override
    public final void close() {
        boolean locked;
        try {
            // A shutdown hook must not hang forever behind a consumer stuck writing to a full disk.
            locked = lock.tryLock(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!locked) {
            return;
        }
        try {
            if (closed) {
                return;
            }
            closed = true;
            finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    /** Called once, with the first event's time, before it is written. */
    void first(long timeNanos) {}

    /** Writes a completed syscall. */
    abstract void syscall(Syscall s) throws IOException;

    /** Writes a signal or group-stop. */
    abstract void signal(SignalEvent s) throws IOException;

    /** Writes a process or thread start, exec, exit or detach. */
    abstract void process(ProcessEvent p) throws IOException;

    /** Why a call still open on a thread ends with this event: the {@code ended_by} both formats record. */
    static String endedBy(ProcessEvent e) {
        return switch (e.kind()) {
            case EXITED -> "exit";
            case KILLED -> "killed by " + e.detail();
            case EXEC -> "execve in another thread";
            case DETACHED -> "detach";
            case STARTED -> "restart";
            case UNKNOWN_EXITED, UNKNOWN_DETACHED -> "unknown";
        };
    }

    /** Ends open slices, completes the format and closes what this sink owns; runs once, under the lock. */
    abstract void finish() throws IOException;
}
