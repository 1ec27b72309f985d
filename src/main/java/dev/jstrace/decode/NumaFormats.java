package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.arch.gen.Errnos;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * The NUMA memory policy calls as strace 6.1's numa.c prints them: node masks as arrays of
 * zero-padded hex words ({@code print_nodemask}, one word per 64 nodes), the policy mode by name
 * with its mode flags after a {@code |} ({@code print_mode}), and move_pages' page, node and
 * status arrays (a status is {@code -ENOENT} by name).
 */
final class NumaFormats {
    private NumaFormats() {}

    static final ConstTable MODES = ConstTable.enumHex("MPOL_???", """
            MPOL_DEFAULT MPOL_PREFERRED MPOL_BIND MPOL_INTERLEAVE MPOL_LOCAL MPOL_PREFERRED_MANY""");
    static final ConstTable MODE_FLAGS = ConstTable.flags("MPOL_???",
            "MPOL_F_STATIC_NODES MPOL_F_RELATIVE_NODES MPOL_F_NUMA_BALANCING");
    static final ConstTable MBIND_FLAGS = ConstTable.flags("MPOL_???", "MPOL_MF_STRICT MPOL_MF_MOVE MPOL_MF_MOVE_ALL");
    static final ConstTable GET_FLAGS = ConstTable.flags("MPOL_???", "MPOL_F_NODE MPOL_F_ADDR MPOL_F_MEMS_ALLOWED");
    static final ConstTable MOVE_PAGES_FLAGS = ConstTable.flags("MPOL_???", "MPOL_MF_MOVE MPOL_MF_MOVE_ALL");
    private static final long MODE_FLAGS_MASK = MODE_FLAGS.parse(
            "MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING");
    private static final int WORD = Long.BYTES;

    /** print_nodemask's word count for {@code maxnodes}, or -1 where strace prints the address. */
    private static long maskWords(long maxnodes) {
        long bits = 8L * WORD;
        long nmemb = Long.divideUnsigned(maxnodes + bits - 2, bits);
        if (Long.compareUnsigned(nmemb, Long.divideUnsigned(maxnodes, bits)) < 0 || (maxnodes != 0 && nmemb == 0)) {
            return -1;
        }
        return nmemb;
    }

    private static void captureMask(TraceeMemory mem, DecodeOptions opt, long addr, long maxnodes) {
        long n = maskWords(maxnodes);
        if (addr != 0 && n > 0) mem.bytes(addr, (int) (ArrayDecoder.captureCount(opt, n) * WORD));
    }

    private static Value nodemask(CallContext c, Snapshot mem, long addr, long maxnodes) {
        long n = maskWords(maxnodes);
        if (n < 0) return new Value.Ptr(addr);
        return ArrayDecoder.decode(c, mem, addr, n, WORD, (b, off) -> {
            long v = MemoryView.u64(b, off);
            // printf("%#0*llx", 16, v): zero is all zeros, no 0x.
            String hex = Long.toHexString(v);
            String text = v == 0 ? "0".repeat(16) : "0x" + "0".repeat(Math.max(0, 14 - hex.length())) + hex;
            return new Value.Text(text);
        });
    }

    /** print_mode: a mode with flags prints {@code MPOL_BIND|MPOL_F_STATIC_NODES}, an unknown one as flags. */
    static Value mode(CallContext c, long arg) {
        long flags = arg & MODE_FLAGS_MASK, mode = arg & ~MODE_FLAGS_MASK;
        if (flags == 0) return c.sym(MODES, mode);
        String name = MODES.name(mode);
        if (name == null) return c.sym(MODE_FLAGS, arg);
        List<String> names = new ArrayList<>(List.of(name));
        Value.Sym f = MODE_FLAGS.sym(flags);
        names.addAll(f.names());
        return new Value.Sym(arg, Value.Radix.HEX, names, f.rest(), null);
    }

