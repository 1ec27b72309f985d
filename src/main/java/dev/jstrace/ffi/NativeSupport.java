package dev.jstrace.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The one place that talks to the linker: looks up libc symbols, builds
 * downcall handles that capture {@code errno}, and reads the captured value.
 *
 * <p>Every wrapper in this package follows the kernel's convention for its
 * result: a non-negative value is success, a negative value is {@code -errno}.
 * That keeps the tracer thread free of exceptions and allocation on its hot
 * path; callers that want an exception use {@link NativeException#check}.
 */
public final class NativeSupport {
    private NativeSupport() {}

    /** The platform linker. */
    public static final Linker LINKER = Linker.nativeLinker();

    private static final SymbolLookup LIBC = LINKER.defaultLookup();

    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    /** Where errno sits in the capture state (found by name: a layout path would spin method handles). */
    private static final long ERRNO_OFFSET = memberOffset(CAPTURE_LAYOUT, "errno");

    /**
     * One capture-state buffer per OS thread, allocated once: downcalls write
     * errno into it, so a call allocates nothing.
     */
    private static final ThreadLocal<MemorySegment> CAPTURE_STATE =
            ThreadLocal.withInitial(() -> Arena.global().allocate(CAPTURE_LAYOUT));

    /** {@code long} as C sees it on LP64 (both supported architectures). */
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    /** {@code int}. */
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    /** A pointer. */
    public static final ValueLayout C_POINTER = ValueLayout.ADDRESS;

    /**
     * Finds a libc symbol, failing loudly (with the symbol's name) when the C
     * library does not export it.
     */
    public static MemorySegment symbol(String name) {
        return LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError(
                "jstrace: the C library does not export '" + name + "'"));
    }

    /**
     * A downcall whose first parameter is the errno capture segment (pass
     * {@link #captureState()}).
     */
    public static MethodHandle downcallWithErrno(String name, FunctionDescriptor fd, Linker.Option... extra) {
        Linker.Option[] options = new Linker.Option[extra.length + 1];
        options[0] = Linker.Option.captureCallState("errno");
        System.arraycopy(extra, 0, options, 1, extra.length);
        return LINKER.downcallHandle(symbol(name), fd, options);
    }

    /** A plain downcall, for functions that cannot fail. */
    public static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... options) {
        return LINKER.downcallHandle(symbol(name), fd, options);
    }

    /** The byte offset of the member of {@code struct} named {@code name}. */
    static long memberOffset(StructLayout struct, String name) {
        long offset = 0;
        for (MemoryLayout m : struct.memberLayouts()) {
            if (m.name().filter(name::equals).isPresent()) return offset;
            offset += m.byteSize();
        }
        throw new IllegalStateException(struct + " has no member " + name);
    }

    /** This thread's errno capture buffer. */
    public static MemorySegment captureState() {
        return CAPTURE_STATE.get();
    }

    /** The errno the last downcall on this thread captured. */
    public static int errno(MemorySegment state) {
        return state.get(ValueLayout.JAVA_INT, ERRNO_OFFSET);
    }

    /** Turns a C {@code -1}-and-errno result into {@code -errno}; leaves other results as they are. */
    public static long result(long cResult, MemorySegment state) {
        return cResult == -1 ? -errno(state) : cResult;
    }

    /** Rethrows what a downcall threw; it never throws checked exceptions in practice. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("downcall failed", t);
    }
}
