package dev.jstrace.decode;

import static dev.jstrace.decode.DecoderGolden.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link StatxDecoder}: the lines strace 6.1 printed on this machine for {@code stat /etc/hostname}. */
@Tag("unit")
class StatxDecoderTest {
    @Test
    void hostname() {
        var l = StatxDecoder.LAYOUT;
        var b = DecoderGolden.struct(l.byteSize());
        set(b, l, "stx_mask", 0x1fff);
        set(b, l, "stx_blksize", 4096);
        set(b, l, "stx_attributes_mask", 0x303874);
        set(b, l, "stx_nlink", 1);
        set(b, l, "stx_mode", 0100755);
        set(b, l, "stx_ino", 612);
        set(b, l, "stx_size", 3);
        set(b, l, "stx_blocks", 8);
        set(b, l, "stx_atime.tv_sec", 1796153291L);
        set(b, l, "stx_atime.tv_nsec", 656370229);
        for (String t : new String[] {"stx_ctime", "stx_mtime"}) {
            set(b, l, t + ".tv_sec", 1796153026L);
            set(b, l, t + ".tv_nsec", 684541942);
        }
        set(b, l, "stx_dev_major", 254);
        set(b, l, "stx_mnt_id", 0x1b);
        var g = new DecoderGolden().putString(0x1000, "/etc/hostname").put(0x2000, b.array());
        long[] args = {-100, 0x1000, 0x900, 0xfff, 0x2000};
        String call = "statx(AT_FDCWD, \"/etc/hostname\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT,"
                + " STATX_ALL, ";
        for (Arch arch : Arch.values()) {
            assertEquals(call + "{stx_mask=STATX_ALL|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0755,"
                    + " stx_size=3, ...}) = 0", g.line(arch, "statx", args, 0));
        }
        var verbose = new DecodeOptions(32, true, 0, DecodeOptions.Xlat.ABBREV, 0, Set.of());
        assertEquals(call + "{stx_mask=STATX_ALL|STATX_MNT_ID, stx_blksize=4096, stx_attributes=0, stx_nlink=1,"
                + " stx_uid=0, stx_gid=0, stx_mode=S_IFREG|0755, stx_ino=612, stx_size=3, stx_blocks=8,"
                + " stx_attributes_mask=STATX_ATTR_COMPRESSED|STATX_ATTR_IMMUTABLE|STATX_ATTR_APPEND"
                + "|STATX_ATTR_NODUMP|STATX_ATTR_ENCRYPTED|STATX_ATTR_AUTOMOUNT|STATX_ATTR_MOUNT_ROOT"
                + "|STATX_ATTR_VERITY|STATX_ATTR_DAX, stx_atime={tv_sec=1796153291, tv_nsec=656370229} /*"
                + " 2026-12-01T19:28:11.656370229+0000 */, stx_btime={tv_sec=0, tv_nsec=0},"
                + " stx_ctime={tv_sec=1796153026, tv_nsec=684541942} /* 2026-12-01T19:23:46.684541942+0000 */,"
                + " stx_mtime={tv_sec=1796153026, tv_nsec=684541942} /* 2026-12-01T19:23:46.684541942+0000 */,"
                + " stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=254, stx_dev_minor=0, stx_mnt_id=0x1b}) = 0",
                g.line(verbose, Arch.X86_64, "statx", args, 0));
    }
}
