package dev.jstrace.decode;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.jstrace.proc.Snapshot;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.List;

/**
 * {@code struct timezone} of gettimeofday and settimeofday, as strace 6.1 prints it:
 * {@code {tz_minuteswest=0, tz_dsttime=0}}.
 */
final class TimezoneDecoder extends StructDecoder {
    /** {@code struct timezone} (sys/time.h): two ints. */
    static final StructLayout LAYOUT = MemoryLayout.structLayout(JAVA_INT.withName("tz_minuteswest"),
            JAVA_INT.withName("tz_dsttime")).withName("struct timezone");
    private static final int MINUTESWEST = StructLayouts.offset(LAYOUT, "tz_minuteswest"),
            DSTTIME = StructLayouts.offset(LAYOUT, "tz_dsttime");

    TimezoneDecoder() {
        super("#include <sys/time.h>\n", LAYOUT);
    }

    @Override
    Value decode(CallContext c, Snapshot mem, long addr, byte[] b) {
        return new Value.Struct(List.of(
                new Value.Field("tz_minuteswest", new Value.Num(MemoryView.s32(b, MINUTESWEST), Value.Radix.DEC)),
                new Value.Field("tz_dsttime", new Value.Num(MemoryView.s32(b, DSTTIME), Value.Radix.DEC))), false);
    }
}
