package dev.jstrace.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The ioctl argument structs strace prints field by field for the families
 * jstrace decodes (fs_x: fstrim_range, fsxattr; random: rand_pool_info).
 * Each takes the bytes copied at the argument's address.
 */
final class IoctlStructs {
    static final ConstTable FS_XFLAGS = ConstTable.flags("FS_XFLAG_???", """
            FS_XFLAG_REALTIME FS_XFLAG_PREALLOC FS_XFLAG_IMMUTABLE FS_XFLAG_APPEND
            FS_XFLAG_SYNC FS_XFLAG_NOATIME FS_XFLAG_NODUMP FS_XFLAG_RTINHERIT
            FS_XFLAG_PROJINHERIT FS_XFLAG_NOSYMLINKS FS_XFLAG_EXTSIZE
            FS_XFLAG_EXTSZINHERIT FS_XFLAG_NODEFRAG FS_XFLAG_FILESTREAM FS_XFLAG_DAX
            FS_XFLAG_COWEXTSIZE FS_XFLAG_HASATTR""");
    /** NS_GET_NSTYPE's result: the namespace's CLONE_NEW* type. */
    static final ConstTable SETNS_TYPES = ConstTable.enumHex(null, """
            CLONE_NEWTIME CLONE_NEWNS CLONE_NEWCGROUP CLONE_NEWUTS
            CLONE_NEWIPC CLONE_NEWUSER CLONE_NEWPID CLONE_NEWNET""");
    /** linux/counter.h enums, in header order. */
    static final ConstTable COUNTER_COMPONENT_TYPES = ConstTable.enumHex("COUNTER_COMPONENT_???", """
            COUNTER_COMPONENT_NONE COUNTER_COMPONENT_SIGNAL COUNTER_COMPONENT_COUNT
            COUNTER_COMPONENT_FUNCTION COUNTER_COMPONENT_SYNAPSE_ACTION COUNTER_COMPONENT_EXTENSION""");
    static final ConstTable COUNTER_SCOPES = ConstTable.enumHex("COUNTER_SCOPE_???", """
            COUNTER_SCOPE_DEVICE COUNTER_SCOPE_SIGNAL COUNTER_SCOPE_COUNT""");
    static final ConstTable COUNTER_EVENTS = ConstTable.enumHex("COUNTER_EVENT_???", """
            COUNTER_EVENT_OVERFLOW COUNTER_EVENT_UNDERFLOW COUNTER_EVENT_OVERFLOW_UNDERFLOW
            COUNTER_EVENT_THRESHOLD COUNTER_EVENT_INDEX COUNTER_EVENT_CHANGE_OF_STATE COUNTER_EVENT_CAPTURE""");
    /** Bytes of rand_pool_info's buffer copied with the header (more than -s ever shows). */
    static final int RAND_POOL_CAPTURE = 8 + 4096;

    private IoctlStructs() {}

    private static Value u64(byte[] b, int off) {
        return new Value.Num(MemoryView.u64(b, off), Value.Radix.UDEC);
    }

    private static Value u32(byte[] b, int off) {
        return new Value.Num(MemoryView.s32(b, off) & 0xffffffffL, Value.Radix.UDEC);
    }

    /** struct fstrim_range: {@code {start=0x..., len=N, minlen=N}} (24 bytes). */
    static Value fstrimRange(CallContext c, byte[] b) {
        return new Value.Struct(List.of(
                new Value.Field("start", new Value.Num(MemoryView.u64(b, 0), Value.Radix.HEX)),
                new Value.Field("len", u64(b, 8)), new Value.Field("minlen", u64(b, 16))), false);
    }

    /** struct fsxattr (28 bytes); the get form also shows fsx_nextents. */
    static Value fsxattr(CallContext c, byte[] b, boolean get) {
        List<Value.Field> fs = new ArrayList<>(5);
        fs.add(new Value.Field("fsx_xflags", FS_XFLAGS.sym(MemoryView.s32(b, 0) & 0xffffffffL)));
        fs.add(new Value.Field("fsx_extsize", u32(b, 4)));
        if (get) fs.add(new Value.Field("fsx_nextents", u32(b, 8)));
        fs.add(new Value.Field("fsx_projid", new Value.Num(MemoryView.s32(b, 12) & 0xffffffffL, Value.Radix.HEX)));
        fs.add(new Value.Field("fsx_cowextsize", u32(b, 16)));
        return new Value.Struct(fs, false);
    }

    /** struct rand_pool_info: {@code {entropy_count=3, buf_size=8, buf="12345678"}}, the buffer cut to -s. */
    static Value randPoolInfo(CallContext c, byte[] b, long addr) {
        int size = MemoryView.s32(b, 4);
        long shown = Math.min(Math.max(size, 0), c.opt.stringLimit());
        Value buf;
        if (size == 0) buf = Value.Str.buffer(new byte[0], 0, false);
        else if (b.length - 8 < shown) buf = new Value.Ptr(addr + 8);
        else buf = Value.Str.buffer(java.util.Arrays.copyOfRange(b, 8, 8 + (int) shown), size & 0xffffffffL, false);
        return new Value.Struct(List.of(
                new Value.Field("entropy_count", new Value.Num(MemoryView.s32(b, 0), Value.Radix.DEC)),
                new Value.Field("buf_size", new Value.Num(size, Value.Radix.DEC)),
                new Value.Field("buf", buf)), false);
    }

    /** struct counter_watch (6 bytes): {@code {component={type=, scope=, parent=, id=}, event=, channel=}}. */
    static Value counterWatch(CallContext c, byte[] b) {
        Value component = new Value.Struct(List.of(
                new Value.Field("type", COUNTER_COMPONENT_TYPES.sym(b[0] & 0xff)),
                new Value.Field("scope", COUNTER_SCOPES.sym(b[1] & 0xff)),
                new Value.Field("parent", new Value.Num(b[2] & 0xff, Value.Radix.UDEC)),
                new Value.Field("id", new Value.Num(b[3] & 0xff, Value.Radix.UDEC))), false);
        return new Value.Struct(List.of(new Value.Field("component", component),
                new Value.Field("event", COUNTER_EVENTS.sym(b[4] & 0xff)),
                new Value.Field("channel", new Value.Num(b[5] & 0xff, Value.Radix.UDEC))), false);
    }
}
