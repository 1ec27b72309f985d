package dev.jstrace.ffi;

import static dev.jstrace.ffi.NativeSupport.C_LONG;

import dev.jstrace.arch.Arch;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * {@code long syscall(long number, ...)}: the one downcall most of jstrace's
 * native calls go through. Creating a downcall stub costs several
 * milliseconds at start-up (its lambda forms are spun at run time, even with
 * an AOT cache), and every distinct call shape needs its own stub; routing
 * the kernel calls through one shape keeps that to a single stub. Also the
 * way to reach calls glibc wraps in a way that loses information
 * (PTRACE_PEEKDATA) or does not wrap at all.
 */
public final class RawSyscall {
    private RawSyscall() {}

    /** The JVM's own ABI. */
    private static final Arch ARCH = Arch.current();

    // Syscall numbers of the JVM's own ABI, from its generated table.
    static final long READ = ARCH.syscallNumber("read");
    static final long WRITE = ARCH.syscallNumber("write");
    static final long CLOSE = ARCH.syscallNumber("close");
    static final long MMAP = ARCH.syscallNumber("mmap");
    static final long MPROTECT = ARCH.syscallNumber("mprotect");
    static final long MUNMAP = ARCH.syscallNumber("munmap");
    static final long KILL = ARCH.syscallNumber("kill");
    static final long WAIT4 = ARCH.syscallNumber("wait4");
    static final long PTRACE = ARCH.syscallNumber("ptrace");
    static final long PIPE2 = ARCH.syscallNumber("pipe2");
    static final long PROCESS_VM_READV = ARCH.syscallNumber("process_vm_readv");
    static final long PROCESS_VM_WRITEV = ARCH.syscallNumber("process_vm_writev");
    static final long TGKILL = ARCH.syscallNumber("tgkill");
    static final long PRCTL = ARCH.syscallNumber("prctl");
    static final long GETPID = ARCH.syscallNumber("getpid");
    static final long GETTID = ARCH.syscallNumber("gettid");
    static final long CLOCK_GETTIME = ARCH.syscallNumber("clock_gettime");

    /** Every downcall jstrace makes has this shape: {@code (7 longs) -> long}, no options. */
    private static final FunctionDescriptor SHAPE =
            FunctionDescriptor.of(C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, C_LONG);

    /**
     * The kernel's own calling convention, nine instructions: number and six
     * arguments in, the raw result out ({@code -errno} on failure). Going
     * through it rather than glibc's {@code syscall()} needs no errno capture,
     * whose capture segment the JDK slices (allocates) on every call unless
     * C2 removes it, and the JVM runs jstrace with C1 only.
     */
    private static final byte[] X86_64_TRAMPOLINE = {
        0x48, (byte) 0x89, (byte) 0xf8,             // mov %rdi,%rax
        0x48, (byte) 0x89, (byte) 0xf7,             // mov %rsi,%rdi
        0x48, (byte) 0x89, (byte) 0xd6,             // mov %rdx,%rsi
        0x48, (byte) 0x89, (byte) 0xca,             // mov %rcx,%rdx
        0x4d, (byte) 0x89, (byte) 0xc2,             // mov %r8,%r10
        0x4d, (byte) 0x89, (byte) 0xc8,             // mov %r9,%r8
        0x4c, (byte) 0x8b, 0x4c, 0x24, 0x08,        // mov 0x8(%rsp),%r9
        0x0f, 0x05,                                 // syscall
        (byte) 0xc3,                                // ret
    };

    /** The same for aarch64: number in x8, arguments in x0-x5. */
    private static final int[] AARCH64_TRAMPOLINE = {
        0xaa0003e8, // mov x8, x0
        0xaa0103e0, // mov x0, x1
        0xaa0203e1, // mov x1, x2
        0xaa0303e2, // mov x2, x3
        0xaa0403e3, // mov x3, x4
        0xaa0503e4, // mov x4, x5
        0xaa0603e5, // mov x5, x6
        0xd4000001, // svc #0
        0xd65f03c0, // ret
    };

