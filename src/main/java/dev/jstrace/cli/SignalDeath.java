package dev.jstrace.cli;

import dev.jstrace.ffi.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Makes jstrace die of the signal that killed the traced command, as strace
 * does: core dumps off ({@code setrlimit(RLIMIT_CORE, {0, 0})}), the signal's
 * disposition back to the default (the JVM catches SIGSEGV, SIGBUS, SIGFPE,
 * SIGILL, SIGINT, SIGTERM… for itself), then {@code kill(getpid(), sig)}.
 * Should the signal not end the process, it halts with {@code 128 + sig},
 * the status a shell would show. (The two libc calls are bound here because
 * only this class needs them; they can move to {@code dev.jstrace.ffi}.)
 */
final class SignalDeath {
    private SignalDeath() {}

    private static final long SIG_DFL = 0;
    private static final int RLIMIT_CORE = 4;

    /** Ends the JVM by {@code sig}; never returns. */
    static void die(int sig) {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle signal = linker.downcallHandle(linker.defaultLookup().find("signal").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
            MethodHandle setrlimit = linker.downcallHandle(linker.defaultLookup().find("setrlimit").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment limit = arena.allocate(16); // struct rlimit { rlim_cur, rlim_max } = {0, 0}
                int rc = (int) setrlimit.invokeExact(RLIMIT_CORE, limit);
                if (rc != 0) System.err.flush();
            }
            long old = (long) signal.invokeExact(sig, SIG_DFL);
            if (old == -1) System.err.flush();
            Libc.kill(Libc.getpid(), sig);
            Thread.sleep(2000);
        } catch (Throwable t) {
            // fall through to the exit status a shell would report
        }
        Runtime.getRuntime().halt(128 + sig);
    }
}
