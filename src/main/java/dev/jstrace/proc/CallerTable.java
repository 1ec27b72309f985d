package dev.jstrace.proc;

import dev.jstrace.arch.Arch;
import dev.jstrace.ffi.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The spawn table of a command line's child ({@link SpawnRequest#ofCaller}):
 * everything the JVM changed in its own process is put back to the caller's
 * {@link CallerContext} before the execve.
 *
 * <ol>
 * <li>Each signal's disposition: SIG_IGN where the caller ignored it, SIG_DFL
 *     otherwise (the JVM's handlers would be reset by the execve anyway, but
 *     a signal the JVM ignores would stay ignored, and one the caller ignored
 *     but the JVM catches would arrive).
 * <li>The caller's signal mask (the JVM blocks signals in its threads, and a
 *     mask survives execve).
 * <li>The caller's soft and hard limit of every resource (the JVM raises
 *     RLIMIT_NOFILE unless told not to).
 * <li>Every descriptor that is not one of the caller's marked close-on-exec:
 *     the JVM's own files, wherever they landed (also on a 0, 1 or 2 the
 *     caller had closed). Marking rather than closing keeps the error pipe
 *     usable until the execve.
 * <li>The self-stop and the execve, with the caller's argv and environment.
 * </ol>
 */
final class CallerTable {
    private CallerTable() {}

    // <asm-generic/signal-defs.h>
    private static final int SIG_SETMASK = 2;
    private static final int KERNEL_SIGSET_SIZE = 8;
    /** The kernel's struct sigaction: handler, flags, restorer, mask on x86-64 and arm64 (both SA_RESTORER). */
    private static final int KERNEL_SIGACTION_SIZE = 32;
    private static final long SIG_IGN = 1;
    // <linux/close_range.h>
    private static final long CLOSE_RANGE_CLOEXEC = 4;
    private static final long NO_FD_ABOVE = 0xFFFF_FFFFL;

    static List<SpawnOp> ops(Arch arch, Arena arena, SpawnRequest request) {
        CallerContext c = request.caller();
        List<SpawnOp> ops = new ArrayList<>();
        MemorySegment dfl = arena.allocate(KERNEL_SIGACTION_SIZE, 8); // all zero: SIG_DFL, no flags, empty mask
        MemorySegment ign = arena.allocate(KERNEL_SIGACTION_SIZE, 8);
        ign.set(ValueLayout.JAVA_LONG, 0, SIG_IGN);
        long sigaction = SpawnSyscall.RT_SIGACTION.number(arch);
        for (int sig = 1; sig <= 64; sig++) {
            if (sig == Libc.SIGKILL || sig == Libc.SIGSTOP) continue;
            boolean ignored = (c.ignored() >>> (sig - 1) & 1) != 0;
            ops.add(SpawnOp.of(sigaction, sig, (ignored ? ign : dfl).address(), 0, KERNEL_SIGSET_SIZE));
        }
        MemorySegment mask = arena.allocate(KERNEL_SIGSET_SIZE, 8);
        mask.set(ValueLayout.JAVA_LONG, 0, c.blocked());
        ops.add(SpawnOp.of(SpawnSyscall.RT_SIGPROCMASK.number(arch), SIG_SETMASK, mask.address(), 0,
                KERNEL_SIGSET_SIZE));
        long[] limits = c.limits();
        if (limits != null) {
            MemorySegment rl = arena.allocate(8L * limits.length, 8);
            for (int i = 0; i < limits.length; i++) rl.setAtIndex(ValueLayout.JAVA_LONG, i, limits[i]);
            for (int r = 0; r < limits.length / 2; r++) {
                // A limit this process cannot set back (a hard limit lowered since) leaves the lower one.
                ops.add(SpawnOp.of(SpawnSyscall.PRLIMIT64.number(arch), 0, r, rl.address() + 16L * r, 0)
                        .with(SpawnOp.IGNORE_FAILURE));
            }
        }
        long closeRange = SpawnSyscall.CLOSE_RANGE.number(arch);
        long next = 0;
        for (int fd : c.fds()) {
            if (fd > next) ops.add(SpawnOp.of(closeRange, next, fd - 1L, CLOSE_RANGE_CLOEXEC));
            next = fd + 1L;
        }
        ops.add(SpawnOp.of(closeRange, next, NO_FD_ABOVE, CLOSE_RANGE_CLOEXEC));
        ops.addAll(request.extraOps());
        ops.add(SpawnOp.of(SpawnSyscall.GETPID.number(arch)));
        ops.add(SpawnOp.of(SpawnSyscall.KILL.number(arch), 0, Libc.SIGSTOP).with(SpawnOp.ARG0_FROM_PREVIOUS));
        ops.addAll(request.afterStopOps());
        // A failed execve is strace's "exec: Permission denied" and exit status 1: the tracer
        // shows the failed call (the message is the command line's to print), the child exits 1.
        ops.add(SpawnOp.of(SpawnSyscall.EXECVE.number(arch), Spawner.cBytes(arena, request.program()),
                Spawner.cBytesArray(arena, request.argv()), Spawner.cBytesArray(arena, c.environment()))
                .with(SpawnOp.IGNORE_FAILURE));
        ops.add(SpawnOp.of(SpawnSyscall.EXIT_GROUP.number(arch), 1));
        return ops;
    }
}
