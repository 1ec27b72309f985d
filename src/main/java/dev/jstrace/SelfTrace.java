package dev.jstrace;

import dev.jstrace.decode.SyscallDecoder;
import dev.jstrace.ffi.NativeException;
import dev.jstrace.proc.ProcTasks;
import dev.jstrace.self.HelperClient;
import dev.jstrace.self.BlockMarker;
import dev.jstrace.self.HelperSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One traced block of this JVM: the helper session behind
 * {@link Tracer#start()} and {@link Tracer#end()}. The block is delimited by
 * two marker calls ({@link BlockMarker}: an {@code lseek} of {@code /dev/null}
 * made with plain JDK code, so no native downcall is linked here) that the
 * helper recognises, so nothing of the handshake reaches the trace.
 * Events are decoded on the helper client's reader thread, through the same
 * {@link EventAssembler} and {@link SyscallDecoder} as a launched process's.
 */
final class SelfTrace {
    private static final long END_WAIT_MILLIS = 5_000;
    private static final long PREPARE_WAIT_SECONDS = 30;

    private final TraceOptions options;
    private final Thread owner;
    private final long nonce;
    private final HelperSession session;

    private SelfTrace(TraceOptions options, Thread owner, long nonce, HelperSession session) {
        this.options = options;
        this.owner = owner;
        this.nonce = nonce;
        this.session = session;
    }

    /**
     * {@link Tracer#prepare()}, in the background: the helper started and greeted, the marker's
     * descriptor opened, and one block of this thread traced and decoded, so the first session's
     * one-time work (the helper's session path, this JVM's reader and decoder) is done too.
     */
    static synchronized void prepare() {
        if (HelperClient.running() || preparing != null) return;
        CompletableFuture<Void> done = new CompletableFuture<>();
        preparing = done;
        preparer = Thread.ofPlatform().daemon(true).name("jstrace-helper-prepare").start(() -> {
            try {
                HelperClient.prestart();
                BlockMarker.prepare();
                HelperClient.shared();
                try (Tracer warm = new Tracer().start()) {
                    new java.io.File("/").exists();
                }
            } catch (IOException | RuntimeException e) {
                // start() starts it again and reports why it failed
            } finally {
                done.complete(null);
            }
        });
    }

    /** A {@link #prepare()} under way, or null. Its block must end before a process-scope block can begin. */
    private static CompletableFuture<Void> preparing;
    private static volatile Thread preparer;

    private static void awaitPrepare() {
        CompletableFuture<Void> p;
        synchronized (SelfTrace.class) {
            p = preparing;
        }
        if (p == null || p.isDone()) return;
        try {
            p.get(PREPARE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // start() goes on and reports what it finds
        }
    }

    /** Seizes the calling thread (or the process), then issues the start marker: the block begins on return. */
    static SelfTrace begin(TraceOptions options, TraceListener out) {
        Thread me = Thread.currentThread();
        boolean processScope = options.scope() == TraceOptions.Scope.PROCESS;
        if (!processScope && me.isVirtual()) {
            throw new IllegalStateException("start(): this is a virtual thread, which may move to another OS thread"
                    + " at any blocking call, so thread scope cannot follow it; use"
                    + " new Tracer(TraceOptions.defaults().withScope(TraceOptions.Scope.PROCESS))"
                    + " or call start() from a platform thread");
        }
        // A prepare() under way traces its own thread for a moment: wait for it rather than find it traced.
        if (me != preparer) awaitPrepare();
        if (HelperClient.running()) {
            checkTraceable(processScope);
        } else {
            // The first start() of a JVM: the helper JVM is the long pole, so it is started first, and boots
            // while this one checks and opens the marker's descriptor.
            try {
                HelperClient.prestart();
            } catch (IOException e) {
                throw new UncheckedIOException("start(): the self-trace helper could not be started", e);
            }
            checkTraceable(processScope);
            BlockMarker.prepare();
        }
        int pid = (int) ProcessHandle.current().pid();
        int tid = processScope ? 0 : BlockMarker.currentTid();
        long nonce = ThreadLocalRandom.current().nextLong();
        long epochOffset = dev.jstrace.proc.TraceClock.epochOffset(); // one anchor per JVM: sinks can undo it
        EventAssembler[] assembler = new EventAssembler[1];
        HelperSession session;
        try {
            HelperClient client = HelperClient.shared();
            session = client.open(pid, tid, nonce, options.followForks(), options.syscalls(), options.decode(),
                    Set.of(client.readerTid()), options.injections().table(), e -> {
                        // On the reader thread, at the first event: start() does not wait for the decoder
                        // (on a cold JVM its tables are tens of milliseconds of CPU, which the helper's
                        // start needs more; the block's events wait in the pipe meanwhile).
                        if (assembler[0] == null) {
                            assembler[0] = new EventAssembler(new SyscallDecoder(options.decode()), epochOffset,
                                    options.wantEntries(), out);
                        }
                        if (!assembler[0].accept(e)) out.onEnd();
                    });
        } catch (NativeException e) {
            throw new TraceRefusedException(explain(e, processScope), e);
        } catch (IOException e) {
            throw new UncheckedIOException("start(): the self-trace helper failed", e);
        }
        // From this call's exit on, every call of the traced thread(s) is the block's.
        BlockMarker.start(nonce);
        return new SelfTrace(options, me, nonce, session);
    }

    /** Issues the end marker (or asks for a detach when another thread ends it) and waits for the last event. */
    void end() {
        // Nothing may make a syscall before the marker: it would land in the trace.
        boolean markerSeen = options.scope() == TraceOptions.Scope.PROCESS || Thread.currentThread() == owner;
        if (markerSeen) {
            BlockMarker.end(nonce);
        } else {
            session.detach();
        }
        try {
            session.ended().get(END_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // The marker came from a thread the helper does not trace (one started by an untraced thread).
            session.detach();
            session.ended().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.detach();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (session.failure() != null) throw new IllegalStateException("the self-trace helper failed: "
                + session.failure());
        if (session.sinkFailure() instanceof RuntimeException r) throw r;
        if (session.sinkFailure() instanceof Error err) throw err;
    }

    /**
     * Refuses early, with the reason, where the kernel is sure to refuse:
     * a thread with a tracer already (strace, gdb, a debugger), Yama's scope 3.
     */
    static void checkTraceable(boolean processScope) {
        String who = tracerOf("/proc/thread-self/status");
        if (who == null && processScope) {
            for (int tid : ProcTasks.list((int) ProcessHandle.current().pid())) {
                who = tracerOf("/proc/self/task/" + tid + "/status");
                if (who != null) break;
            }
        }
        if (who != null && who.startsWith("process " + HelperClient.runningPid() + " ")) {
            throw new TraceRefusedException("start(): another Tracer of this JVM is tracing "
                    + (processScope ? "a thread of it" : "this thread") + " now, and a thread can have only one"
                    + " tracer; end that Tracer first (blocks cannot nest or overlap)", null);
        }
        if (who != null) {
            throw new TraceRefusedException("start(): this JVM is already traced by " + who + ", and a thread can"
                    + " have only one tracer; run it without strace, gdb or a debugger attached (or end the"
                    + " other jstrace Tracer first), or trace a child process with Tracer.launch", null);
        }
        if ("3".equals(yamaScope())) {
            throw new TraceRefusedException("start(): ptrace is disabled on this system: kernel.yama.ptrace_scope"
                    + " is 3, which forbids every attach and cannot be lowered until reboot; trace on a machine"
                    + " or container where ptrace is allowed", null);
        }
    }

    /**
     * When the calling thread is still inside a block of a {@link Tracer}
     * that was started and never ended, says so; else null. A thread the
     * helper traces hands its new threads and children to the helper too, so
     * a launch from it would be refused with an EPERM that points elsewhere.
     */
    static String unendedBlockOnThisThread(String op) {
        int helper = HelperClient.runningPid();
        if (helper < 0) return null;
        String who = tracerOf("/proc/thread-self/status");
        if (who == null || !who.startsWith("process " + helper + " ")) return null;
        return op + ": this thread is inside a Tracer block that was started and never ended (a Tracer.start()"
                + " without end(), or an exception before it: use try (Tracer t = new Tracer().start()) { ... });"
                + " while it runs, jstrace's self-trace helper traces this thread and takes every thread and child"
                + " it starts, so " + op + " cannot trace them; call end() on that Tracer first";
    }

    /** Why the helper's PTRACE_SEIZE failed, and what to do. */
    static String explain(NativeException e, boolean processScope) {
        String base = "start(): the helper could not trace this JVM: " + e.getMessage();
        if (e.errno() == 3) return base + ": the thread ended before it could be seized";
        if (e.errno() != 1) return base;
        try {
            checkTraceable(processScope);
        } catch (TraceRefusedException already) {
            return already.getMessage();
        }
        String yama = yamaScope();
        return base + ": the kernel refused. Where ptrace needs a capability (a container without"
                + " CAP_SYS_PTRACE: docker run --cap-add=SYS_PTRACE; a seccomp profile that blocks ptrace"
                + (yama == null ? "" : "; kernel.yama.ptrace_scope is " + yama + ", and 2 means only"
                + " CAP_SYS_PTRACE may attach") + "), grant it, or trace a child with Tracer.launch";
    }

    /** "process 123 (strace)" when the status file names a tracer, else null. */
    private static String tracerOf(String status) {
        try (java.io.FileInputStream in = new java.io.FileInputStream(status)) {
            // Not Files.readAllLines: on a cold JVM its setup costs milliseconds of the first start().
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            for (String line : text.split("\n")) {
                if (line.startsWith("TracerPid:")) {
                    String tracer = line.substring(10).trim();
                    if (tracer.equals("0")) return null;
                    // TracerPid names the tracing thread: report its process.
                    String tgid = ProcTasks.status(Integer.parseInt(tracer), "Tgid");
                    String pid = tgid == null ? tracer : tgid;
                    String comm = ProcTasks.status(Integer.parseInt(pid), "Name");
                    return "process " + pid + (comm == null ? "" : " (" + comm + ")");
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String yamaScope() {
        return HelperClient.yamaScope();
    }
}
