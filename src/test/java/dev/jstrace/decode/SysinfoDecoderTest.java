package dev.jstrace.decode;

import static dev.jstrace.decode.DecoderGolden.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link SysinfoDecoder}: the line strace 6.1 printed for python3 ctypes calling {@code sysinfo(buf)}. */
@Tag("unit")
class SysinfoDecoderTest {
    @Test
    void sysinfo() {
        var l = SysinfoDecoder.LAYOUT;
        var b = DecoderGolden.struct(l.byteSize());
        set(b, l, "uptime", 1549);
        var loads = StructLayouts.Member.of(l, "loads").offset();
        b.putLong(loads, 1539104).putLong(loads + 8, 1457408).putLong(loads + 16, 1001184);
        set(b, l, "totalram", 25276059648L);
        set(b, l, "freeram", 16415666176L);
        set(b, l, "sharedram", 9170944);
        set(b, l, "bufferram", 57139200);
        set(b, l, "procs", 487);
        set(b, l, "mem_unit", 1);
        var g = new DecoderGolden().put(0x2000, b.array());
        for (Arch arch : Arch.values()) {
            assertEquals("sysinfo({uptime=1549, loads=[1539104, 1457408, 1001184], totalram=25276059648,"
                    + " freeram=16415666176, sharedram=9170944, bufferram=57139200, totalswap=0, freeswap=0, procs=487,"
                    + " totalhigh=0, freehigh=0, mem_unit=1}) = 0", g.line(arch, "sysinfo", new long[] {0x2000}, 0));
        }
    }
}