    /**
     * The same for riscv64: number in a7, arguments in a0-a5 (riscv64-linux-gnu-as
     * -march=rv64g, no compressed instructions).
     */
    private static final int[] RISCV64_TRAMPOLINE = {
        0x00050893, // mv a7, a0
        0x00058513, // mv a0, a1
        0x00060593, // mv a1, a2
        0x00068613, // mv a2, a3
        0x00070693, // mv a3, a4
        0x00078713, // mv a4, a5
        0x00080793, // mv a5, a6
        0x00000073, // ecall
        0x00008067, // ret
    };

    /** The trampoline of this JVM's ABI, as bytes. */
    static byte[] trampoline(Arch arch) {
        return switch (arch) {
            case X86_64 -> X86_64_TRAMPOLINE.clone();
            case AARCH64 -> littleEndian(AARCH64_TRAMPOLINE);
            case RISCV64 -> littleEndian(RISCV64_TRAMPOLINE);
        };
    }

    private static byte[] littleEndian(int[] words) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(words.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int w : words) b.putInt(w);
        return b.array();
    }

    private static final class SyscallCall {
        static final MethodHandle H = load();

        /**
         * Maps the trampoline: written while read+write, then read+execute.
         * The two set-up calls go through glibc's {@code syscall()} with the
         * same shape (one stub for both); it only moves registers, and a
         * failure here (-1, errno lost) ends jstrace anyway.
         */
        private static MethodHandle load() {
            MethodHandle glibc = NativeSupport.LINKER.downcallHandle(NativeSupport.symbol("syscall"), SHAPE);
            try {
                long size = 4096;
                long page = (long) glibc.invokeExact(MMAP, 0L, size, 3L /* PROT_READ|PROT_WRITE */,
                        0x22L /* MAP_PRIVATE|MAP_ANONYMOUS */, -1L, 0L);
                if (page == -1) throw new NativeException("mmap(syscall trampoline)", 12);
                MemorySegment code = MemorySegment.ofAddress(page).reinterpret(size);
                byte[] bytes = trampoline(ARCH);
                MemorySegment.copy(bytes, 0, code, ValueLayout.JAVA_BYTE, 0, bytes.length);
                // aarch64, riscv64: the kernel syncs the instruction cache when a written page turns executable.
                long r = (long) glibc.invokeExact(MPROTECT, page, size, 5L /* PROT_READ|PROT_EXEC */, 0L, 0L, 0L);
                if (r == -1) throw new NativeException("mprotect(syscall trampoline)", 13);
                return sameShapeAt(code);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    /**
     * A downcall to the code at {@code function} with exactly the shape of
     * every other downcall here: {@code (7 longs) -> long}, no options. The
     * linker caches stubs per shape, so this costs no new stub (the spawn
     * stub uses it; extra arguments are simply ignored by such code).
     */
    public static MethodHandle sameShapeAt(MemorySegment function) {
        return NativeSupport.LINKER.downcallHandle(function, SHAPE);
    }

    /**
     * Links the downcall now (~10 ms of method-handle spinning on a cold JVM)
     * so a later first call does not pay it; harmless when already done.
     */
    public static void link() {
        SyscallCall.H.type();
    }

    /** {@code syscall(nr, a, b, c, d, e, f)}: the result, or {@code -errno}. */
    public static long syscall6(long nr, long a, long b, long c, long d, long e, long f) {
        try {
            return (long) SyscallCall.H.invokeExact(nr, a, b, c, d, e, f);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /** {@code syscall(nr, a, b, c, d)}: the result, or {@code -errno}. */
    public static long syscall4(long nr, long a, long b, long c, long d) {
        return syscall6(nr, a, b, c, d, 0, 0);
    }

    /** ptrace's number on the architecture this JVM runs on (x86-64: 101, aarch64 and riscv64: 117). */
    static long ptraceNumber() {
        return PTRACE;
    }
}
