package dev.jstrace;

import dev.jstrace.decode.SyscallDecoder;
import dev.jstrace.ffi.Libc;
import dev.jstrace.proc.EventLoop;
import dev.jstrace.proc.EventRing;
import dev.jstrace.proc.RawEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One tracing session: a tracer thread running the {@link EventLoop}, a
 * bounded {@link EventRing}, and a consumer thread that decodes and feeds the
 * listener. When the consumer falls behind, the ring fills and the tracer
 * thread (and so the tracee) waits: events are never dropped.
 */
final class TraceSession {
    /** What the tracer thread does before entering the loop; it runs on that thread. */
    @FunctionalInterface
    interface Start {
        void run(EventLoop loop) throws Exception;
    }

    /**
     * How long the consumer waits for a call's exit before it decodes and delivers the entry on
     * its own: 50 us, where a dd stop-to-stop cycle takes ~10 us and a call that blocks is shown
     * well before anyone could see it. None with one CPU, where polling would take the tracee's.
     */
    private static final long DEFER_NANOS = Runtime.getRuntime().availableProcessors() > 1 ? 50_000 : 0;
    /**
     * scripts/bench's "capture only" run ({@code -Djstrace.benchCaptureOnly=true}): the tracer thread does
     * all it does in a full run (every ptrace request, every memory copy, the ring's hand-over) and the
     * consumer takes each syscall record off the ring and drops it, decoding and writing nothing. Beside
     * the stop-and-restart floor and the full run it shows which side bounds the full run's cost. After
     * a dropped entry the consumer waits for the exit as a full run does (polling {@link #DEFER_NANOS},
     * never parking): waiting otherwise would change how often the consumer's vCPU halts, which costs
     * more per stop than the decoding it leaves out.
     */
    private static final boolean BENCH_CAPTURE_ONLY = Boolean.getBoolean("jstrace.benchCaptureOnly");

    private final TraceOptions options;
    private final TraceListener listener;
    private final EventRing queue;
    private final EventLoop loop;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final Map<Integer, CompletableFuture<Integer>> exits = new HashMap<>();
    private volatile Throwable failure;
    private Thread tracer;
    private Thread consumer;

    TraceSession(TraceOptions options, TraceListener listener) {
        this.options = options;
        this.listener = listener;
        this.queue = new EventRing(options.queueCapacity());
        SyscallDecoder decoder = new SyscallDecoder(options.decode());
        this.loop = new EventLoop(new EventLoop.Config(options.followForks(), decoder.planner(),
                EventLoop.Config.tracedNumbers(options.syscalls())), queue);
        this.loop.setBenchFloor(options.benchFloor());
        this.loop.setKillOnExit(options.killOnExit());
        this.loop.setSystemTimes(options.systemTimes());
        this.loop.setInjections(options.injections().table());
        long epochOffset = dev.jstrace.proc.TraceClock.epochOffset(); // one anchor per JVM: sinks can undo it
        EventAssembler assembler = new EventAssembler(decoder, epochOffset, options.wantEntries(),
                this::deliver, DEFER_NANOS > 0);
        this.consumer = Thread.ofPlatform().name("jstrace-decode").daemon(true).unstarted(() -> consume(assembler));
    }

    /** Starts both threads; returns once {@code start} has run on the tracer thread (or failed). */
    void begin(Start start, String name) throws Exception {
        consumer.start();
        tracer = Thread.ofPlatform().name("jstrace-tracer-" + name).daemon(true).unstarted(() -> {
            try {
                start.run(loop);
                started.complete(null);
            } catch (Throwable t) {
                started.completeExceptionally(t);
                queue.put(new RawEvent.End(0, 0, System.nanoTime()));
                return;
            }
            try {
                loop.run();
            } catch (Throwable t) {
                failure = t;
                queue.put(new RawEvent.End(0, 0, System.nanoTime()));
            }
        });
        tracer.start();
        try {
            started.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        }
    }

    private void consume(EventAssembler assembler) {
        boolean more = true;
        TraceListener sink = listener;
        boolean droppedEntry = false; // capture-only: an entry was dropped and its exit not yet seen
        while (more) {
            RawEvent e = assembler.hasDeferred() || droppedEntry ? queue.poll(DEFER_NANOS) : null;
            droppedEntry = false;
            if (e == null) {
                try {
                    assembler.flushDeferred(); // no exit came soon: the entry is decoded and shown now
                } catch (Throwable t) {
                    if (failure == null) failure = t;
                }
                try {
                    e = queue.take();
                } catch (InterruptedException ie) {
                    continue;
                }
            }
            if (BENCH_CAPTURE_ONLY && (e instanceof RawEvent.SyscallEntry || e instanceof RawEvent.SyscallExit)) {
                droppedEntry = e instanceof RawEvent.SyscallEntry;
                continue;
            }
            try {
                more = assembler.accept(e);
            } catch (Throwable t) {
                // A failing listener must not stall the tracee: remember, keep draining.
                if (failure == null) failure = t;
                more = !(e instanceof RawEvent.End);
            }
        }
        try {
            sink.onEnd();
        } catch (Throwable t) {
            if (failure == null) failure = t;
        }
        synchronized (exits) {
            for (CompletableFuture<Integer> f : exits.values()) f.complete(-1);
        }
        ended.complete(null);
    }

    private void deliver(TraceEvent e) {
        if (e instanceof ProcessEvent p && p.lastOfProcess()
                && (p.kind() == ProcessEvent.Kind.EXITED || p.kind() == ProcessEvent.Kind.KILLED)) {
            int code = p.kind() == ProcessEvent.Kind.EXITED ? p.status() : 0x80 + p.status();
            exitFuture(p.pid()).complete(p.kind() == ProcessEvent.Kind.KILLED ? -p.status() - 1000 : code);
        }
        try {
            listener.onEvent(e);
        } catch (RuntimeException | Error t) {
            // The listener's failure is the listener's: the next events (an exit status among
            // them) still go through, and awaitTraceEnd() reports the first failure.
            if (failure == null) failure = t;
        }
    }

    /**
     * Completes with the process's exit code, or {@code -1000 - signal} when
     * a signal killed it, or -1 when the trace ended without its exit.
     */
    CompletableFuture<Integer> exitFuture(int pid) {
        synchronized (exits) {
            return exits.computeIfAbsent(pid, k -> new CompletableFuture<>());
        }
    }

    /** Completes when every tracee is gone and the listener has seen the end. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    /** What went wrong inside the session, if anything. */
    Throwable failure() {
        return failure;
    }

    EventLoop loop() {
        return loop;
    }

    /** Detaches from every tracee at its next stop. */
    void detachAll() {
        loop.requestDetach();
    }

    /** Detaches from every tracee; once that has begun, {@code pid} gets SIGCONT and {@code sig}. */
    void detachAll(int pid, int sig) {
        loop.requestDetach(pid, sig);
    }

    /** Waits for the end, at most {@code millis}. */
    boolean awaitEnd(long millis) {
        try {
            ended.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return ended.isDone();
        }
    }

    /** Sends {@code sig} to {@code pid}; a convenience for process control. */
    static int signal(int pid, int sig) {
        return Libc.kill(pid, sig);
    }
}
