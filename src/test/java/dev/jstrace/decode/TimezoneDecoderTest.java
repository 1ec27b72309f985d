package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link TimezoneDecoder}: the lines strace 6.1 printed on this machine for
 * {@code syscall(SYS_gettimeofday, &tv, &tz)} and {@code settimeofday(NULL, &tz)} (python3 ctypes).
 */
@Tag("unit")
class TimezoneDecoderTest {
    @Test
    void gettimeofdayFillsTheTimezone() {
        var tv = DecoderGolden.struct(16).putLong(1796153502L).putLong(833441);
        var tz = DecoderGolden.struct(TimezoneDecoder.LAYOUT.byteSize()).putInt(0).putInt(0);
        var g = new DecoderGolden().put(0x1000, tv.array()).put(0x2000, tz.array());
        for (Arch arch : Arch.values()) {
            assertEquals("gettimeofday({tv_sec=1796153502, tv_usec=833441}, {tz_minuteswest=0, tz_dsttime=0}) = 0",
                    g.line(arch, "gettimeofday", new long[] {0x1000, 0x2000}, 0));
            assertEquals("gettimeofday({tv_sec=1796153502, tv_usec=833441}, NULL) = 0",
                    g.line(arch, "gettimeofday", new long[] {0x1000, 0}, 0));
            assertEquals("gettimeofday(0x1000, 0x10) = -1 EFAULT (Bad address)",
                    g.line(arch, "gettimeofday", new long[] {0x1000, 0x10}, -14));
        }
    }

    @Test
    void settimeofdayReadsItAtEntry() {
        var tz = DecoderGolden.struct(TimezoneDecoder.LAYOUT.byteSize()).putInt(-60).putInt(1);
        var g = new DecoderGolden().put(0x2000, tz.array());
        assertEquals("settimeofday(NULL, {tz_minuteswest=-60, tz_dsttime=1}) = 0",
                g.line(Arch.X86_64, "settimeofday", new long[] {0, 0x2000}, 0));
        // A struct the tracee did not map prints as its address.
        assertEquals("settimeofday(NULL, 0x10) = -1 EFAULT (Bad address)",
                g.line(Arch.X86_64, "settimeofday", new long[] {0, 0x10}, -14));
    }
}
