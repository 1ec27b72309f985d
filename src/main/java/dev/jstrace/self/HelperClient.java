package dev.jstrace.self;

import dev.jstrace.ffi.Libc;
import dev.jstrace.ffi.NativeException;
import dev.jstrace.proc.EventLoop;
import dev.jstrace.proc.RawEvent;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This JVM's side of the self-trace helper: starts {@link SelfTraceHelper}
 * once (lazily, shared by every later session), grants it the right to trace
 * us, and runs one reader thread that takes the helper's stream apart and
 * hands each session's events to that session's sink, in order.
 */
public final class HelperClient {
    private static final long SEIZE_TIMEOUT_SECONDS = 30;
    private static final int EINVAL = 22;
    private static HelperClient shared;

    private final Process process;
    private final int helperPid;
    private final DataInputStream in;
    private final DataOutputStream commands;
    private final Map<Integer, HelperSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger nextSession = new AtomicInteger(1);
    private final CompletableFuture<Integer> readerTid = new CompletableFuture<>();
    private volatile boolean dead;

    private HelperClient(Process process, int helperPid, DataInputStream in) {
        this.process = process;
        this.helperPid = helperPid;
        this.in = in;
        this.commands = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
    }

    /** The helper of this JVM, started on first use (and again if it died). */
    public static synchronized HelperClient shared() throws IOException {
        if (shared == null || shared.dead) shared = launch();
        return shared;
    }

    /** Whether a helper is running now (a later {@link #shared()} then starts nothing). */
    public static synchronized boolean running() {
        return shared != null && !shared.dead;
    }

    /** The running helper's pid, or -1 when none runs. */
    public static synchronized int runningPid() {
        return shared != null && !shared.dead ? shared.helperPid : -1;
    }

    /** A helper process started ahead of {@link #shared()}, its hello not read yet; null when none. */
    private static Process starting;
    private static List<String> startingCommand;

    /**
     * Starts the helper process now, without waiting for it, when none runs:
     * the caller then prepares its own side while the helper JVM boots, and
     * {@link #shared()} finishes the handshake. Does nothing when one runs or is starting.
     *
     * @throws IOException when the helper JVM cannot be started
     */
    public static synchronized void prestart() throws IOException {
        if ((shared != null && !shared.dead) || starting != null) return;
        startingCommand = HelperCommand.command();
        starting = new ProcessBuilder(startingCommand).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // The helper's pid is known now (jspawnhelper execs it in place): grant it while it boots.
        try {
            allowTracing((int) starting.pid());
        } catch (NativeException e) {
            starting.destroyForcibly();
            starting = null;
            throw e;
        }
    }

    /**
     * Where Yama's ptrace_scope is 1 only an ancestor may trace us; the helper
     * is our child, so name it (PR_SET_PTRACER). Elsewhere (no Yama, scope 0;
     * scope 2 and 3 admit no such exception) nothing is needed, and this JVM
     * then makes no native call at all to start a block: linking the first
     * downcall costs a cold JVM more than the rest of its share of the first
     * {@code start()}.
     */
    private static void allowTracing(int helperPid) {
        if (!"1".equals(yamaScope())) return;
        int r = Libc.prctl(Libc.PR_SET_PTRACER, helperPid, 0, 0, 0);
        if (r < 0 && r != -EINVAL) throw new NativeException("prctl(PR_SET_PTRACER, " + helperPid + ")", -r);
    }

    private static HelperClient launch() throws IOException {
        prestart();
        Process p = starting;
        List<String> cmd = startingCommand;
        starting = null;
        DataInputStream in = new DataInputStream(new BufferedInputStream(p.getInputStream(), 1 << 16));
        int kind = in.read();
        if (kind != HelperProtocol.HELLO) {
            p.destroyForcibly();
            throw new IOException("the self-trace helper did not start (" + String.join(" ", cmd) + ")");
        }
        int pid = in.readInt();
        if (pid != p.pid()) {
            // Started through a wrapper that forked: the helper is another process than the one granted.
            try {
                allowTracing(pid);
            } catch (NativeException e) {
                p.destroyForcibly();
                throw e;
            }
        }
        HelperClient c = new HelperClient(p, pid, in);
        Thread.ofPlatform().name("jstrace-self-reader").daemon(true).start(c::read);
        c.readerTid.join();
        return c;
    }

