package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.dec;
import static dev.jstrace.decode.StructDecoders.f;
import static dev.jstrace.decode.StructDecoders.udec;
import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct statx} (linux/stat.h, the same on every arch) as strace 6.1 prints it:
 * {@code {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644,
 * stx_size=3, ...}}, every field with {@code -v}.
 */
final class StatxDecoder extends StructDecoder {
    /** {@code struct statx_timestamp}. */
    static final StructLayout TIMESTAMP = structLayout(JAVA_LONG.withName("tv_sec"), JAVA_INT.withName("tv_nsec"),
            JAVA_INT.withName("__reserved")).withName("struct statx_timestamp");
    /** {@code struct statx}. */
    static final StructLayout LAYOUT = structLayout(JAVA_INT.withName("stx_mask"), JAVA_INT.withName("stx_blksize"),
            JAVA_LONG.withName("stx_attributes"), JAVA_INT.withName("stx_nlink"), JAVA_INT.withName("stx_uid"),
            JAVA_INT.withName("stx_gid"), JAVA_SHORT.withName("stx_mode"), paddingLayout(2),
            JAVA_LONG.withName("stx_ino"), JAVA_LONG.withName("stx_size"), JAVA_LONG.withName("stx_blocks"),
            JAVA_LONG.withName("stx_attributes_mask"), TIMESTAMP.withName("stx_atime"),
            TIMESTAMP.withName("stx_btime"), TIMESTAMP.withName("stx_ctime"), TIMESTAMP.withName("stx_mtime"),
            JAVA_INT.withName("stx_rdev_major"), JAVA_INT.withName("stx_rdev_minor"),
            JAVA_INT.withName("stx_dev_major"), JAVA_INT.withName("stx_dev_minor"), JAVA_LONG.withName("stx_mnt_id"),
            JAVA_INT.withName("stx_dio_mem_align"), JAVA_INT.withName("stx_dio_offset_align"),
            sequenceLayout(12, JAVA_LONG).withName("__spare3")).withName("struct statx");
    private static final Member MASK = m("stx_mask"), BLKSIZE = m("stx_blksize"), ATTRS = m("stx_attributes"),
            NLINK = m("stx_nlink"), UID = m("stx_uid"), GID = m("stx_gid"), MODE = m("stx_mode"), INO = m("stx_ino"),
            SIZE = m("stx_size"), BLOCKS = m("stx_blocks"), ATTRS_MASK = m("stx_attributes_mask"),
            RDEV_MAJOR = m("stx_rdev_major"), RDEV_MINOR = m("stx_rdev_minor"), DEV_MAJOR = m("stx_dev_major"),
            DEV_MINOR = m("stx_dev_minor"), MNT_ID = m("stx_mnt_id");
    /** The four times in strace's order. */
    private static final String[] TIMES = {"stx_atime", "stx_btime", "stx_ctime", "stx_mtime"};
    private static final Member[] SEC = new Member[4], NSEC = new Member[4];
    /** stx_mask bits: the kernel filled the field (strace prints such fields only then). */
    private static final long STATX_MNT_ID = bit("STATX_MNT_ID"), NLINK_BIT = bit("STATX_NLINK"),
            UID_BIT = bit("STATX_UID"), GID_BIT = bit("STATX_GID"), MODE_BITS = bit("STATX_TYPE") | bit("STATX_MODE"),
            INO_BIT = bit("STATX_INO"), SIZE_BIT = bit("STATX_SIZE"), BLOCKS_BIT = bit("STATX_BLOCKS");
    private static final long[] TIME_BITS = {bit("STATX_ATIME"), bit("STATX_BTIME"), bit("STATX_CTIME"),
        bit("STATX_MTIME")};

    private static long bit(String name) {
        return Constants.STATX_MASK.parse(name);
    }
    /** STATX_ATTR_* (linux/stat.h), in value order as strace lists them. */
    static final ConstTable STATX_ATTRS = ConstTable.flags("STATX_ATTR_???", """
            STATX_ATTR_COMPRESSED STATX_ATTR_IMMUTABLE STATX_ATTR_APPEND STATX_ATTR_NODUMP
            STATX_ATTR_ENCRYPTED STATX_ATTR_AUTOMOUNT STATX_ATTR_MOUNT_ROOT
            STATX_ATTR_VERITY STATX_ATTR_DAX""");

    static {
        for (int i = 0; i < 4; i++) {
            SEC[i] = m(TIMES[i] + ".tv_sec");
            NSEC[i] = m(TIMES[i] + ".tv_nsec");
        }
    }

    StatxDecoder() {
        super("#include <sys/stat.h>\n#include <linux/stat.h>\n", LAYOUT);
    }

    private static Member m(String path) {
        return Member.of(LAYOUT, path);
    }

    @Override
    Value decode(CallContext c, Snapshot mem, long addr, byte[] b) {
        boolean v = c.opt.verbose();
        long mask = MASK.u(b);
        List<Value.Field> fs = new ArrayList<>();
        fs.add(f("stx_mask", c.sym(Constants.STATX_MASK, mask)));
        if (v) fs.add(f("stx_blksize", udec(BLKSIZE.u(b))));
        fs.add(f("stx_attributes", c.sym(STATX_ATTRS, ATTRS.u(b))));
        if (v) {
            if ((mask & NLINK_BIT) != 0) fs.add(f("stx_nlink", udec(NLINK.u(b))));
            if ((mask & UID_BIT) != 0) fs.add(f("stx_uid", udec(UID.u(b))));
            if ((mask & GID_BIT) != 0) fs.add(f("stx_gid", udec(GID.u(b))));
        }
        if ((mask & MODE_BITS) != 0) fs.add(f("stx_mode", StructDecoders.modeValue(c, MODE.u(b))));
        if (v && (mask & INO_BIT) != 0) fs.add(f("stx_ino", udec(INO.u(b))));
        if ((mask & SIZE_BIT) != 0) fs.add(f("stx_size", udec(SIZE.u(b))));
        if (v) {
            if ((mask & BLOCKS_BIT) != 0) fs.add(f("stx_blocks", udec(BLOCKS.u(b))));
            fs.add(f("stx_attributes_mask", c.sym(STATX_ATTRS, ATTRS_MASK.u(b))));
            for (int i = 0; i < 4; i++) {
                if ((mask & TIME_BITS[i]) == 0) continue;
                long sec = SEC[i].s(b), ns = NSEC[i].u(b);
                Value ts = new Value.Struct(List.of(f("tv_sec", dec(sec)), f("tv_nsec", udec(ns))), false);
                // The date as a comment after the struct, when strace prints one (not for 0, 0).
                fs.add(f(TIMES[i], StructDecoders.time(sec, ns) instanceof Value.Commented when
                        ? new Value.Commented(ts, when.comment()) : ts));
            }
            fs.add(f("stx_rdev_major", udec(RDEV_MAJOR.u(b))));
            fs.add(f("stx_rdev_minor", udec(RDEV_MINOR.u(b))));
            fs.add(f("stx_dev_major", udec(DEV_MAJOR.u(b))));
            fs.add(f("stx_dev_minor", udec(DEV_MINOR.u(b))));
            // strace 6.1 adds the mount id, in hex, when the kernel says it filled it (STATX_MNT_ID).
            if ((mask & STATX_MNT_ID) != 0) fs.add(f("stx_mnt_id", new Value.Num(MNT_ID.u(b), Value.Radix.HEX)));
        }
        return new Value.Struct(fs, !v);
    }
}
