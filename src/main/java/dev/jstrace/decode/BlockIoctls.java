package dev.jstrace.decode;

import dev.jstrace.proc.TraceeMemory;
import java.util.List;

/**
 * The block requests strace 6.1's src/block.c prints as structs: BLKPG's blkpg_ioctl_arg with
 * its blkpg_partition, and BLKTRACESETUP's blk_user_trace_setup (the name the kernel fills in
 * after success). The block requests that take or return a number are {@link IoctlFamilies}' rules.
 */
final class BlockIoctls implements IoctlFamily {
    private static final long BLKPG = IoctlRequests.required("BLKPG"), BLKTRACESETUP = IoctlRequests.required("BLKTRACESETUP");
    /** sizeof(struct blkpg_ioctl_arg), blkpg_partition, blk_user_trace_setup (LP64); BLKPG_*NAMELTH. */
    private static final int ARG = 24, PARTITION = 152, TRACE_SETUP = 72, NAME = 64, TRACE_NAME = 32;
    /** src/xlat/blkpg_ops.in. */
    static final ConstTable OPS = ConstTable.enumHex("BLKPG_???",
            "BLKPG_ADD_PARTITION BLKPG_DEL_PARTITION BLKPG_RESIZE_PARTITION");


    @Override
    public boolean decodes(long req) {
        return req == BLKPG || req == BLKTRACESETUP;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg == 0) return;
        if (req == BLKTRACESETUP) {
            mem.bytes(arg, TRACE_SETUP);
            return;
        }
        var r = mem.bytes(arg, ARG);
        if (r.readable() && r.data().length >= ARG) {
            long data = MemoryView.u64(r.data(), 16);
            if (data != 0) mem.bytes(data, PARTITION);
        }
    }

    @Override
    public void captureExit(long req, long arg, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && req == BLKTRACESETUP) mem.bytes(arg, TRACE_SETUP);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        if (req == BLKTRACESETUP) {
            byte[] b = MemoryView.struct(c.in, a, TRACE_SETUP);
            if (b == null) return new Value.Ptr(a);
            java.util.List<Value.Field> fs = new java.util.ArrayList<>(List.of(
                    f("act_mask", new Value.Num(MemoryView.u16(b, 32), Value.Radix.UDEC)),
                    f("buf_size", new Value.Num(MemoryView.u32(b, 36), Value.Radix.UDEC)),
                    f("buf_nr", new Value.Num(MemoryView.u32(b, 40), Value.Radix.UDEC)),
                    f("start_lba", new Value.Num(MemoryView.u64(b, 48), Value.Radix.UDEC)),
                    f("end_lba", new Value.Num(MemoryView.u64(b, 56), Value.Radix.UDEC)),
                    f("pid", c.pid(MemoryView.s32(b, 64), PidNamespaces.Kind.TGID))));
            byte[] out = c.succeeded() ? MemoryView.struct(c.out, a, TRACE_SETUP) : null;
            if (out != null) fs.add(f("name", LoopIoctls.cstring(out, 0, TRACE_NAME)));
            return new Value.Struct(fs, false);
        }
        byte[] b = MemoryView.struct(c.in, a, ARG);
        if (b == null) return new Value.Ptr(a);
        long data = MemoryView.u64(b, 16);
        byte[] p = MemoryView.struct(c.in, data, PARTITION);
        Value part = p == null ? new Value.Ptr(data) : new Value.Struct(List.of(
                f("start", new Value.Num(MemoryView.u64(p, 0), Value.Radix.DEC)),
                f("length", new Value.Num(MemoryView.u64(p, 8), Value.Radix.DEC)),
                f("pno", new Value.Num(MemoryView.s32(p, 16), Value.Radix.DEC)),
                f("devname", LoopIoctls.cstring(p, 20, NAME)), f("volname", LoopIoctls.cstring(p, 84, NAME))), false);
        return new Value.Struct(List.of(f("op", OPS.sym(MemoryView.u32(b, 0))),
                f("flags", new Value.Num(MemoryView.s32(b, 4), Value.Radix.DEC)),
                f("datalen", new Value.Num(MemoryView.s32(b, 8), Value.Radix.DEC)), f("data", part)), false);
    }

    private static Value.Field f(String name, Value v) {
        return new Value.Field(name, v);
    }
}
