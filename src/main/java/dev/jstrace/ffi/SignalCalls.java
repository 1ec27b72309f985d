package dev.jstrace.ffi;

import static dev.jstrace.ffi.NativeSupport.C_INT;
import static dev.jstrace.ffi.NativeSupport.C_LONG;
import static dev.jstrace.ffi.NativeSupport.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The libc calls a process needs to die of a signal on purpose, as strace
 * does when its command was killed: {@code signal} to restore the default
 * disposition (the JVM installs handlers for SIGSEGV, SIGINT, SIGTERM…) and
 * {@code setrlimit(RLIMIT_CORE)} so that death dumps no core.
 */
public final class SignalCalls {
    private SignalCalls() {}

    /** {@code SIG_DFL} from {@code <signal.h>}: {@code ((__sighandler_t) 0)}. */
    public static final long SIG_DFL = 0;
    /** {@code SIG_ERR} from {@code <signal.h>}: {@code ((__sighandler_t) -1)}. */
    public static final long SIG_ERR = -1;
    /** {@code RLIMIT_CORE} from {@code <asm-generic/resource.h>} (the same on x86-64 and aarch64). */
    public static final int RLIMIT_CORE = 4;

    // sighandler_t signal(int signum, sighandler_t handler): the handler travels as a plain address.
    // One holder class per handle: creating a downcall stub costs 2-4 ms, so a run
    // links only the calls it makes. Calls of the same shape share one stub (the
    // linker caches them per descriptor and options).
    private static final class SignalCall {
        static final MethodHandle H = NativeSupport.downcallWithErrno("signal",
                FunctionDescriptor.of(C_LONG, C_INT, C_LONG));
    }

    private static final class SetrlimitCall {
        static final MethodHandle H = NativeSupport.downcallWithErrno("setrlimit",
                FunctionDescriptor.of(C_INT, C_INT, C_POINTER));
    }

    /**
     * {@code sighandler_t signal(int signum, sighandler_t handler)}.
     *
     * @return the previous handler's address, or {@code -errno} when it returned {@code SIG_ERR}
     */
    public static long signal(int signum, long handler) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return NativeSupport.result((long) SignalCall.H.invokeExact(st, signum, handler), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /**
     * {@code int setrlimit(int resource, const struct rlimit *rlim)} with
     * {@code struct rlimit { rlim_t rlim_cur; rlim_t rlim_max; }} (two 64-bit values).
     *
     * @return 0, or {@code -errno}
     */
    public static int setrlimit(int resource, long current, long maximum) {
        MemorySegment st = NativeSupport.captureState();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment limit = arena.allocate(C_LONG, 2);
            limit.setAtIndex(C_LONG, 0, current);
            limit.setAtIndex(C_LONG, 1, maximum);
            return (int) NativeSupport.result((int) SetrlimitCall.H.invokeExact(st, resource, limit), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }
}
