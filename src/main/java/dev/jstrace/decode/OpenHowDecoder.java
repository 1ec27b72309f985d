package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.f;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * openat2's {@code struct open_how} as strace 6.1 prints it (src/open.c, print_open_how):
 * {@code {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_BENEATH}}, the mode only when the flags create
 * a file or it is not 0, the address when the size argument is below the 24 bytes of the first
 * version, and the caller's bytes past the struct (print_nonzero_bytes) when it passes more.
 */
final class OpenHowDecoder extends StructDecoder {
    /** linux/openat2.h: three __u64. */
    static final StructLayout LAYOUT = structLayout(JAVA_LONG.withName("flags"), JAVA_LONG.withName("mode"),
            JAVA_LONG.withName("resolve")).withName("struct open_how");
    private static final Member FLAGS = Member.of(LAYOUT, "flags"), MODE = Member.of(LAYOUT, "mode"),
            RESOLVE = Member.of(LAYOUT, "resolve");
    static final ConstTable RESOLVE_FLAGS = ConstTable.flags("RESOLVE_???",
            "RESOLVE_NO_XDEV RESOLVE_NO_MAGICLINKS RESOLVE_NO_SYMLINKS RESOLVE_BENEATH RESOLVE_IN_ROOT RESOLVE_CACHED");

    OpenHowDecoder() {
        super("#include <linux/openat2.h>\n", LAYOUT);
    }

    private static long sizeArg(long[] args, int i) {
        return i + 1 < args.length ? args[i + 1] : 0;
    }

    private int fetched(Arch arch, long size) {
        return (int) (Long.compareUnsigned(size, size(arch)) < 0 ? size : size(arch));
    }

    @Override
    void capture(Arch arch, long[] args, int i, long rval, TraceeMemory mem) {
        long size = sizeArg(args, i);
        if (args[i] == 0 || Long.compareUnsigned(size, size(arch)) < 0) return;
        mem.bytes(args[i], size(arch));
        NonzeroBytes.capture(mem, args[i], size(arch), size);
    }

    @Override
    Value decodeArg(CallContext c, int i, boolean atExit) {
        long a = c.arg(i), size = c.arg(i + 1);
        if (Long.compareUnsigned(size, size(c.arch)) < 0 || a == 0) return new Value.Ptr(a);
        byte[] b = MemoryView.struct(c.in, a, fetched(c.arch, size));
        if (b == null) return new Value.Unreadable(a);
        Value.Struct s = (Value.Struct) decode(c, c.in, a, b);
        Value tail = NonzeroBytes.decode(c, c.in, a, size(c.arch), size);
        if (tail == null) return s;
        List<Value.Field> fs = new ArrayList<>(s.fields());
        fs.add(f(null, tail));
        return new Value.Struct(fs, false);
    }

    @Override
    Value decode(CallContext c, Snapshot mem, long addr, byte[] b) {
        long flags = FLAGS.u(b), mode = MODE.u(b);
        List<Value.Field> fs = new ArrayList<>(4);
        fs.add(f("flags", ArgDecoder.openFlags(c.arch, flags)));
        if ((flags & modeFlags(c.arch)) != 0 || mode != 0) fs.add(f("mode", new Value.Num(mode, Value.Radix.OCT)));
        fs.add(f("resolve", RESOLVE_FLAGS.sym(RESOLVE.u(b))));
        return new Value.Struct(fs, false);
    }

    private static long modeFlags(Arch arch) {
        ConstTable t = Constants.openFlags(arch);
        // O_TMPFILE is __O_TMPFILE|O_DIRECTORY; strace tests __O_TMPFILE alone.
        return t.parse("O_CREAT") | (t.parse("O_TMPFILE") & ~t.parse("O_DIRECTORY"));
    }
}
