package dev.jstrace.ffi;

import static dev.jstrace.ffi.NativeSupport.C_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
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

    private static final boolean AARCH64 = switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> false;
        case "aarch64" -> true;
        default -> throw new UnsupportedOperationException("jstrace supports x86-64 and aarch64, not "
                + System.getProperty("os.arch"));
    };

    // Syscall numbers of the JVM's own ABI (x86-64 <asm/unistd_64.h>, aarch64 <asm-generic/unistd.h>).
    static final long READ = AARCH64 ? 63 : 0;
    static final long WRITE = AARCH64 ? 64 : 1;
    static final long CLOSE = AARCH64 ? 57 : 3;
    static final long MMAP = AARCH64 ? 222 : 9;
    static final long MPROTECT = AARCH64 ? 226 : 10;
    static final long MUNMAP = AARCH64 ? 215 : 11;
    static final long KILL = AARCH64 ? 129 : 62;
    static final long WAIT4 = AARCH64 ? 260 : 61;
    static final long PTRACE = AARCH64 ? 117 : 101;
    static final long PIPE2 = AARCH64 ? 59 : 293;
    static final long PROCESS_VM_READV = AARCH64 ? 270 : 310;
    static final long TGKILL = AARCH64 ? 131 : 234;
    static final long PRCTL = AARCH64 ? 167 : 157;
    static final long GETPID = AARCH64 ? 172 : 39;
    static final long GETTID = AARCH64 ? 178 : 186;

    private static final class SyscallCall {
        static final MethodHandle H = NativeSupport.downcallWithErrno("syscall",
                FunctionDescriptor.of(C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, C_LONG),
                Linker.Option.firstVariadicArg(1));
    }

    /** {@code syscall(nr, a, b, c, d, e, f)}: the result, or {@code -errno}. */
    public static long syscall6(long nr, long a, long b, long c, long d, long e, long f) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return NativeSupport.result((long) SyscallCall.H.invokeExact(st, nr, a, b, c, d, e, f), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /** {@code syscall(nr, a, b, c, d)}: the result, or {@code -errno}. */
    public static long syscall4(long nr, long a, long b, long c, long d) {
        return syscall6(nr, a, b, c, d, 0, 0);
    }

    /** ptrace's number on the architecture this JVM runs on (x86-64: 101, aarch64: 117). */
    static long ptraceNumber() {
        return PTRACE;
    }
}
