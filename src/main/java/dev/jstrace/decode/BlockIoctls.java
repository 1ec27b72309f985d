package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.List;

/**
 * The block requests strace 6.1's src/block.c prints as structs: BLKPG's blkpg_ioctl_arg with
 * its blkpg_partition, and BLKTRACESETUP's blk_user_trace_setup (the name the kernel fills in
 * after success). The block requests that take or return a number are {@link IoctlFamilies}' rules.
 */
final class BlockIoctls implements IoctlFamily {
    private static final long BLKPG = IoctlRequests.required("BLKPG"), BLKTRACESETUP = IoctlRequests.required("BLKTRACESETUP");
    /** {@code struct blkpg_ioctl_arg} (linux/blkpg.h): BLKPG's argument, pointing at the partition. */
    static final StructLayout BLKPG_IOCTL_ARG = structLayout(JAVA_INT.withName("op"), JAVA_INT.withName("flags"),
            JAVA_INT.withName("datalen"), paddingLayout(4), JAVA_LONG.withName("data"))
            .withName("struct blkpg_ioctl_arg");
    /** {@code struct blkpg_partition} (linux/blkpg.h), the names BLKPG_DEVNAMELTH and BLKPG_VOLNAMELTH long. */
    static final StructLayout BLKPG_PARTITION = structLayout(JAVA_LONG.withName("start"), JAVA_LONG.withName("length"),
            JAVA_INT.withName("pno"), sequenceLayout(64, JAVA_BYTE).withName("devname"),
            sequenceLayout(64, JAVA_BYTE).withName("volname"), paddingLayout(4)).withName("struct blkpg_partition");
    /** {@code struct blk_user_trace_setup} (linux/blktrace_api.h): BLKTRACESETUP's, the name filled in at exit. */
    static final StructLayout BLK_USER_TRACE_SETUP = structLayout(sequenceLayout(32, JAVA_BYTE).withName("name"),
            JAVA_SHORT.withName("act_mask"), paddingLayout(2), JAVA_INT.withName("buf_size"),
            JAVA_INT.withName("buf_nr"), paddingLayout(4), JAVA_LONG.withName("start_lba"),
            JAVA_LONG.withName("end_lba"), JAVA_INT.withName("pid"), paddingLayout(4))
            .withName("struct blk_user_trace_setup");
    private static final int ARG = StructLayouts.size(BLKPG_IOCTL_ARG), PARTITION = StructLayouts.size(BLKPG_PARTITION),
            TRACE_SETUP = StructLayouts.size(BLK_USER_TRACE_SETUP);
    private static final Member OP = Member.of(BLKPG_IOCTL_ARG, "op"), FLAGS = Member.of(BLKPG_IOCTL_ARG, "flags"),
            DATALEN = Member.of(BLKPG_IOCTL_ARG, "datalen"), DATA = Member.of(BLKPG_IOCTL_ARG, "data");
    private static final Member P_START = Member.of(BLKPG_PARTITION, "start"),
            P_LENGTH = Member.of(BLKPG_PARTITION, "length"), P_PNO = Member.of(BLKPG_PARTITION, "pno"),
            P_DEVNAME = Member.of(BLKPG_PARTITION, "devname"), P_VOLNAME = Member.of(BLKPG_PARTITION, "volname");
    private static final Member T_NAME = Member.of(BLK_USER_TRACE_SETUP, "name"),
            T_ACT_MASK = Member.of(BLK_USER_TRACE_SETUP, "act_mask"),
            T_BUF_SIZE = Member.of(BLK_USER_TRACE_SETUP, "buf_size"),
            T_BUF_NR = Member.of(BLK_USER_TRACE_SETUP, "buf_nr"),
            T_START_LBA = Member.of(BLK_USER_TRACE_SETUP, "start_lba"),
            T_END_LBA = Member.of(BLK_USER_TRACE_SETUP, "end_lba"), T_PID = Member.of(BLK_USER_TRACE_SETUP, "pid");
    /** src/xlat/blkpg_ops.in. */
    static final ConstTable OPS = ConstTable.enumHex("BLKPG_???",
            "BLKPG_ADD_PARTITION BLKPG_DEL_PARTITION BLKPG_RESIZE_PARTITION");


    @Override
    public List<CallStructLayouts.Declared> layouts() {
        return List.of(new CallStructLayouts.Declared(BLKPG_IOCTL_ARG, "#include <linux/blkpg.h>\n"),
                new CallStructLayouts.Declared(BLKPG_PARTITION, "#include <linux/blkpg.h>\n"),
                new CallStructLayouts.Declared(BLK_USER_TRACE_SETUP, "#include <linux/blktrace_api.h>\n"));
    }

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
            long data = DATA.u(r.data());
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
                    IoctlFields.u("act_mask", b, T_ACT_MASK), IoctlFields.u("buf_size", b, T_BUF_SIZE),
                    IoctlFields.u("buf_nr", b, T_BUF_NR), IoctlFields.u("start_lba", b, T_START_LBA),
                    IoctlFields.u("end_lba", b, T_END_LBA),
                    f("pid", c.pid((int) T_PID.s(b), PidNamespaces.Kind.TGID))));
            byte[] out = c.succeeded() ? MemoryView.struct(c.out, a, TRACE_SETUP) : null;
            if (out != null) fs.add(f("name", LoopIoctls.cstring(out, T_NAME)));
            return new Value.Struct(fs, false);
        }
        byte[] b = MemoryView.struct(c.in, a, ARG);
        if (b == null) return new Value.Ptr(a);
        long data = DATA.u(b);
        byte[] p = MemoryView.struct(c.in, data, PARTITION);
        Value part = p == null ? new Value.Ptr(data) : new Value.Struct(List.of(
                IoctlFields.d("start", p, P_START), IoctlFields.d("length", p, P_LENGTH), IoctlFields.d("pno", p, P_PNO),
                f("devname", LoopIoctls.cstring(p, P_DEVNAME)), f("volname", LoopIoctls.cstring(p, P_VOLNAME))), false);
        return new Value.Struct(List.of(IoctlFields.flags("op", OPS, b, OP), IoctlFields.d("flags", b, FLAGS),
                IoctlFields.d("datalen", b, DATALEN), f("data", part)), false);
    }

    private static Value.Field f(String name, Value v) {
        return new Value.Field(name, v);
    }
}
