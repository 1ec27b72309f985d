package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.dec;
import static dev.jstrace.decode.StructDecoders.f;
import static dev.jstrace.decode.StructDecoders.udec;

import dev.jstrace.proc.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The old time-setting calls' arguments, read at entry as strace 6.1 prints them: utimes' and
 * futimesat's two timevals ({@code print_timeval_utimes}: each with its date in microseconds) and
 * utime's struct utimbuf ({@code {actime=N /* date * /, modtime=N /* date * /}}).
 */
final class TimeArgs {
    private TimeArgs() {}

    /**
     * sizeof(struct timeval) ({@link StructLayouts#TIMEVAL}) and of
     * struct utimbuf ({@link CallStructLayouts#UTIMBUF}).
     */
    static final int TIMEVAL_SIZE = StructLayouts.size(StructLayouts.TIMEVAL),
            UTIMBUF_SIZE = StructLayouts.size(CallStructLayouts.UTIMBUF);

    /** {@code [{tv_sec=S, tv_usec=U} /* date * /, {...}]}: NULL, or the address when unreadable. */
    static Value timevalPair(Snapshot mem, long a) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(mem, a, 2 * TIMEVAL_SIZE);
        if (b == null) return new Value.Unreadable(a);
        List<Value> ts = new ArrayList<>(2);
        for (int k = 0; k < 2; k++) {
            long sec = MemoryView.u64(b, TIMEVAL_SIZE * k + StructLayouts.TV_SEC);
            long usec = MemoryView.u64(b, TIMEVAL_SIZE * k + StructLayouts.TV_USEC);
            Value t = new Value.Struct(List.of(f("tv_sec", dec(sec)), f("tv_usec", udec(usec))), false);
            String date = usecComment(sec, usec);
            ts.add(date == null ? t : new Value.Commented(t, date));
        }
        return new Value.Array(ts, false);
    }

    /** utime's {@code {actime=N /* date * /, modtime=N /* date * /}}. */
    static Value utimbuf(Snapshot mem, long a) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(mem, a, UTIMBUF_SIZE);
        if (b == null) return new Value.Unreadable(a);
        return new Value.Struct(List.of(f("actime", StructDecoders.time(CallStructLayouts.UT_ACTIME.s(b), 0)),
                f("modtime", StructDecoders.time(CallStructLayouts.UT_MODTIME.s(b), 0))), false);
    }

    /**
     * strace's sprinttime_usec: the date with six digits of microseconds (none for a whole
     * second), or null for the epoch itself, a fraction of a second or more, or a year past gmtime.
     */
    static String usecComment(long sec, long usec) {
        if ((sec == 0 && usec == 0) || Long.compareUnsigned(usec, 999_999) > 0) return null;
        // timeComment's range check (past gmtime's year strace prints no date); it has none for 0 itself.
        if (sec != 0 && StructDecoders.timeComment(sec, 0) == null) return null;
        String whole = StructDecoders.dateText(sec, 0);
        if (usec == 0) return whole;
        int zone = whole.length() - 5; // "+0000"
        return whole.substring(0, zone) + "." + String.format("%06d", usec) + whole.substring(zone);
    }
}
