package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.List;
import java.util.Map;

/**
 * The set and get calls of extended attributes as strace 6.1 prints them (src/xattr.c): the value
 * is printed as a string without its trailing NUL ({@code QUOTE_OMIT_TRAILING_0}), or as its address
 * when longer than XATTR_SIZE_MAX; setxattr's flags by name. The get calls print the value the
 * kernel wrote, at exit.
 */
final class XattrFormats {
    static final ConstTable XATTR_FLAGS = ConstTable.flags("XATTR_???", "XATTR_CREATE XATTR_REPLACE");
    /** XATTR_SIZE_MAX of linux/limits.h: the largest value the kernel takes. */
    private static final long XATTR_SIZE_MAX = HeaderValues.common("XATTR_SIZE_MAX");

    /** The formats, by syscall name. */
    static final Map<String, CallFormat> FORMATS = Map.of(
            "setxattr", new Set(ArgListFormat.path()),
            "lsetxattr", new Set(ArgListFormat.path()),
            "fsetxattr", new Set(ArgListFormat.fd()),
            "getxattr", new Get(ArgListFormat.path()),
            "lgetxattr", new Get(ArgListFormat.path()),
            "fgetxattr", new Get(ArgListFormat.fd()));

    private static final ArgListFormat.Arg NAME = ArgListFormat.str();

    private XattrFormats() {}

    private static void captureValue(TraceeMemory mem, long addr, long size, DecodeOptions opt) {
        if (addr != 0 && size > 0 && Long.compareUnsigned(size, XATTR_SIZE_MAX) <= 0) {
            mem.bytes(addr, (int) Math.min(size, opt.captureLimit()));
        }
    }

    /** strace's print_xattr_val: the value of {@code size} bytes, its last NUL left out. */
    private static Value value(CallContext c, Snapshot mem, long addr, long size) {
        if (Long.compareUnsigned(size, XATTR_SIZE_MAX) > 0) return new Value.Ptr(addr);
        Value v = c.buffer(mem, addr, size, false);
        if (!(v instanceof Value.Str s)) return v;
        // string_quote stops at a NUL in the last printed position (the -s'th byte or the last one).
        int shown = (int) Math.min(size, c.opt.stringLimit());
        byte[] b = s.bytes();
        if (shown > 0 && b.length >= shown && b[shown - 1] == 0) {
            return Value.Str.buffer(java.util.Arrays.copyOf(b, shown - 1), shown - 1, false);
        }
        return v;
    }

    /** setxattr(path, name, value, size, flags): everything at entry. */
    static final class Set implements CallFormat {
        private final ArgListFormat.Arg target;

        Set(ArgListFormat.Arg target) {
            this.target = target;
        }

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            target.capture(args[0], mem, opt);
            NAME.capture(args[1], mem, opt);
            captureValue(mem, args[2], args[3], opt);
        }

        @Override
        public Decoded decode(CallContext c) {
            return Decoded.atEntry(List.of(target.decode(c, 0), NAME.decode(c, 1), value(c, c.in, c.arg(2), c.arg(3)),
                    new Value.Num(c.arg(3), Value.Radix.UDEC), XATTR_FLAGS.sym(c.arg(4) & 0xffffffffL)));
        }
    }

    /** getxattr(path, name, value, size): the value at exit, as long as the result says. */
    static final class Get implements CallFormat {
        private final ArgListFormat.Arg target;

        Get(ArgListFormat.Arg target) {
            this.target = target;
        }

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            target.capture(args[0], mem, opt);
            NAME.capture(args[1], mem, opt);
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            captureValue(mem, args[2], rval, opt);
        }

        @Override
        public Decoded decode(CallContext c) {
            // a failed call's result is -1: above XATTR_SIZE_MAX, so the value prints as its address.
            long size = c.succeeded() ? c.rval : -1;
            return new Decoded(List.of(target.decode(c, 0), NAME.decode(c, 1), value(c, c.out, c.arg(2), size),
                    new Value.Num(c.arg(3), Value.Radix.UDEC)), 2, null);
        }
    }
}
