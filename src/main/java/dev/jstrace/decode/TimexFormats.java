package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * adjtimex and clock_adjtime as strace 6.1 prints them (src/print_timex.c, src/time.c): the struct
 * timex at exit (its address when the call failed), every member in order, the modes and status by
 * name; a successful result is decorated with the clock state ({@code 5 (TIME_ERROR)}).
 */
final class TimexFormats {
    static final ConstTable MODES = ConstTable.flags("ADJ_???", """
            ADJ_OFFSET_SS_READ ADJ_OFFSET_SINGLESHOT ADJ_OFFSET ADJ_FREQUENCY ADJ_MAXERROR ADJ_ESTERROR ADJ_STATUS
            ADJ_TIMECONST ADJ_TAI ADJ_SETOFFSET ADJ_MICRO ADJ_NANO ADJ_TICK""");
    static final ConstTable STATUS = ConstTable.flags("STA_???", """
            STA_PLL STA_PPSFREQ STA_PPSTIME STA_FLL STA_INS STA_DEL STA_UNSYNC STA_FREQHOLD STA_PPSSIGNAL
            STA_PPSJITTER STA_PPSWANDER STA_PPSERROR STA_CLOCKERR STA_NANO STA_MODE STA_CLK""");
    static final ConstTable STATES = ConstTable.enumDec("TIME_???",
            "TIME_OK TIME_INS TIME_DEL TIME_OOP TIME_WAIT TIME_ERROR");
    /** The members after {@code modes} that print as signed numbers, in order, up to {@code time}. */
    private static final String[] BEFORE_TIME = {"offset", "freq", "maxerror", "esterror", "status", "constant",
        "precision", "tolerance"};
    private static final String[] AFTER_TIME = {"tick", "ppsfreq", "jitter", "shift", "stabil", "jitcnt", "calcnt",
        "errcnt", "stbcnt", "tai"};
    /** {@code struct timex} (sys/timex.h) on a 64-bit arch, with its eleven reserved ints at the end. */
    static final StructLayout TIMEX = MemoryLayout.structLayout(JAVA_INT.withName("modes"), paddingLayout(4),
            JAVA_LONG.withName("offset"), JAVA_LONG.withName("freq"), JAVA_LONG.withName("maxerror"),
            JAVA_LONG.withName("esterror"), JAVA_INT.withName("status"), paddingLayout(4),
            JAVA_LONG.withName("constant"), JAVA_LONG.withName("precision"), JAVA_LONG.withName("tolerance"),
            MemoryLayout.structLayout(JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_usec")).withName("time"),
            JAVA_LONG.withName("tick"), JAVA_LONG.withName("ppsfreq"), JAVA_LONG.withName("jitter"),
            JAVA_INT.withName("shift"), paddingLayout(4), JAVA_LONG.withName("stabil"), JAVA_LONG.withName("jitcnt"),
            JAVA_LONG.withName("calcnt"), JAVA_LONG.withName("errcnt"), JAVA_LONG.withName("stbcnt"),
            JAVA_INT.withName("tai"), paddingLayout(44)).withName("struct timex");
    private static final int SIZE = (int) TIMEX.byteSize();
    private static final Member MODES_M = Member.of(TIMEX, "modes"), SEC = Member.of(TIMEX, "time.tv_sec"),
            USEC = Member.of(TIMEX, "time.tv_usec");

    /** The formats, by syscall name. */
    static final Map<String, CallFormat> FORMATS = Map.of("adjtimex", new Adjtimex(false),
            "clock_adjtime", new Adjtimex(true));

    private TimexFormats() {}

    /** adjtimex(buf) or clock_adjtime(clockid, buf). */
    static final class Adjtimex implements CallFormat {
        private final boolean clock;

        Adjtimex(boolean clock) {
            this.clock = clock;
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            long addr = args[clock ? 1 : 0];
            if (addr != 0) mem.bytes(addr, SIZE);
        }

        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = new ArrayList<>(2);
            if (clock) out.add(ArgDecoder.decode(ArgType.CLOCK_ID, 0, c));
            long addr = c.arg(clock ? 1 : 0);
            byte[] b = c.succeeded() ? MemoryView.struct(c.out, addr, SIZE) : null;
            out.add(addr == 0 ? new Value.Ptr(0) : b == null ? new Value.Ptr(addr) : timex(b));
            String state = c.succeeded() ? STATES.name(c.rval) : null;
            return new Decoded(out, clock ? 1 : 0, state == null ? null : c.rval + " (" + state + ")");
        }
    }

    private static Value timex(byte[] b) {
        List<Value.Field> fs = new ArrayList<>(21);
        fs.add(new Value.Field("modes", MODES.sym(MemoryView.u32(b, MODES_M.offset()))));
        for (String n : BEFORE_TIME) fs.add(member(b, n));
        fs.add(new Value.Field("time", new Value.Struct(List.of(
                new Value.Field("tv_sec", new Value.Num(MemoryView.u64(b, SEC.offset()), Value.Radix.DEC)),
                new Value.Field("tv_usec", new Value.Num(MemoryView.u64(b, USEC.offset()), Value.Radix.UDEC))),
                false)));
        for (String n : AFTER_TIME) fs.add(member(b, n));
        return new Value.Struct(fs, false);
    }

    private static Value.Field member(byte[] b, String name) {
        Member m = Member.of(TIMEX, name);
        if (name.equals("status")) return new Value.Field(name, STATUS.sym(MemoryView.u32(b, m.offset())));
        long v = m.size() == Integer.BYTES ? MemoryView.s32(b, m.offset()) : MemoryView.u64(b, m.offset());
        return new Value.Field(name, new Value.Num(v, Value.Radix.DEC));
    }
}
