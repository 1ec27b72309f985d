package dev.jstrace.decode;

import static dev.jstrace.decode.DecoderGolden.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link RusageDecoder}: the lines strace 6.1 printed for python3's {@code resource.getrusage(RUSAGE_SELF)}. */
@Tag("unit")
class RusageDecoderTest {
    @Test
    void getrusage() {
        var l = RusageDecoder.LAYOUT;
        var b = DecoderGolden.struct(l.byteSize());
        set(b, l, "ru_utime.tv_usec", 39307);
        set(b, l, "ru_stime.tv_usec", 3275);
        set(b, l, "ru_maxrss", 13488);
        set(b, l, "ru_minflt", 2850);
        set(b, l, "ru_nvcsw", 4854);
        set(b, l, "ru_nivcsw", 1);
        var g = new DecoderGolden().put(0x2000, b.array());
        for (Arch arch : Arch.values()) {
            assertEquals("getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=39307}, ru_stime={tv_sec=0,"
                    + " tv_usec=3275}, ...}) = 0", g.line(arch, "getrusage", new long[] {0, 0x2000}, 0));
        }
        var verbose = new DecodeOptions(32, true, 0, DecodeOptions.Xlat.ABBREV, 0, Set.of());
        assertEquals("getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=39307}, ru_stime={tv_sec=0, tv_usec=3275},"
                + " ru_maxrss=13488, ru_ixrss=0, ru_idrss=0, ru_isrss=0, ru_minflt=2850, ru_majflt=0, ru_nswap=0,"
                + " ru_inblock=0, ru_oublock=0, ru_msgsnd=0, ru_msgrcv=0, ru_nsignals=0, ru_nvcsw=4854,"
                + " ru_nivcsw=1}) = 0", g.line(verbose, Arch.X86_64, "getrusage", new long[] {0, 0x2000}, 0));
    }
}
