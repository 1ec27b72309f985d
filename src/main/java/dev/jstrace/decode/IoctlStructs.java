package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.decode.StructLayouts.Member;
import java.lang.foreign.StructLayout;
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
    /** {@code struct fstrim_range} (linux/fs.h): FITRIM. */
    static final StructLayout FSTRIM_RANGE = structLayout(JAVA_LONG.withName("start"), JAVA_LONG.withName("len"),
            JAVA_LONG.withName("minlen")).withName("struct fstrim_range");
    private static final Member FSTRIM_START = Member.of(FSTRIM_RANGE, "start"),
            FSTRIM_LEN = Member.of(FSTRIM_RANGE, "len"), FSTRIM_MINLEN = Member.of(FSTRIM_RANGE, "minlen");
    /** {@code struct fsxattr} (linux/fs.h): FS_IOC_FSGETXATTR/FSSETXATTR. */
    static final StructLayout FSXATTR = structLayout(JAVA_INT.withName("fsx_xflags"), JAVA_INT.withName("fsx_extsize"),
            JAVA_INT.withName("fsx_nextents"), JAVA_INT.withName("fsx_projid"), JAVA_INT.withName("fsx_cowextsize"),
            sequenceLayout(8, JAVA_BYTE).withName("fsx_pad")).withName("struct fsxattr");
    private static final Member FSX_XFLAGS = Member.of(FSXATTR, "fsx_xflags"),
            FSX_EXTSIZE = Member.of(FSXATTR, "fsx_extsize"), FSX_NEXTENTS = Member.of(FSXATTR, "fsx_nextents"),
            FSX_PROJID = Member.of(FSXATTR, "fsx_projid"), FSX_COWEXTSIZE = Member.of(FSXATTR, "fsx_cowextsize");
    /** {@code struct rand_pool_info} (linux/random.h): RNDADDENTROPY's header, the buffer after it. */
    static final StructLayout RAND_POOL_INFO = structLayout(JAVA_INT.withName("entropy_count"),
            JAVA_INT.withName("buf_size"), sequenceLayout(0, JAVA_INT).withName("buf")).withName("struct rand_pool_info");
    private static final Member RP_ENTROPY = Member.of(RAND_POOL_INFO, "entropy_count"),
            RP_BUF_SIZE = Member.of(RAND_POOL_INFO, "buf_size");
    /** Where rand_pool_info's buffer begins: its header's size. */
    static final int RAND_POOL_HEADER = StructLayouts.offset(RAND_POOL_INFO, "buf");
    /** Bytes of rand_pool_info's buffer copied with the header (more than -s ever shows). */
    static final int RAND_POOL_CAPTURE = RAND_POOL_HEADER + 4096;
    /** {@code struct counter_watch} (linux/counter.h) with its counter_component. */
    static final StructLayout COUNTER_WATCH = structLayout(structLayout(JAVA_BYTE.withName("type"),
            JAVA_BYTE.withName("scope"), JAVA_BYTE.withName("parent"), JAVA_BYTE.withName("id")).withName("component"),
            JAVA_BYTE.withName("event"), JAVA_BYTE.withName("channel")).withName("struct counter_watch");
    private static final Member CW_TYPE = Member.of(COUNTER_WATCH, "component.type"),
            CW_SCOPE = Member.of(COUNTER_WATCH, "component.scope"),
            CW_PARENT = Member.of(COUNTER_WATCH, "component.parent"),
            CW_ID = Member.of(COUNTER_WATCH, "component.id"), CW_EVENT = Member.of(COUNTER_WATCH, "event"),
            CW_CHANNEL = Member.of(COUNTER_WATCH, "channel");
    /** The layouts above with their headers, for the probe. */
    static final List<CallStructLayouts.Declared> LAYOUTS = List.of(
            new CallStructLayouts.Declared(FSTRIM_RANGE, "#include <linux/fs.h>\n"),
            new CallStructLayouts.Declared(FSXATTR, "#include <linux/fs.h>\n"),
            new CallStructLayouts.Declared(RAND_POOL_INFO, "#include <linux/random.h>\n"),
            new CallStructLayouts.Declared(COUNTER_WATCH, "#include <linux/counter.h>\n"));

    private IoctlStructs() {}

    private static Value udec(byte[] b, Member m) {
        return new Value.Num(m.u(b), Value.Radix.UDEC);
    }

    /** struct fstrim_range: {@code {start=0x..., len=N, minlen=N}}. */
    static Value fstrimRange(CallContext c, byte[] b) {
        return new Value.Struct(List.of(
                new Value.Field("start", new Value.Num(FSTRIM_START.u(b), Value.Radix.HEX)),
                new Value.Field("len", udec(b, FSTRIM_LEN)), new Value.Field("minlen", udec(b, FSTRIM_MINLEN))), false);
    }

    /** struct fsxattr; the get form also shows fsx_nextents. */
    static Value fsxattr(CallContext c, byte[] b, boolean get) {
        List<Value.Field> fs = new ArrayList<>(5);
        fs.add(new Value.Field("fsx_xflags", FS_XFLAGS.sym(FSX_XFLAGS.u(b))));
        fs.add(new Value.Field("fsx_extsize", udec(b, FSX_EXTSIZE)));
        if (get) fs.add(new Value.Field("fsx_nextents", udec(b, FSX_NEXTENTS)));
        fs.add(new Value.Field("fsx_projid", new Value.Num(FSX_PROJID.u(b), Value.Radix.HEX)));
        fs.add(new Value.Field("fsx_cowextsize", udec(b, FSX_COWEXTSIZE)));
        return new Value.Struct(fs, false);
    }

    /** struct rand_pool_info: {@code {entropy_count=3, buf_size=8, buf="12345678"}}, the buffer cut to -s. */
    static Value randPoolInfo(CallContext c, byte[] b, long addr) {
        int size = (int) RP_BUF_SIZE.s(b);
        long shown = Math.min(Math.max(size, 0), c.opt.stringLimit());
        int buf = RAND_POOL_HEADER;
        Value bytes;
        if (size == 0) bytes = Value.Str.buffer(new byte[0], 0, false);
        else if (b.length - buf < shown) bytes = new Value.Ptr(addr + buf);
        else bytes = Value.Str.buffer(java.util.Arrays.copyOfRange(b, buf, buf + (int) shown), size & 0xffffffffL, false);
        return new Value.Struct(List.of(
                new Value.Field("entropy_count", new Value.Num(RP_ENTROPY.s(b), Value.Radix.DEC)),
                new Value.Field("buf_size", new Value.Num(size, Value.Radix.DEC)),
                new Value.Field("buf", bytes)), false);
    }

    /** struct counter_watch: {@code {component={type=, scope=, parent=, id=}, event=, channel=}}. */
    static Value counterWatch(CallContext c, byte[] b) {
        Value component = new Value.Struct(List.of(
                new Value.Field("type", COUNTER_COMPONENT_TYPES.sym(CW_TYPE.u(b))),
                new Value.Field("scope", COUNTER_SCOPES.sym(CW_SCOPE.u(b))),
                new Value.Field("parent", udec(b, CW_PARENT)), new Value.Field("id", udec(b, CW_ID))), false);
        return new Value.Struct(List.of(new Value.Field("component", component),
                new Value.Field("event", COUNTER_EVENTS.sym(CW_EVENT.u(b))),
                new Value.Field("channel", udec(b, CW_CHANNEL))), false);
    }
}