    /** Yama's {@code kernel.yama.ptrace_scope}, or null where the kernel has no Yama. */
    public static String yamaScope() {
        return HelperCommand.readSmallFile("/proc/sys/kernel/yama/ptrace_scope");
    }

    /** The helper's pid. */
    public int helperPid() {
        return helperPid;
    }

    /** The OS thread id of the reader thread: a process-scope trace must leave it out. */
    public int readerTid() {
        return readerTid.join();
    }

    /**
     * Starts a session and returns once its threads are seized: the caller
     * then issues the start marker. {@code sink} receives the session's
     * events on the reader thread, ending with {@link RawEvent.End}.
     *
     * @throws NativeException when the kernel refused the seize (the helper's errno)
     * @throws IOException     when the helper is gone
     */
    public HelperSession open(int pid, int tid, long nonce, boolean followForks, Set<String> syscalls,
                              dev.jstrace.decode.DecodeOptions decode, Set<Integer> skipTids,
                              EventLoop.EventSink sink) throws IOException {
        return open(pid, tid, nonce, followForks, syscalls, decode, skipTids, null, sink);
    }

    /** As {@link #open(int, int, long, boolean, Set, dev.jstrace.decode.DecodeOptions, Set, EventLoop.EventSink)},
     * tampering inside the block with the calls {@code injections} names (null: none). */
    public HelperSession open(int pid, int tid, long nonce, boolean followForks, Set<String> syscalls,
                              dev.jstrace.decode.DecodeOptions decode, Set<Integer> skipTids,
                              dev.jstrace.proc.InjectionTable injections, EventLoop.EventSink sink)
            throws IOException {
        int id = nextSession.getAndIncrement();
        HelperSession s = new HelperSession(this, id, sink);
        sessions.put(id, s);
        HelperProtocol.Start start = new HelperProtocol.Start(id, pid, tid, nonce, followForks, syscalls, decode,
                skipTids, injections);
        synchronized (commands) {
            start.write(commands);
            commands.flush();
        }
        try {
            s.seized.get(SEIZE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            sessions.remove(id);
            if (e.getCause() instanceof NativeException ne) throw ne;
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            detach(id);
            throw new IOException("the self-trace helper did not seize the thread(s) in time", e);
        }
        return s;
    }

    /** Asks the helper to detach every tracee of session {@code id} now. */
    void detach(int id) {
        synchronized (commands) {
            try {
                commands.writeByte(HelperProtocol.DETACH);
                commands.writeInt(id);
                commands.flush();
            } catch (IOException e) {
                // The helper is gone: the kernel detached its tracees with it.
            }
        }
    }

    private void read() {
        readerTid.complete(BlockMarker.currentTid());
        try {
            while (true) {
                int kind = in.readUnsignedByte();
                int id = in.readInt();
                HelperSession s = sessions.get(id);
                switch (kind) {
                    case HelperProtocol.EVENT -> {
                        RawEvent e = RawEventCodec.read(in);
                        if (s != null) {
                            s.deliver(e);
                            if (e instanceof RawEvent.End) sessions.remove(id);
                        }
                    }
                    case HelperProtocol.SEIZED -> {
                        if (s != null) s.seized.complete(null);
                    }
                    case HelperProtocol.REFUSED -> {
                        int errno = in.readInt();
                        String call = RawEventCodec.readString(in);
                        if (s != null) s.seized.completeExceptionally(new NativeException(call, errno));
                    }
                    case HelperProtocol.FAILED -> {
                        String text = RawEventCodec.readString(in);
                        if (s != null) s.failure = text;
                    }
                    default -> throw new IOException("unknown message " + kind + " from the self-trace helper");
                }
            }
        } catch (IOException e) {
            dead = true;
            process.destroyForcibly();
            IOException gone = new IOException("the self-trace helper (pid " + helperPid + ") ended", e);
            for (HelperSession s : sessions.values()) {
                s.seized.completeExceptionally(gone);
                if (s.failure == null) s.failure = gone.getMessage();
                s.deliver(new RawEvent.End(0, 0, System.nanoTime()));
            }
            sessions.clear();
        }
    }
}
