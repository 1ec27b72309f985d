package dev.jstrace.proc;

import dev.jstrace.arch.Arch;
import dev.jstrace.arch.gen.Errnos;
import dev.jstrace.ffi.Fcntl;
import dev.jstrace.ffi.Libc;
import dev.jstrace.ffi.NativeException;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a program the way {@link ProcessBuilder#start()} would, but through
 * the machine-code {@link SpawnStub}, so the child runs no Java, and with the
 * child stopping itself (SIGSTOP) right before its execve so the tracer can
 * seize it there.
 *
 * <p>Contract with the event loop: call {@link #spawn} on the tracing thread
 * (the child is that thread's child), then {@code wait4(pid, WUNTRACED|__WALL)}.
 * Either the child is stopped by SIGSTOP (seize it, then SIGCONT), or it exited
 * 127 because a set-up call failed: {@link #readSpawnError} then gives the
 * errno and {@link SpawnRequest#startFailure} the exception ProcessBuilder
 * would throw. An execve that fails after the stop also writes its errno and
 * exits 127; the tracer sees that execve fail.
 *
 * <p>The child's table: reset the signal mask (the JVM blocks SIGQUIT in its
 * threads, and a mask survives execve); dup3 the redirect sources onto 0, 1,
 * 2; chdir; mark every fd from 3 up close-on-exec; the caller's extra ops;
 * getpid and kill(that pid, SIGSTOP); execve.
 */
public final class Spawner {
    private Spawner() {}

    // <asm-generic/signal-defs.h>
    private static final int SIG_SETMASK = 2;
    // The kernel's sigset_t: 64 signals, 8 bytes on both ABIs (rt_sigprocmask rejects any other size).
    private static final int KERNEL_SIGSET_SIZE = 8;
    // <linux/close_range.h>
    private static final long CLOSE_RANGE_CLOEXEC = 4;
    private static final int FILE_MODE = 0666; // as FileOutputStream creates files; the umask applies

    /**
     * Starts {@code request}'s program, stopped by SIGSTOP before its execve.
     *
     * @throws IOException shaped like ProcessBuilder's when the program cannot
     *     be found or run, a redirect file cannot be opened, or clone fails
     */
    public static Spawned spawn(SpawnRequest request) throws IOException {
        String path = request.caller() == null ? request.resolveProgram() : null;
        Arch arch = Arch.current();
        List<Integer> childSide = new ArrayList<>();  // our copies of the child's fds: closed once it has its own
        List<Integer> parentSide = new ArrayList<>(); // handed to Spawned, closed here only on failure
        int[] source = {-1, -1, -1};                  // what to dup onto 0, 1, 2; -1 keeps ours
        int[] parentEnd = {-1, -1, -1};
        boolean done = false;
        try (Arena arena = Arena.ofConfined()) {
            for (int fd = 0; fd < 3; fd++) {
                if (fd == 2 && request.redirectErrorStream()) break;
                ProcessBuilder.Redirect r = fd == 0 ? request.stdin() : fd == 1 ? request.stdout() : request.stderr();
                switch (r.type()) {
                    case PIPE -> {
                        int[] p = pipe(request);
                        int childEnd = fd == 0 ? p[0] : p[1];
                        parentEnd[fd] = fd == 0 ? p[1] : p[0];
                        parentSide.add(parentEnd[fd]);
                        childSide.add(childEnd);
                        source[fd] = atLeast3(childEnd, request, childSide);
                    }
                    case INHERIT -> { }
                    case READ -> source[fd] = open(request, r.file(), Fcntl.O_RDONLY, childSide);
                    case WRITE -> source[fd] = open(request, r.file(),
                            Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC, childSide);
                    case APPEND -> source[fd] = open(request, r.file(),
                            Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_APPEND, childSide);
                }
            }
            int[] err = pipe(request);
            parentSide.add(err[0]);
            childSide.add(err[1]);
            // The stub writes the errno after the dup3s onto 0-2: its fd must not be one of them.
            int errWrite = atLeast3(err[1], request, childSide);

            List<SpawnOp> ops = request.caller() == null ? table(arch, arena, request, path, source)
                    : CallerTable.ops(arch, arena, request);
            long pid = SpawnStub.run(ops, errWrite);
            if (pid < 0) throw request.startFailure((int) -pid);
            done = true;
            return new Spawned((int) pid, parentEnd[0], parentEnd[1], parentEnd[2], err[0]);
        } finally {
            for (int fd : childSide) Libc.close(fd);
            if (!done) {
                for (int fd : parentSide) Libc.close(fd);
            }
        }
    }

    /**
     * After {@code wait4} has seen the child exit (127 before its SIGSTOP, or
     * after a failed execve): the errno it reported, or 0 when the pipe closed
     * with nothing written (the execve succeeded, or the table ran out). Do
     * not call while the child is alive and has not exec'd: the read would
     * block until it does.
     */
    public static int readSpawnError(Spawned spawned) {
        return spawned.readErrno();
    }

    private static List<SpawnOp> table(Arch arch, Arena arena, SpawnRequest request, String path, int[] source) {
        List<SpawnOp> ops = new ArrayList<>();
        MemorySegment emptyMask = arena.allocate(KERNEL_SIGSET_SIZE);
        ops.add(SpawnOp.of(SpawnSyscall.RT_SIGPROCMASK.number(arch), SIG_SETMASK, emptyMask.address(), 0,
                KERNEL_SIGSET_SIZE));
        long dup3 = SpawnSyscall.DUP3.number(arch);
        // Every source is >= 3 (atLeast3), so no dup3 overwrites a source a later one needs.
        for (int fd = 0; fd < 3; fd++) {
            if (source[fd] >= 0) ops.add(SpawnOp.of(dup3, source[fd], fd, 0));
        }
        if (request.redirectErrorStream()) ops.add(SpawnOp.of(dup3, 1, 2, 0));
        File dir = request.directory();
        if (dir != null) ops.add(SpawnOp.of(SpawnSyscall.CHDIR.number(arch), cString(arena, dir.getPath())));
        // Not close(): only marking leaves the error pipe (already close-on-exec) usable until the execve.
        ops.add(SpawnOp.of(SpawnSyscall.CLOSE_RANGE.number(arch), 3, 0xFFFF_FFFFL, CLOSE_RANGE_CLOEXEC));
        ops.addAll(request.extraOps());
        ops.add(SpawnOp.of(SpawnSyscall.GETPID.number(arch)));
        ops.add(SpawnOp.of(SpawnSyscall.KILL.number(arch), 0, Libc.SIGSTOP).with(SpawnOp.ARG0_FROM_PREVIOUS));
        ops.addAll(request.afterStopOps());
        List<String> env = new ArrayList<>();
        for (Map.Entry<String, String> e : request.environment().entrySet()) env.add(e.getKey() + "=" + e.getValue());
        ops.add(SpawnOp.of(SpawnSyscall.EXECVE.number(arch), cString(arena, path),
                cStringArray(arena, request.command()), cStringArray(arena, env)));
        return ops;
    }

    private static long cString(Arena arena, String s) {
        return arena.allocateFrom(s).address();
    }

    /** A NULL-terminated {@code char *[]}. */
    private static long cStringArray(Arena arena, List<String> strings) {
        return cBytesArray(arena, strings.stream().map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toList());
    }

    /** {@code bytes} and a NUL, in {@code arena}. */
    static long cBytes(Arena arena, byte[] bytes) {
        MemorySegment s = arena.allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
        return s.address();
    }

    /** A NULL-terminated {@code char *[]} of byte strings. */
    static long cBytesArray(Arena arena, List<byte[]> strings) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, strings.size() + 1L);
        for (int i = 0; i < strings.size(); i++) {
            array.setAtIndex(ValueLayout.JAVA_LONG, i, cBytes(arena, strings.get(i)));
        }
        array.setAtIndex(ValueLayout.JAVA_LONG, strings.size(), 0L);
        return array.address();
    }

    private static int[] pipe(SpawnRequest request) throws IOException {
        try {
            return Libc.pipe2(Libc.O_CLOEXEC);
        } catch (NativeException e) {
            throw request.startFailure(e.errno());
        }
    }

    /**
     * Opens a redirect file close-on-exec; fails as ProcessBuilder does
     * ({@code Cannot run program "ls": /x/y (No such file or directory)}).
     */
    private static int open(SpawnRequest request, File file, int flags, List<Integer> childSide) throws IOException {
        int fd = Fcntl.open(file.getPath(), flags | Libc.O_CLOEXEC, FILE_MODE);
        if (fd < 0) {
            String msg = Errnos.message(-fd);
            String detail = file.getPath() + " (" + (msg != null ? msg : "Unknown error " + -fd) + ")";
            throw request.startFailure(detail, new FileNotFoundException(detail));
        }
        childSide.add(fd);
        return atLeast3(fd, request, childSide);
    }

    /**
     * {@code fd} itself when it is 3 or more, else a close-on-exec duplicate
     * that is (the original is closed). A source on 0-2 happens only when the
     * JVM runs with a standard fd closed; moving it keeps the child's dup3s
     * onto 0-2 from overwriting a source before it is used.
     */
    private static int atLeast3(int fd, SpawnRequest request, List<Integer> childSide) throws IOException {
        if (fd >= 3) return fd;
        int moved = Fcntl.fcntl(fd, Fcntl.F_DUPFD_CLOEXEC, 3);
        if (moved < 0) throw request.startFailure(-moved);
        childSide.remove((Integer) fd);
        Libc.close(fd);
        childSide.add(moved);
        return moved;
    }
}
