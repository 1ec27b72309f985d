package dev.jstrace.decode;

import static dev.jstrace.decode.DecoderGolden.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import java.nio.ByteBuffer;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link StatDecoder} on both layouts: the lines strace 6.1 printed on this machine for
 * {@code os.stat("/etc/hostname")} in python3, plain and with {@code -v} (TZ is UTC here).
 */
@Tag("unit")
class StatDecoderTest {
    private static final DecodeOptions VERBOSE = new DecodeOptions(32, true, 0, DecodeOptions.Xlat.ABBREV, 0, Set.of());

    private static ByteBuffer hostname(Arch arch) {
        var l = SignatureCatalog.forName("newfstatat").struct(2).layout(arch);
        var b = DecoderGolden.struct(l.byteSize());
        set(b, l, "st_dev", 0xfe00);
        set(b, l, "st_ino", 612);
        set(b, l, "st_mode", 0100755);
        set(b, l, "st_nlink", 1);
        set(b, l, "st_blksize", 4096);
        set(b, l, "st_blocks", 8);
        set(b, l, "st_size", 3);
        set(b, l, "st_atim.tv_sec", 1796153291L);
        set(b, l, "st_atim.tv_nsec", 656370229);
        for (String t : new String[] {"st_mtim", "st_ctim"}) {
            set(b, l, t + ".tv_sec", 1796153026L);
            set(b, l, t + ".tv_nsec", 684541942);
        }
        return b;
    }

    @Test
    void hostnameOnBothLayouts() {
        String call = "newfstatat(AT_FDCWD, \"/etc/hostname\", ";
        for (Arch arch : Arch.values()) {
            var g = new DecoderGolden().putString(0x1000, "/etc/hostname").put(0x2000, hostname(arch).array());
            long[] args = {-100, 0x1000, 0x2000, 0};
            assertEquals(call + "{st_mode=S_IFREG|0755, st_size=3, ...}, 0) = 0",
                    g.line(arch, "newfstatat", args, 0), arch.name());
            assertEquals(call + "{st_dev=makedev(0xfe, 0), st_ino=612, st_mode=S_IFREG|0755, st_nlink=1, st_uid=0,"
                    + " st_gid=0, st_blksize=4096, st_blocks=8, st_size=3, st_atime=1796153291 /*"
                    + " 2026-12-01T19:28:11.656370229+0000 */, st_atime_nsec=656370229, st_mtime=1796153026 /*"
                    + " 2026-12-01T19:23:46.684541942+0000 */, st_mtime_nsec=684541942, st_ctime=1796153026 /*"
                    + " 2026-12-01T19:23:46.684541942+0000 */, st_ctime_nsec=684541942}, 0) = 0",
                    g.line(VERBOSE, arch, "newfstatat", args, 0), arch.name());
            assertEquals(call + "0x2000, 0) = -1 ENOENT (No such file or directory)",
                    g.line(arch, "newfstatat", args, -2));
        }
    }
}
