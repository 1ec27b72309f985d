package dev.jstrace.proc;

import dev.jstrace.arch.Arch;
import dev.jstrace.ffi.Libc;
import dev.jstrace.ffi.NativeSupport;
import dev.jstrace.ffi.RawSyscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * The spawn stub ({@link SpawnStubCode}) loaded into an executable page and
 * callable: clones the calling thread into a child process that walks a table
 * of {@link SpawnOp}s and exits 127 (after writing the errno to {@code errfd})
 * when one fails.
 *
 * <p>The page is mapped once, written while it is read+write, then made
 * read+execute (never writable and executable at once) and kept for the life
 * of the JVM.
 */
public final class SpawnStub {
    private SpawnStub() {}

    /** Exit status of a child whose table failed (the shell's "cannot execute"). */
    public static final int FAILURE_EXIT = 127;

    private static final class Loaded {
        static final MethodHandle CALL = load(code(Arch.current()));
    }

    /** The stub's bytes for {@code arch}. */
    public static byte[] code(Arch arch) {
        return switch (arch) {
            case X86_64 -> SpawnStubCode.x86_64();
            case AARCH64 -> SpawnStubCode.aarch64();
            case RISCV64 -> SpawnStubCode.riscv64();
        };
    }

    private static MethodHandle load(byte[] code) {
        long size = 4096;
        MemorySegment page = Libc.mmap(size, Libc.PROT_READ | Libc.PROT_WRITE,
                Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS, -1, 0);
        MemorySegment.copy(code, 0, page, ValueLayout.JAVA_BYTE, 0, code.length);
        // aarch64 needs the instruction cache to see the new bytes: arm64
        // Linux syncs it when a user page that was written turns executable
        // (set_pte_at -> __sync_icache_dcache), and this page is written once,
        // so no __clear_cache (not reachable from Java) is needed. riscv64
        // Linux likewise flushes the icache when it maps a page executable
        // (set_pte_at -> flush_icache_pte) on every hart.
        int r = Libc.mprotect(page, size, Libc.PROT_READ | Libc.PROT_EXEC);
        if (r < 0) throw new dev.jstrace.ffi.NativeException("mprotect(spawn stub, PROT_READ|PROT_EXEC)", -r);
        // The syscall handle's shape, not (pointer, long, long) -> long: a new
        // shape would cost a downcall stub of its own (~8 ms at start-up).
        return RawSyscall.sameShapeAt(page);
    }

    /**
     * Clones the calling thread; the child runs {@code ops} and never returns.
     * Every pointer in {@code ops} must point into memory that is live now
     * (the child gets a copy); it may be freed as soon as this returns.
     *
     * @param errfd the write end of a close-on-exec pipe for the child's errno
     * @return the child's pid, or {@code -errno} when clone failed
     */
    public static long run(List<SpawnOp> ops, int errfd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment table = arena.allocate(SpawnOp.SIZE * Math.max(1, ops.size()), 16);
            for (int i = 0; i < ops.size(); i++) ops.get(i).writeTo(table, i);
            return (long) Loaded.CALL.invokeExact(table.address(), (long) ops.size(),
                    (long) errfd, 0L, 0L, 0L, 0L);
        } catch (Throwable t) {
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            throw new IllegalStateException("spawn stub call failed", t);
        }
    }
}
