package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.List;

/**
 * FS_IOC_FIEMAP as strace's decode_fiemap (src/fs_f_ioctl.c) prints it: the request's
 * {@code fm_start, fm_length, fm_flags, fm_extent_count} at entry, and after success
 * {@code => {fm_flags, fm_mapped_extents, ...}}, the extents themselves only under
 * {@code -v} (an array of struct fiemap_extent after the header).
 */
final class FiemapIoctls implements IoctlFamily {
    private static final long FS_IOC_FIEMAP = IoctlRequests.code("FS_IOC_FIEMAP");
    /** struct fiemap's header and struct fiemap_extent (linux/fiemap.h). */
    private static final int HEADER = 32, EXTENT = 56;
    private static final int FM_START = 0, FM_LENGTH = 8, FM_FLAGS = 16, FM_MAPPED = 20, FM_COUNT = 24;
    private static final int FE_LOGICAL = 0, FE_PHYSICAL = 8, FE_LENGTH = 16, FE_FLAGS = 40;

    /** strace's fiemap_flags and fiemap_extent_flags, in its order. */
    static final ConstTable FLAGS = ConstTable.flags("FIEMAP_FLAG_???",
            "FIEMAP_FLAG_SYNC FIEMAP_FLAG_XATTR FIEMAP_FLAG_CACHE");
    static final ConstTable EXTENT_FLAGS = ConstTable.flags("FIEMAP_EXTENT_???", """
            FIEMAP_EXTENT_LAST FIEMAP_EXTENT_UNKNOWN FIEMAP_EXTENT_DELALLOC FIEMAP_EXTENT_ENCODED
            FIEMAP_EXTENT_DATA_ENCRYPTED FIEMAP_EXTENT_NOT_ALIGNED FIEMAP_EXTENT_DATA_INLINE
            FIEMAP_EXTENT_DATA_TAIL FIEMAP_EXTENT_UNWRITTEN FIEMAP_EXTENT_MERGED FIEMAP_EXTENT_SHARED""");

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
        long n = ArrayDecoder.captureCount(opt, MemoryView.u32(h.data(), FM_MAPPED));
        if (n > 0) mem.bytes(arg + HEADER, (int) (n * EXTENT));
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        byte[] in = IoctlFields.struct(c.in, a, HEADER);
        if (in == null) return IoctlFields.addr(a);
        Value entry = IoctlFields.struct(List.of(IoctlFields.u64("fm_start", in, FM_START),
                IoctlFields.u64("fm_length", in, FM_LENGTH), IoctlFields.flags32("fm_flags", FLAGS, in, FM_FLAGS),
                IoctlFields.u32("fm_extent_count", in, FM_COUNT)));
        if (!c.succeeded()) return entry;
        byte[] out = IoctlFields.struct(c.out, a, HEADER);
        if (out == null) return IoctlFields.changed(c, entry, IoctlFields.addr(a));
        Value.Field flags = IoctlFields.flags32("fm_flags", FLAGS, out, FM_FLAGS);
        Value.Field mapped = IoctlFields.u32("fm_mapped_extents", out, FM_MAPPED);
        Value exit;
        if (!c.opt.verbose()) {
            exit = new Value.Struct(List.of(flags, mapped), true);
        } else {
            Value extents = ArrayDecoder.decode(c, c.out, a + HEADER, MemoryView.u32(out, FM_MAPPED), EXTENT,
                    (b, off) -> IoctlFields.struct(List.of(IoctlFields.u64("fe_logical", b, off + FE_LOGICAL),
                            IoctlFields.u64("fe_physical", b, off + FE_PHYSICAL),
                            IoctlFields.u64("fe_length", b, off + FE_LENGTH),
                            IoctlFields.flags32("fe_flags", EXTENT_FLAGS, b, off + FE_FLAGS))));
            exit = IoctlFields.struct(List.of(flags, mapped, new Value.Field("fm_extents", extents)));
        }
        return IoctlFields.changed(c, entry, exit);
    }
}
