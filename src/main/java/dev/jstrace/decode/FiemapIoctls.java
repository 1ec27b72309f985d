package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.List;

/**
 * FS_IOC_FIEMAP as strace's decode_fiemap (src/fs_f_ioctl.c) prints it: the request's
 * {@code fm_start, fm_length, fm_flags, fm_extent_count} at entry, and after success
 * {@code => {fm_flags, fm_mapped_extents, ...}}, the extents themselves only under
 * {@code -v} (an array of struct fiemap_extent after the header).
 */
final class FiemapIoctls implements IoctlFamily {
    private static final long FS_IOC_FIEMAP = IoctlRequests.code("FS_IOC_FIEMAP");
    /** {@code struct fiemap_extent} (linux/fiemap.h). */
    static final StructLayout FIEMAP_EXTENT = structLayout(JAVA_LONG.withName("fe_logical"),
            JAVA_LONG.withName("fe_physical"), JAVA_LONG.withName("fe_length"),
            sequenceLayout(2, JAVA_LONG).withName("fe_reserved64"), JAVA_INT.withName("fe_flags"),
            sequenceLayout(3, JAVA_INT).withName("fe_reserved")).withName("struct fiemap_extent");
    /** {@code struct fiemap}: the header, then its fm_extents. */
    static final StructLayout FIEMAP = structLayout(JAVA_LONG.withName("fm_start"), JAVA_LONG.withName("fm_length"),
            JAVA_INT.withName("fm_flags"), JAVA_INT.withName("fm_mapped_extents"), JAVA_INT.withName("fm_extent_count"),
            JAVA_INT.withName("fm_reserved"), sequenceLayout(0, FIEMAP_EXTENT).withName("fm_extents"))
            .withName("struct fiemap");
    private static final int HEADER = StructLayouts.offset(FIEMAP, "fm_extents"),
            EXTENT = StructLayouts.size(FIEMAP_EXTENT);
    private static final Member FM_START = Member.of(FIEMAP, "fm_start"), FM_LENGTH = Member.of(FIEMAP, "fm_length"),
            FM_FLAGS = Member.of(FIEMAP, "fm_flags"), FM_MAPPED = Member.of(FIEMAP, "fm_mapped_extents"),
            FM_COUNT = Member.of(FIEMAP, "fm_extent_count");
    private static final Member FE_LOGICAL = Member.of(FIEMAP_EXTENT, "fe_logical"),
            FE_PHYSICAL = Member.of(FIEMAP_EXTENT, "fe_physical"), FE_LENGTH = Member.of(FIEMAP_EXTENT, "fe_length"),
            FE_FLAGS = Member.of(FIEMAP_EXTENT, "fe_flags");

    /** strace's fiemap_flags and fiemap_extent_flags, in its order. */
    static final ConstTable FLAGS = ConstTable.flags("FIEMAP_FLAG_???",
            "FIEMAP_FLAG_SYNC FIEMAP_FLAG_XATTR FIEMAP_FLAG_CACHE");
    static final ConstTable EXTENT_FLAGS = ConstTable.flags("FIEMAP_EXTENT_???", """
            FIEMAP_EXTENT_LAST FIEMAP_EXTENT_UNKNOWN FIEMAP_EXTENT_DELALLOC FIEMAP_EXTENT_ENCODED
            FIEMAP_EXTENT_DATA_ENCRYPTED FIEMAP_EXTENT_NOT_ALIGNED FIEMAP_EXTENT_DATA_INLINE
            FIEMAP_EXTENT_DATA_TAIL FIEMAP_EXTENT_UNWRITTEN FIEMAP_EXTENT_MERGED FIEMAP_EXTENT_SHARED""");

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        return List.of(new CallStructLayouts.Declared(FIEMAP_EXTENT, "#include <linux/fiemap.h>\n"),
                new CallStructLayouts.Declared(FIEMAP, "#include <linux/fiemap.h>\n"));
    }

    @Override
    public boolean decodes(long req) {
        return req == FS_IOC_FIEMAP;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0) mem.bytes(arg, HEADER);
    }

    @Override
    public void captureExit(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg == 0) return;
        Snapshot.Region h = mem.bytes(arg, HEADER);
        if (!opt.verbose() || h == null || !h.readable() || h.data().length < HEADER) return;
        long n = ArrayDecoder.captureCount(opt, FM_MAPPED.u(h.data()));
        if (n > 0) mem.bytes(arg + HEADER, (int) (n * EXTENT));
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        byte[] in = IoctlFields.struct(c.in, a, HEADER);
        if (in == null) return IoctlFields.addr(a);
        Value entry = IoctlFields.struct(List.of(IoctlFields.u("fm_start", in, FM_START),
                IoctlFields.u("fm_length", in, FM_LENGTH), IoctlFields.flags("fm_flags", FLAGS, in, FM_FLAGS),
                IoctlFields.u("fm_extent_count", in, FM_COUNT)));
        if (!c.succeeded()) return entry;
        byte[] out = IoctlFields.struct(c.out, a, HEADER);
        if (out == null) return IoctlFields.changed(c, entry, IoctlFields.addr(a));
        Value.Field flags = IoctlFields.flags("fm_flags", FLAGS, out, FM_FLAGS);
        Value.Field mapped = IoctlFields.u("fm_mapped_extents", out, FM_MAPPED);
        Value exit;
        if (!c.opt.verbose()) {
            exit = new Value.Struct(List.of(flags, mapped), true);
        } else {
            Value extents = ArrayDecoder.decode(c, c.out, a + HEADER, FM_MAPPED.u(out), EXTENT,
                    (b, off) -> IoctlFields.struct(List.of(IoctlFields.u64("fe_logical", b, off + FE_LOGICAL.offset()),
                            IoctlFields.u64("fe_physical", b, off + FE_PHYSICAL.offset()),
                            IoctlFields.u64("fe_length", b, off + FE_LENGTH.offset()),
                            IoctlFields.flags32("fe_flags", EXTENT_FLAGS, b, off + FE_FLAGS.offset()))));
            exit = IoctlFields.struct(List.of(flags, mapped, new Value.Field("fm_extents", extents)));
        }
        return IoctlFields.changed(c, entry, exit);
    }
}
