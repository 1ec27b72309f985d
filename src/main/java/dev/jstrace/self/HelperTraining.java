package dev.jstrace.self;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.DecodeOptions;
import dev.jstrace.decode.SyscallDecoder;
import dev.jstrace.ffi.Libc;
import dev.jstrace.ffi.RawSyscall;
import dev.jstrace.proc.EventLoop;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.util.Set;

/**
 * The training run behind {@link HelperArchive}'s AOT cache: a helper JVM
 * that, instead of serving a JVM, does once what a session does, so the
 * cache holds what a helper's first session loads and links: it seizes a
 * running thread of another JVM (the helper that started it), as a session
 * seizes a thread, and runs the loop, the recording window and the event
 * encoding over its calls. (Not a child of its own: the JDK's process reaper
 * thread would take the child's ptrace stops from the loop's wait4.)
 */
final class HelperTraining {
    private HelperTraining() {}

    /** How long the training traces its parent's busy thread. */
    private static final long TRACE_MILLIS = 300;

    /**
     * Runs the workload: seizes thread {@code tid} of process {@code pid} (the
     * helper that started this run, which keeps that thread busy with calls
     * of the kinds a JVM makes), runs a session's loop, window and encoding
     * over it for a moment, then detaches. Failures only make the cache smaller.
     */
    static void run(int pid, int tid) throws Exception {
        lowerPriority();
        HelperProtocol.Start start = new HelperProtocol.Start(1, pid, tid, 1L, false, null, DecodeOptions.defaults(),
                Set.of(), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        start.write(new DataOutputStream(bytes));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        in.readUnsignedByte();
        HelperProtocol.Start s = HelperProtocol.Start.read(in);
        DataOutputStream out = new DataOutputStream(OutputStream.nullOutputStream());
        SyscallDecoder decoder = new SyscallDecoder(s.decode());
        RecordingWindow window = new RecordingWindow(s, e -> { });
        EventLoop loop = new EventLoop(new EventLoop.Config(false, decoder.planner(), null), e -> {
            window.accept(e);
            try {
                out.writeByte(HelperProtocol.EVENT);
                out.writeInt(s.session());
                RawEventCodec.write(out, e);
            } catch (IOException impossible) {
                throw new IllegalStateException(impossible);
            }
        });
        loop.setEntryHook(window::atEntry);
        loop.seizeThread(tid, pid);
        Thread.ofPlatform().daemon(true).start(() -> {
            try {
                Thread.sleep(TRACE_MILLIS);
            } catch (InterruptedException ignored) {
                // detach now
            }
            loop.requestDetach();
        });
        loop.run();
    }

    /**
     * In the helper that starts a training run: a thread that makes calls (reads
     * of /proc files, stats, the lseek of a marker) until {@code done}, for the
     * training to trace, and its tid.
     */
    static int busyThread(java.util.concurrent.atomic.AtomicBoolean done) throws InterruptedException {
        java.util.concurrent.CompletableFuture<Integer> tid = new java.util.concurrent.CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("helper-training-target").start(() -> {
            tid.complete(BlockMarker.currentTid());
            long n = 0;
            while (!done.get()) {
                try (java.io.FileInputStream f = new java.io.FileInputStream("/proc/self/stat")) {
                    f.readAllBytes();
                } catch (IOException ignored) {
                    // keep going
                }
                new java.io.File("/").exists();
                BlockMarker.start(n++);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return tid.join();
    }

    /** setpriority(PRIO_PROCESS, 0, 19): the training must not slow the JVMs that come next. */
    private static void lowerPriority() {
        int nr = Arch.current().syscallNumber("setpriority");
        if (nr >= 0) RawSyscall.syscall6(nr, 0 /* PRIO_PROCESS */, 0, 19, 0, 0, 0);
    }

    /**
     * Points this process's stdout and stderr at /dev/null: whatever read the
     * served JVM's output (a build tool, a shell's {@code $(...)}) waits for
     * every copy of its pipe to close, and a helper that stays on to train
     * must not hold it open.
     */
    static void detachOutput() {
        Arch arch = Arch.current();
        try (Arena a = Arena.ofConfined()) {
            long fd = RawSyscall.syscall6(arch.syscallNumber("openat"), -100 /* AT_FDCWD */,
                    a.allocateFrom("/dev/null").address(), 1 /* O_WRONLY */ | Libc.O_CLOEXEC, 0, 0, 0);
            if (fd < 0) return;
            int dup3 = arch.syscallNumber("dup3");
            RawSyscall.syscall6(dup3, fd, 1, 0, 0, 0, 0);
            RawSyscall.syscall6(dup3, fd, 2, 0, 0, 0, 0);
            Libc.close((int) fd);
        }
    }
}
