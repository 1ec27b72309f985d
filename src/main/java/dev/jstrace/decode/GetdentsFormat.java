package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * getdents(2), the old call with struct linux_dirent (src/dirent.c): {@code /* 3 entries * /}
 * without {@code -v}; with it, each entry with its type after the name (the old layout keeps
 * d_type in the record's last byte).
 */
final class GetdentsFormat implements CallFormat {
    /** Where d_name begins in a struct linux_dirent ({@link CallStructLayouts#LINUX_DIRENT}). */
    private static final int D_NAME = CallStructLayouts.LD_NAME;

    @Override
    public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
        if (opt.capturesFdPaths()) mem.fdPath((int) args[0]);
    }

    @Override
    public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (args[1] != 0 && rval > 0) mem.bytes(args[1], (int) Math.min(rval, CapturePlan.DIRENTS_MAX));
    }

    @Override
    public Decoded decode(CallContext c) {
        long a = c.arg(1);
        Value dirents = c.succeeded() ? dirents(c, a) : new Value.Ptr(a);
        return new Decoded(List.of(c.fd((int) c.arg(0)), dirents, new Value.Num(c.arg(2) & 0xffffffffL,
                Value.Radix.DEC)), 1, null);
    }

    private static Value dirents(CallContext c, long a) {
        if (c.rval == 0) {
            return c.opt.verbose() ? new Value.Array(List.of(), false) : new Value.Commented(new Value.Ptr(a), "0 entries");
        }
        Snapshot.Region r = c.out.find(a, Snapshot.Kind.BYTES);
        if (r == null || !r.readable()) return new Value.Ptr(a);
        byte[] b = r.data();
        int n = 0;
        List<Value> items = new ArrayList<>();
        for (int off = 0; off + D_NAME <= b.length && off < c.rval; ) {
            int reclen = (int) CallStructLayouts.LD_RECLEN.u(b, off);
            if (reclen == 0) break;
            n++;
            if (c.opt.verbose() && items.size() < c.opt.stringLimit() && off + reclen <= b.length) {
                int end = off + D_NAME;
                while (end < off + reclen && b[end] != 0) end++;
                items.add(new Value.Struct(List.of(
                        new Value.Field("d_ino", new Value.Num(CallStructLayouts.LD_INO.u(b, off), Value.Radix.UDEC)),
                        new Value.Field("d_off", new Value.Num(CallStructLayouts.LD_OFF.u(b, off), Value.Radix.UDEC)),
                        new Value.Field("d_reclen", new Value.Num(reclen, Value.Radix.DEC)),
                        new Value.Field("d_name", Value.Str.whole(java.util.Arrays.copyOfRange(b, off + D_NAME, end),
                                false)),
                        new Value.Field("d_type", c.sym(Constants.DT, b[off + reclen - 1] & 0xff))), false));
            }
            off += reclen;
        }
        if (c.opt.verbose()) return new Value.Array(items, items.size() < n);
        return new Value.Commented(new Value.Ptr(a), n + (n == 1 ? " entry" : " entries"));
    }
}
