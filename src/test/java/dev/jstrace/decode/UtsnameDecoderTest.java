package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link UtsnameDecoder}: the lines strace 6.1 printed for python3's {@code os.uname()} on this machine. */
@Tag("unit")
class UtsnameDecoderTest {
    @Test
    void uname() {
        var l = UtsnameDecoder.LAYOUT;
        var b = DecoderGolden.struct(l.byteSize());
        String[][] fields = {{"sysname", "Linux"}, {"nodename", "vm"}, {"release", "6.18.44-fc-v857"},
            {"version", "#1 SMP PREEMPT_DYNAMIC @0"}, {"machine", "x86_64"}, {"domainname", "(none)"}};
        for (String[] f : fields) b.put(StructLayouts.offset(l, f[0]), f[1].getBytes(StandardCharsets.US_ASCII));
        var g = new DecoderGolden().put(0x2000, b.array());
        for (Arch arch : Arch.values()) {
            assertEquals("uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0",
                    g.line(arch, "uname", new long[] {0x2000}, 0));
        }
        var verbose = new DecodeOptions(32, true, 0, DecodeOptions.Xlat.ABBREV, 0, Set.of());
        assertEquals("uname({sysname=\"Linux\", nodename=\"vm\", release=\"6.18.44-fc-v857\", version=\"#1 SMP"
                + " PREEMPT_DYNAMIC @0\", machine=\"x86_64\", domainname=\"(none)\"}) = 0",
                g.line(verbose, Arch.X86_64, "uname", new long[] {0x2000}, 0));
    }
}
