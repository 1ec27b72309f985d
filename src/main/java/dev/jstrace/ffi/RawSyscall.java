package dev.jstrace.ffi;

import static dev.jstrace.ffi.NativeSupport.C_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@code long syscall(long number, ...)}, for the few calls glibc wraps in a
 * way that loses information (PTRACE_PEEKDATA) or does not wrap at all.
 */
public final class RawSyscall {
    private RawSyscall() {}

    private static final MethodHandle SYSCALL = NativeSupport.downcallWithErrno("syscall",
            FunctionDescriptor.of(C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, C_LONG),
            Linker.Option.firstVariadicArg(1));

    /** {@code syscall(nr, a, b, c, d)}: the result, or {@code -errno}. */
    public static long syscall4(long nr, long a, long b, long c, long d) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return NativeSupport.result((long) SYSCALL.invokeExact(st, nr, a, b, c, d), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /** ptrace's number on the architecture this JVM runs on (x86-64: 101, aarch64: 117). */
    static long ptraceNumber() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 101;
            case "aarch64" -> 117;
            default -> throw new UnsupportedOperationException("jstrace supports x86-64 and aarch64, not "
                    + System.getProperty("os.arch"));
        };
    }
}
