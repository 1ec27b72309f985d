package dev.jstrace.ffi;

import static dev.jstrace.ffi.NativeSupport.C_INT;
import static dev.jstrace.ffi.NativeSupport.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@code <fcntl.h>}: open and fcntl, which spawning needs to hold redirect
 * files as raw descriptors (Java's streams do not expose the int). Results
 * are the C result or {@code -errno}, as everywhere in this package.
 */
public final class Fcntl {
    private Fcntl() {}

    /** O_RDONLY. */
    public static final int O_RDONLY = 0;
    /** O_WRONLY. */
    public static final int O_WRONLY = 1;
    /** O_CREAT. */
    public static final int O_CREAT = 0x40;
    /** O_TRUNC. */
    public static final int O_TRUNC = 0x200;
    /** O_APPEND. */
    public static final int O_APPEND = 0x400;
    /** F_DUPFD_CLOEXEC: duplicate onto the lowest free fd at or above the argument, close-on-exec. */
    public static final int F_DUPFD_CLOEXEC = 1030;

    // int open(const char *path, int flags, ...): the mode is variadic.
    // One holder class per handle: creating a downcall stub costs 2-4 ms, so a run
    // links only the calls it makes. Calls of the same shape share one stub (the
    // linker caches them per descriptor and options).
    private static final class OpenCall {
        static final MethodHandle H = NativeSupport.downcallWithErrno("open",
                FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_INT), Linker.Option.firstVariadicArg(2));
    }
    // int fcntl(int fd, int cmd, ...).
    private static final class FcntlCall {
        static final MethodHandle H = NativeSupport.downcallWithErrno("fcntl",
                FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT), Linker.Option.firstVariadicArg(2));
    }

    /** {@code int open(const char *path, int flags, mode_t mode)}. */
    public static int open(String path, int flags, int mode) {
        MemorySegment st = NativeSupport.captureState();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocateFrom(path);
            return (int) NativeSupport.result((int) OpenCall.H.invokeExact(st, p, flags, mode), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /** {@code int fcntl(int fd, int cmd, int arg)}. */
    public static int fcntl(int fd, int cmd, int arg) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return (int) NativeSupport.result((int) FcntlCall.H.invokeExact(st, fd, cmd, arg), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }
}
