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
 * {@code struct sysinfo} as strace 6.1 prints it: {@code {uptime=1234, loads=[1, 2, 3],
 * totalram=..., procs=300, totalhigh=0, freehigh=0, mem_unit=1}}.
 */
final class SysinfoDecoder extends StructDecoder {
    /** linux/sysinfo.h on LP64 (its {@code _f} padding is empty there). */
    static final StructLayout LAYOUT = structLayout(JAVA_LONG.withName("uptime"),
            sequenceLayout(3, JAVA_LONG).withName("loads"), JAVA_LONG.withName("totalram"),
            JAVA_LONG.withName("freeram"), JAVA_LONG.withName("sharedram"), JAVA_LONG.withName("bufferram"),
            JAVA_LONG.withName("totalswap"), JAVA_LONG.withName("freeswap"), JAVA_SHORT.withName("procs"),
            JAVA_SHORT.withName("pad"), paddingLayout(4), JAVA_LONG.withName("totalhigh"),
            JAVA_LONG.withName("freehigh"), JAVA_INT.withName("mem_unit"), paddingLayout(4))
            .withName("struct sysinfo");
    private static final String[] RAM = {"totalram", "freeram", "sharedram", "bufferram", "totalswap", "freeswap"};
    private static final Member UPTIME = Member.of(LAYOUT, "uptime"), LOADS = Member.of(LAYOUT, "loads"),
            PROCS = Member.of(LAYOUT, "procs"), TOTALHIGH = Member.of(LAYOUT, "totalhigh"),
            FREEHIGH = Member.of(LAYOUT, "freehigh"), MEM_UNIT = Member.of(LAYOUT, "mem_unit");
    private static final Member[] RAM_MEMBERS = new Member[RAM.length];
    private static final int LOAD_SIZE = (int) JAVA_LONG.byteSize();

    static {
        for (int k = 0; k < RAM.length; k++) RAM_MEMBERS[k] = Member.of(LAYOUT, RAM[k]);
    }

    SysinfoDecoder() {
        super("#include <sys/sysinfo.h>\n", LAYOUT);
    }

    @Override
    Value decode(CallContext c, Snapshot mem, long addr, byte[] b) {
        List<Value.Field> fs = new ArrayList<>(13);
        fs.add(f("uptime", dec(UPTIME.s(b))));
        List<Value> loads = new ArrayList<>(3);
        for (int k = 0; k < 3; k++) loads.add(udec(MemoryView.u64(b, LOADS.offset() + LOAD_SIZE * k)));
        fs.add(f("loads", new Value.Array(loads, false)));
        for (int k = 0; k < RAM.length; k++) fs.add(f(RAM[k], udec(RAM_MEMBERS[k].u(b))));
        fs.add(f("procs", udec(PROCS.u(b))));
        fs.add(f("totalhigh", udec(TOTALHIGH.u(b))));
        fs.add(f("freehigh", udec(FREEHIGH.u(b))));
        fs.add(f("mem_unit", udec(MEM_UNIT.u(b))));
        return new Value.Struct(fs, false);
    }
}
