package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.dec;
import static dev.jstrace.decode.StructDecoders.f;
import static dev.jstrace.decode.StructDecoders.udec;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct rusage} of getrusage and wait4 as strace 6.1 prints it:
 * {@code {ru_utime={tv_sec=0, tv_usec=1234}, ru_stime={tv_sec=0, tv_usec=0}, ...}}, every
 * counter with {@code -v}.
 */
final class RusageDecoder extends StructDecoder {
    /** The counters after the two times, in C (and strace's) order; each a long on LP64. */
    private static final String[] COUNTERS = {"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt",
        "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw",
        "ru_nivcsw"};
    /** {@code struct rusage} (linux/resource.h; glibc's wraps each counter in a union of the same size). */
    static final StructLayout LAYOUT = layout();
    private static final Member UTIME_SEC = Member.of(LAYOUT, "ru_utime.tv_sec"),
            UTIME_USEC = Member.of(LAYOUT, "ru_utime.tv_usec"), STIME_SEC = Member.of(LAYOUT, "ru_stime.tv_sec"),
            STIME_USEC = Member.of(LAYOUT, "ru_stime.tv_usec");
    private static final Member[] COUNTER_MEMBERS = new Member[COUNTERS.length];

    static {
        for (int k = 0; k < COUNTERS.length; k++) COUNTER_MEMBERS[k] = Member.of(LAYOUT, COUNTERS[k]);
    }

    private static StructLayout layout() {
        List<MemoryLayout> ms = new ArrayList<>();
        ms.add(StructLayouts.TIMEVAL.withName("ru_utime"));
        ms.add(StructLayouts.TIMEVAL.withName("ru_stime"));
        for (String n : COUNTERS) ms.add(JAVA_LONG.withName(n));
        return structLayout(ms.toArray(new MemoryLayout[0])).withName("struct rusage");
    }

    RusageDecoder() {
        super("#include <sys/resource.h>\n", LAYOUT);
    }

    @Override
    Value decode(CallContext c, Snapshot mem, long addr, byte[] b) {
        List<Value.Field> fs = new ArrayList<>(16);
        fs.add(f("ru_utime", tv(UTIME_SEC.s(b), UTIME_USEC.s(b))));
        fs.add(f("ru_stime", tv(STIME_SEC.s(b), STIME_USEC.s(b))));
        if (c.opt.verbose()) {
            // strace's PRINT_FIELD_U: the longs print unsigned.
            for (int k = 0; k < COUNTERS.length; k++) fs.add(f(COUNTERS[k], udec(COUNTER_MEMBERS[k].u(b))));
        }
        return new Value.Struct(fs, !c.opt.verbose());
    }

    private static Value tv(long sec, long usec) {
        return new Value.Struct(List.of(f("tv_sec", dec(sec)), f("tv_usec", udec(usec))), false);
    }
}
