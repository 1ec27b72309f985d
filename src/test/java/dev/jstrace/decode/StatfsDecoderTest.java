package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link StatfsDecoder}: the line strace 6.1 printed on this machine for
 * {@code python3 -c 'import os; os.statvfs("/proc")'}, captured and decoded through the catalog
 * (the -X variants are in {@link OptionVariantsGoldenTest}).
 */
@Tag("unit")
class StatfsDecoderTest {
    @Test
    void procStatfs() {
        var l = StatfsDecoder.LAYOUT;
        var b = DecoderGolden.struct(l.byteSize());
        b.putLong(StructLayouts.offset(l, "f_type"), 0x9fa0).putLong(StructLayouts.offset(l, "f_bsize"), 4096)
                .putInt(StructLayouts.offset(l, "f_fsid"), 0x15).putLong(StructLayouts.offset(l, "f_namelen"), 255)
                .putLong(StructLayouts.offset(l, "f_frsize"), 4096).putLong(StructLayouts.offset(l, "f_flags"), 0x1020);
        var g = new DecoderGolden().putString(0x1000, "/proc").put(0x2000, b.array());
        String expected = "statfs(\"/proc\", {f_type=PROC_SUPER_MAGIC, f_bsize=4096, f_blocks=0, f_bfree=0,"
                + " f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[0x15, 0]}, f_namelen=255, f_frsize=4096,"
                + " f_flags=ST_VALID|ST_RELATIME}) = 0";
        for (Arch arch : Arch.values()) {
            assertEquals(expected, g.line(arch, "statfs", new long[] {0x1000, 0x2000}, 0));
        }
        assertEquals("statfs(\"/proc\", 0x2000) = -1 EACCES (Permission denied)",
                g.line(Arch.X86_64, "statfs", new long[] {0x1000, 0x2000}, -13));
    }
}
