package dev.jstrace.self;

import dev.jstrace.decode.DecodeOptions;
import dev.jstrace.decode.SyscallDecoder;
import dev.jstrace.ffi.Libc;
import dev.jstrace.ffi.NativeException;
import dev.jstrace.proc.CapturePlanner;
import dev.jstrace.proc.EventLoop;
import dev.jstrace.proc.RawEvent;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The self-trace helper process: a process cannot ptrace its own threads, so
 * a JVM that wants to trace a block of itself starts this class in a second
 * JVM. Commands ({@link HelperProtocol}) arrive on stdin; capture records go
 * back on stdout in {@link RawEventCodec}'s form. The helper only captures:
 * decoding happens in the traced JVM, with the same decode options the
 * capture planner here was built from.
 *
 * <p>It lives as long as its parent: when the parent dies its end of stdin
 * closes, and the helper exits. (PR_SET_PDEATHSIG is not used: it fires when
 * the <em>thread</em> that started the helper ends, which in a JVM may be any
 * short-lived thread.)
 */
public final class SelfTraceHelper {
    private SelfTraceHelper() {}

    /** One frame waiting for the writer: a kind, a session, and an event or a message. */
    private record Frame(int kind, int session, RawEvent event, int errno, String text) {}

    private static final BlockingQueue<Frame> OUT = new ArrayBlockingQueue<>(8192);
    private static final Map<Integer, EventLoop> LOOPS = new ConcurrentHashMap<>();
    /** One capture planner per decode options, shared by the sessions (it holds nothing else). */
    private static final Map<DecodeOptions, CapturePlanner> PLANNERS = new ConcurrentHashMap<>();

    /** Runs the helper: hello, then commands until stdin ends. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(HelperArchive.TRAIN_ARGUMENT)) {
            warmUp();
            HelperTraining.run(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            return;
        }
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out),
                1 << 16));
        out.writeByte(HelperProtocol.HELLO);
        out.writeInt((int) ProcessHandle.current().pid());
        out.flush();
        // After the hello: the JVM reads it and sends its first command meanwhile.
        warmUp();
        Thread writer = Thread.ofPlatform().name("helper-writer").daemon(true).start(() -> write(out));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        try {
            while (true) {
                int kind = in.readUnsignedByte();
                if (kind == HelperProtocol.START) {
                    HelperProtocol.Start s = HelperProtocol.Start.read(in);
                    Thread.ofPlatform().name("helper-session-" + s.session()).daemon(true).start(() -> session(s));
                } else if (kind == HelperProtocol.DETACH) {
                    EventLoop loop = LOOPS.get(in.readInt());
                    if (loop != null) loop.requestDetach();
                } else {
                    throw new IOException("unknown command " + kind);
                }
            }
        } catch (EOFException parentGone) {
            // The JVM we serve has ended (or closed us): so do we. Any tracee
            // left is detached by the kernel when we exit; the detach request
            // kills each loop's waker, which would otherwise outlive us.
            for (EventLoop loop : LOOPS.values()) loop.requestDetach();
        }
        writer.interrupt();
        HelperArchive.trainIfAsked();
        Runtime.getRuntime().halt(0);
    }

    /** Loads and links what the first session needs, so the JVM's first start() does not pay for it. */
    private static void warmUp() {
        PLANNERS.computeIfAbsent(DecodeOptions.defaults(), d -> new SyscallDecoder(d).planner());
        new EventLoop(new EventLoop.Config(false, dev.jstrace.proc.CapturePlanner.NONE, null), e -> {});
        Libc.gettid();
        dev.jstrace.ffi.Ptrace.ptrace(0x4206, 0, 0, 0);
    }

    private static void session(HelperProtocol.Start s) {
        CapturePlanner planner = PLANNERS.computeIfAbsent(s.decode(), d -> new SyscallDecoder(d).planner());
        RecordingWindow window = new RecordingWindow(s, e -> send(new Frame(HelperProtocol.EVENT, s.session(), e, 0,
                null)));
        EventLoop loop = new EventLoop(new EventLoop.Config(s.followForks(), planner,
                EventLoop.Config.tracedNumbers(RecordingWindow.stopsFor(s.syscalls()))), window);
        loop.setEntryHook(window::atEntry);
        loop.setInjections(s.injections());
        LOOPS.put(s.session(), loop);
        try {
            try {
                if (s.tid() != 0) {
                    loop.seizeThread(s.tid(), s.pid());
                } else {
                    Set<Integer> skip = s.skipTids();
                    loop.attach(s.pid(), skip::contains);
                }
            } catch (NativeException e) {
                send(new Frame(HelperProtocol.REFUSED, s.session(), null, e.errno(), e.call()));
                return;
            }
            send(new Frame(HelperProtocol.SEIZED, s.session(), null, 0, null));
            loop.run();
        } catch (Throwable t) {
            send(new Frame(HelperProtocol.FAILED, s.session(), null, 0, String.valueOf(t)));
            send(new Frame(HelperProtocol.EVENT, s.session(), new RawEvent.End(0, 0, System.nanoTime()), 0, null));
        } finally {
            LOOPS.remove(s.session());
        }
    }

    private static void send(Frame f) {
        try {
            OUT.put(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The writer thread: owns stdout, flushes whenever it has nothing more to write. */
    private static void write(DataOutputStream out) {
        try {
            while (true) {
                Frame f = OUT.poll();
                if (f == null) {
                    out.flush();
                    f = OUT.take();
                }
                out.writeByte(f.kind());
                out.writeInt(f.session());
                switch (f.kind()) {
                    case HelperProtocol.EVENT -> RawEventCodec.write(out, f.event());
                    case HelperProtocol.REFUSED -> {
                        out.writeInt(f.errno());
                        RawEventCodec.writeString(out, f.text());
                    }
                    case HelperProtocol.FAILED -> RawEventCodec.writeString(out, f.text());
                    default -> { }
                }
            }
        } catch (IOException | InterruptedException e) {
            // The parent stopped reading: it is gone, and main sees EOF.
        }
    }
}
