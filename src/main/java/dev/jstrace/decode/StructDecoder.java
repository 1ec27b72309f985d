package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The decoder of one struct argument: the extension point for a new struct
 * (see the package documentation, "Adding a decoder"). A subclass declares
 * the struct's {@link StructLayout} once, named after its C type with its
 * members named as in C; that layout is what the tracer thread copies
 * ({@code byteSize()} bytes at the argument's address), where the decoder
 * reads its fields ({@link StructLayouts#offset}) and what the C layout probe
 * checks against the headers named by {@link #cIncludes()}.
 *
 * <p>A catalog line names it by its struct: {@code statfs_out} is
 * {@code StatfsDecoder} for a struct the kernel writes (copied and printed
 * at exit, only on success), {@code statfs_in} the same decoder for a struct
 * the call reads (copied at entry). The catalog loads the class by that name
 * and fails at class initialisation, so every test fails, when it is missing.
 */
abstract class StructDecoder {
    private static final Map<String, StructDecoder> BY_NAME = new ConcurrentHashMap<>();

    private final StructLayout[] layouts;
    private final int[] sizes;
    private final String cIncludes;

    /**
     * A decoder of a struct laid out the same on every arch.
     *
     * @param cIncludes the {@code #include} lines declaring the C type, for the layout probe
     * @param layout    the layout, named after the C type ({@code struct statfs})
     */
    StructDecoder(String cIncludes, StructLayout layout) {
        this(cIncludes, arch -> layout);
    }

    /**
     * A decoder of a struct whose layout depends on the arch (struct stat).
     *
     * @param cIncludes the {@code #include} lines declaring the C type, for the layout probe
     * @param layout    the layout on each arch, named after the C type
     */
    StructDecoder(String cIncludes, Function<Arch, StructLayout> layout) {
        Arch[] arches = Arch.values();
        this.layouts = new StructLayout[arches.length];
        this.sizes = new int[arches.length];
        for (Arch a : arches) {
            StructLayout l = layout.apply(a);
            if (l.name().isEmpty()) throw new IllegalStateException(getClass() + ": a layout needs its C type's name");
            layouts[a.ordinal()] = l;
            sizes[a.ordinal()] = (int) l.byteSize();
        }
        this.cIncludes = cIncludes;
    }

    /** {@return the struct's layout on {@code arch}} */
    final StructLayout layout(Arch arch) {
        return layouts[arch.ordinal()];
    }

    /** {@return sizeof the struct on {@code arch}: what the tracer copies by default} */
    final int size(Arch arch) {
        return sizes[arch.ordinal()];
    }

    /** {@return the {@code #include} lines the layout probe needs for the C type} */
    final String cIncludes() {
        return cIncludes;
    }

    /**
     * Copies what {@link #decode} reads, on the tracer thread while the tracee is stopped:
     * at entry for an {@code _in} argument, at exit after a successful call for an
     * {@code _out} one. By default the struct itself; override to follow a pointer in it
     * or to copy an array whose count is another argument. Must not allocate beyond the reads.
     *
     * @param arch the tracee's arch
     * @param args the entry registers
     * @param i    which argument this is
     * @param rval the return value (0 at entry)
     * @param mem  the tracee's memory
     */
    void capture(Arch arch, long[] args, int i, long rval, TraceeMemory mem) {
        long a = args[i];
        if (a != 0) mem.bytes(a, sizes[arch.ordinal()]);
    }

    /**
     * At exit, for an {@code _in} struct: copies what the call wrote through pointers the
     * struct holds (clone3's parent_tid). Nothing by default. Must not allocate beyond the reads.
     *
     * @param arch the tracee's arch
     * @param args the entry registers
     * @param i    which argument this is
     * @param rval the return value
     * @param mem  the tracee's memory
     */
    void captureAfter(Arch arch, long[] args, int i, long rval, TraceeMemory mem) {}

    /**
     * The argument's value: {@code NULL}, the address when the kernel did not write it (a
     * failed call) or it was not copied in full, else {@link #decode}.
     *
     * @param c      the call
     * @param i      which argument
     * @param atExit whether the kernel writes it (an {@code _out} argument)
     * @return the value
     */
    Value decodeArg(CallContext c, int i, boolean atExit) {
        long a = c.arg(i);
        if (a == 0) return new Value.Ptr(0);
        if (atExit && !c.succeeded()) return new Value.Ptr(a);
        Snapshot mem = atExit ? c.out : c.in;
        byte[] b = MemoryView.struct(mem, a, size(c.arch));
        return b == null ? new Value.Unreadable(a) : decode(c, mem, a, b);
    }

    /**
     * Decodes the struct from its copied bytes.
     *
     * @param c    the call (arch, options, results)
     * @param mem  the snapshot the bytes come from (for pointers the struct holds)
     * @param addr where the struct is in the tracee
     * @param b    the copied bytes, at least {@link #size} of them
     * @return the value, usually a {@link Value.Struct} with the C member names
     */
    abstract Value decode(CallContext c, Snapshot mem, long addr, byte[] b);

    /**
     * The decoder a catalog token names ({@code statfs} for {@code statfs_in}/{@code statfs_out}):
     * the class {@code StatfsDecoder} of this package, one instance per class.
     *
     * @param struct the token without its {@code _in}/{@code _out} suffix
     * @return the decoder
     * @throws IllegalStateException when there is no such class
     */
    static StructDecoder named(String struct) {
        return BY_NAME.computeIfAbsent(struct, StructDecoder::load);
    }

    /** {@return the class name a catalog token resolves to: {@code clone_args} is {@code CloneArgsDecoder}} */
    static String className(String struct) {
        StringBuilder sb = new StringBuilder(StructDecoder.class.getPackageName()).append('.');
        for (String part : struct.split("_")) {
            if (part.isEmpty()) continue;
            sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return sb.append("Decoder").toString();
    }

    private static StructDecoder load(String struct) {
        String cls = className(struct);
        try {
            Class<?> k = Class.forName(cls, true, StructDecoder.class.getClassLoader());
            return (StructDecoder) k.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("catalog type " + struct + "_in/_out: no StructDecoder " + cls
                    + " with a no-argument constructor", e);
        }
    }
}