    /** migrate_pages(pid, maxnode, old_nodes, new_nodes). */
    static final class MigratePages implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            captureMask(mem, opt, args[2], args[1]);
            captureMask(mem, opt, args[3], args[1]);
        }

        @Override
        public Decoded decode(CallContext c) {
            return Decoded.atEntry(List.of(c.pid((int) c.arg(0), PidNamespaces.Kind.TGID),
                    new Value.Num(c.arg(1), Value.Radix.UDEC), nodemask(c, c.in, c.arg(2), c.arg(1)),
                    nodemask(c, c.in, c.arg(3), c.arg(1))));
        }
    }

    /** mbind(addr, len, mode, nodemask, maxnode, flags). */
    static final class Mbind implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            captureMask(mem, opt, args[3], args[4]);
        }

        @Override
        public Decoded decode(CallContext c) {
            return Decoded.atEntry(List.of(new Value.Ptr(c.arg(0)), new Value.Num(c.arg(1), Value.Radix.UDEC),
                    mode(c, c.arg(2)), nodemask(c, c.in, c.arg(3), c.arg(4)), new Value.Num(c.arg(4), Value.Radix.UDEC),
                    c.sym(MBIND_FLAGS, c.arg(5) & 0xffffffffL)));
        }
    }

    /** set_mempolicy(mode, nodemask, maxnode): the mode as an unsigned int. */
    static final class SetMempolicy implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            captureMask(mem, opt, args[1], args[2]);
        }

        @Override
        public Decoded decode(CallContext c) {
            return Decoded.atEntry(List.of(mode(c, c.arg(0) & 0xffffffffL), nodemask(c, c.in, c.arg(1), c.arg(2)),
                    new Value.Num(c.arg(2), Value.Radix.UDEC)));
        }
    }

    /** get_mempolicy(mode, nodemask, maxnode, addr, flags): everything prints at exit. */
    static final class GetMempolicy implements CallFormat {
        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            if (args[0] != 0) mem.bytes(args[0], 4);
            captureMask(mem, opt, args[1], args[2]);
        }

        @Override
        public Decoded decode(CallContext c) {
            long m = c.arg(0);
            byte[] b = m != 0 && c.succeeded() ? MemoryView.struct(c.out, m, 4) : null;
            Value mode = m == 0 ? new Value.Ptr(0) : b == null ? new Value.Ptr(m)
                    : new Value.Array(List.of(c.sym(MODES, MemoryView.s32(b, 0) & 0xffffffffL)), false);
            Value mask = c.succeeded() || c.arg(1) == 0 ? nodemask(c, c.out, c.arg(1), c.arg(2)) : new Value.Ptr(c.arg(1));
            return new Decoded(List.of(mode, mask, new Value.Num(c.arg(2), Value.Radix.UDEC), new Value.Ptr(c.arg(3)),
                    c.sym(GET_FLAGS, c.arg(4))), 0, null);
        }
    }

    /** move_pages(pid, count, pages, nodes, status, flags): status and flags at exit. */
    static final class MovePages implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            long n = ArrayDecoder.captureCount(opt, args[1]);
            if (args[2] != 0 && n > 0) mem.bytes(args[2], (int) (n * WORD));
            if (args[3] != 0 && n > 0) mem.bytes(args[3], (int) (n * 4));
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            long n = ArrayDecoder.captureCount(opt, args[1]);
            if (rval == 0 && args[4] != 0 && n > 0) mem.bytes(args[4], (int) (n * 4));
        }

        @Override
        public Decoded decode(CallContext c) {
            long count = c.arg(1);
            Value pages = ArrayDecoder.decode(c, c.in, c.arg(2), count, WORD, (b, off) -> new Value.Ptr(MemoryView.u64(b, off)));
            Value nodes = ArrayDecoder.decode(c, c.in, c.arg(3), count, 4,
                    (b, off) -> new Value.Num(MemoryView.s32(b, off), Value.Radix.DEC));
            // The kernel wrote the statuses only when it returned 0; otherwise strace cannot fetch them.
            Value status = c.returned && c.rval == 0 ? ArrayDecoder.decode(c, c.out, c.arg(4), count, 4,
                    (b, off) -> status(c, MemoryView.s32(b, off)))
                    : c.arg(4) == 0 ? new Value.Ptr(0) : count == 0 ? new Value.Array(List.of(), false)
                    : new Value.Ptr(c.arg(4));
            return new Decoded(List.of(c.pid((int) c.arg(0), PidNamespaces.Kind.TGID),
                    new Value.Num(count, Value.Radix.UDEC), pages, nodes, status,
                    c.sym(MOVE_PAGES_FLAGS, c.arg(5) & 0xffffffffL)), 4, null);
        }

        /** print_err(status, true): a negative status is {@code -ENOENT} ({@code -2 /* -ENOENT * /} verbose). */
        private static Value status(CallContext c, int s) {
            String name = s < 0 ? Errnos.name(-s) : null;
            Value n = new Value.Num(s, Value.Radix.DEC);
            if (name == null) return n;
            return switch (c.opt.xlat()) {
                case RAW -> n;
                case ABBREV -> new Value.Text("-" + name);
                case VERBOSE -> new Value.Commented(n, "-" + name);
            };
        }
    }
}
