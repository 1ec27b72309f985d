package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * Small calls whose output goes through pointers strace follows at exit: time(2)
 * ({@code [1796153405 /* 2026-12-01T19:30:05+0000 * /]} and the date after the result),
 * getcpu(2) ({@code [1], [0]}), sendfile(2) (the offset before and after, {@code [0] =>
 * [35499]}) and mincore(2) (one residency bit per page, {@code [1, 0, ...]}).
 */
final class PointerOutFormats {
    private PointerOutFormats() {}

    /** An int the kernel wrote at {@code addr}, {@code [N]} (unsigned, strace's {@code %u}); else the address. */
    static Value uintAt(CallContext c, long addr) {
        if (addr == 0) return new Value.Ptr(0);
        byte[] b = c.succeeded() ? MemoryView.struct(c.out, addr, 4) : null;
        if (b == null) return new Value.Unreadable(addr);
        return new Value.Array(List.of(new Value.Num(MemoryView.u32(b, 0), Value.Radix.DEC)), false);
    }

    private static void copy(TraceeMemory mem, long addr, int n) {
        if (addr != 0 && n > 0) mem.bytes(addr, n);
    }

    /** time(2): the seconds stored through the pointer, and the date of the result. */
    static final class Time implements CallFormat {
        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            copy(mem, args[0], 8);
        }

        @Override
        public Decoded decode(CallContext c) {
            long a = c.arg(0);
            Value v;
            byte[] b = c.succeeded() ? MemoryView.struct(c.out, a, 8) : null;
            if (a == 0) v = new Value.Ptr(0);
            else if (b == null) v = new Value.Unreadable(a);
            else v = new Value.Array(List.of(seconds(MemoryView.u64(b, 0))), false);
            String result = null;
            String date = c.succeeded() ? StructDecoders.timeComment(c.rval, 0) : null;
            if (date != null) result = c.rval + " (" + date + ")";
            return new Decoded(List.of(v), 0, result);
        }

        private static Value seconds(long t) {
            // timeComment: no date for 0, nor past gmtime's range (a random or hostile value), as strace.
            Value n = new Value.Num(t, Value.Radix.DEC);
            String date = StructDecoders.timeComment(t, 0);
            return date == null ? n : new Value.Commented(n, date);
        }
    }

    /** getcpu(2): everything prints at exit. */
    static final class Getcpu implements CallFormat {
        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            copy(mem, args[0], 4);
            copy(mem, args[1], 4);
        }

        @Override
        public Decoded decode(CallContext c) {
            return new Decoded(List.of(uintAt(c, c.arg(0)), uintAt(c, c.arg(1)), new Value.Ptr(c.arg(2))), 0, null);
        }
    }

    /** sendfile(2): the offset is read at entry and, when bytes moved, again at exit. */
    static final class Sendfile implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (opt.capturesFdPaths()) {
                mem.fdPath((int) args[0]);
                mem.fdPath((int) args[1]);
            }
            copy(mem, args[2], 8);
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            if (rval != 0) copy(mem, args[2], 8);
        }

        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = new ArrayList<>(4);
            out.add(c.fd((int) c.arg(0)));
            out.add(c.fd((int) c.arg(1)));
            long off = c.arg(2);
            byte[] before = MemoryView.struct(c.in, off, 8);
            Value count = new Value.Num(c.arg(3), Value.Radix.UDEC);
            if (off == 0 || before == null || c.arg(3) == 0) {
                out.add(off == 0 ? new Value.Ptr(0) : before == null ? new Value.Unreadable(off) : ulongs(before));
                out.add(count);
                return Decoded.atEntry(out);
            }
            byte[] after = c.succeeded() && c.rval != 0 ? MemoryView.struct(c.out, off, 8) : null;
            String text = c.text(ulongs(before)) + (after == null ? "" : " => " + c.text(ulongs(after)));
            out.add(new Value.Text(text));
            out.add(count);
            return new Decoded(out, 2, null);
        }

        private static Value ulongs(byte[] b) {
            return new Value.Array(List.of(new Value.Num(MemoryView.u64(b, 0), Value.Radix.UDEC)), false);
        }
    }

    /** mincore(2): one element per page of the range, each the page's residency bit. */
    static final class Mincore implements CallFormat {
        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            long pages = pages(arch, args[1]);
            copy(mem, args[2], (int) Math.min(pages, opt.verbose() ? 1 << 20 : opt.stringLimit()));
        }

        /** strace counts pages of its own size (sysconf): 4 KiB on the machines jstrace runs on. */
        private static final long PAGE = 4096;

        private static long pages(Arch arch, long len) {
            long page = PAGE;
            return Long.divideUnsigned(len, page) + ((len & (page - 1)) != 0 ? 1 : 0);
        }

        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = new ArrayList<>(3);
            out.add(new Value.Ptr(c.arg(0)));
            out.add(new Value.Num(c.arg(1), Value.Radix.UDEC));
            long vec = c.arg(2);
            long n = pages(c.arch, c.arg(1));
            int shown = (int) Math.min(n, c.opt.verbose() ? 1 << 20 : c.opt.stringLimit());
            byte[] b = c.succeeded() ? MemoryView.struct(c.out, vec, shown) : null;
            if (vec == 0) {
                out.add(new Value.Ptr(0));
            } else if (n == 0) {
                out.add(new Value.Array(List.of(), false));
            } else if (b == null) {
                out.add(new Value.Unreadable(vec));
            } else {
                List<Value> items = new ArrayList<>(shown);
                for (int i = 0; i < shown; i++) items.add(new Value.Num(b[i] & 1, Value.Radix.DEC));
                out.add(new Value.Array(items, shown < n));
            }
            return new Decoded(out, 2, null);
        }
    }
}
