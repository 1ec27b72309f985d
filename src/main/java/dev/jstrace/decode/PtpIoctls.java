package dev.jstrace.decode;

import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * The PTP clock requests (linux/ptp_clock.h) as strace's ptp_ioctl (src/ptp.c) prints
 * them. Some of its structs are opened at entry and closed at exit without a
 * {@code =>}: PTP_SYS_OFFSET prints {@code {n_samples=N} at entry and
 * {@code , ts=[...]}} after success (a bare {@code }} after a failure); the entry
 * decode returns that open text, and the exit's text starts with it, so the sink
 * completes a live-printed entry.
 */
final class PtpIoctls implements IoctlFamily {
    private static long code(String name) {
        return IoctlRequests.code(name);
    }

    private static final long GETCAPS = code("PTP_CLOCK_GETCAPS"), GETCAPS2 = code("PTP_CLOCK_GETCAPS2"),
            EXTTS = code("PTP_EXTTS_REQUEST"), EXTTS2 = code("PTP_EXTTS_REQUEST2"),
            PEROUT = code("PTP_PEROUT_REQUEST"), PEROUT2 = code("PTP_PEROUT_REQUEST2"),
            PPS = code("PTP_ENABLE_PPS"), PPS2 = code("PTP_ENABLE_PPS2"),
            SYSOFF = code("PTP_SYS_OFFSET"), SYSOFF2 = code("PTP_SYS_OFFSET2"),
            GETFUNC = code("PTP_PIN_GETFUNC"), GETFUNC2 = code("PTP_PIN_GETFUNC2"),
            SETFUNC = code("PTP_PIN_SETFUNC"), SETFUNC2 = code("PTP_PIN_SETFUNC2"),
            PRECISE = code("PTP_SYS_OFFSET_PRECISE"), PRECISE2 = code("PTP_SYS_OFFSET_PRECISE2"),
            EXTENDED = code("PTP_SYS_OFFSET_EXTENDED"), EXTENDED2 = code("PTP_SYS_OFFSET_EXTENDED2");
    private static final List<Long> REQUESTS = List.of(GETCAPS, GETCAPS2, EXTTS, EXTTS2, PEROUT, PEROUT2, PPS, PPS2,
            SYSOFF, SYSOFF2, GETFUNC, GETFUNC2, SETFUNC, SETFUNC2, PRECISE, PRECISE2, EXTENDED, EXTENDED2);
    /** PTP_MAX_SAMPLES; struct ptp_clock_time. */
    private static final int MAX_SAMPLES = 25, TIME = 16;

    static final ConstTable EXTTS_FLAGS = ConstTable.flags("PTP_???",
            "PTP_ENABLE_FEATURE PTP_RISING_EDGE PTP_FALLING_EDGE PTP_STRICT_FLAGS");
    static final ConstTable PEROUT_FLAGS = ConstTable.flags("PTP_PEROUT_???",
            "PTP_PEROUT_ONE_SHOT PTP_PEROUT_DUTY_CYCLE PTP_PEROUT_PHASE");
    /** enum ptp_pin_function (its values from the compiler: a COMPILED group). */
    static final ConstTable PIN_FUNCS = ConstTable.enumHex("PTP_PF_???",
            "PTP_PF_NONE PTP_PF_EXTTS PTP_PF_PEROUT PTP_PF_PHYSYNC");
    private static final long PEROUT_PHASE = HeaderValues.common("PTP_PEROUT_PHASE"),
            PEROUT_DUTY_CYCLE = HeaderValues.common("PTP_PEROUT_DUTY_CYCLE");

    @Override
    public boolean decodes(long req) {
        return REQUESTS.contains(req);
    }

    private static boolean exitOnly(long req) {
        return req == GETCAPS || req == GETCAPS2 || req == PRECISE || req == PRECISE2;
    }

    /** The requests whose struct is opened at entry and closed at exit. */
    private static boolean split(long req) {
        return req == SYSOFF || req == SYSOFF2 || req == EXTENDED || req == EXTENDED2 || req == GETFUNC
                || req == GETFUNC2;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && !exitOnly(req) && req != PPS && req != PPS2) mem.bytes(arg, IoctlRequests.size(req));
    }

    @Override
    public void captureExit(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && (exitOnly(req) || split(req))) mem.bytes(arg, IoctlRequests.size(req));
    }

    @Override
    public boolean printsAtExit(long req) {
        return exitOnly(req);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        if (req == PPS || req == PPS2) return new Value.Num(a, Value.Radix.HEX);
        int size = IoctlRequests.size(req);
        if (exitOnly(req)) {
            byte[] b = c.succeeded() ? IoctlFields.struct(c.out, a, size) : null;
            if (b == null) return IoctlFields.addr(a);
            return req == GETCAPS || req == GETCAPS2 ? caps(c, b) : precise(c, b);
        }
        byte[] in = IoctlFields.struct(c.in, a, size);
        if (in == null) return IoctlFields.addr(a);
        if (req == EXTTS || req == EXTTS2) {
            List<Value.Field> fs = new ArrayList<>(List.of(IoctlFields.u32("index", in, 0),
                    IoctlFields.flags32("flags", EXTTS_FLAGS, in, 4)));
            if (req == EXTTS2) rsv(c, fs, in, 8, 2);
            return IoctlFields.struct(fs);
        }
        if (req == PEROUT || req == PEROUT2) return perout(c, req, in);
        if (req == SETFUNC || req == SETFUNC2) {
            List<Value.Field> fs = new ArrayList<>(List.of(IoctlFields.u32("index", in, 64)));
            pin(c, fs, in, req == SETFUNC2);
            return IoctlFields.struct(fs);
        }
        // The split ones: the struct opened at entry, closed at exit.
        List<Value.Field> open = new ArrayList<>();
        if (req == GETFUNC || req == GETFUNC2) {
            open.add(IoctlFields.u32("index", in, 64));
            if (req == GETFUNC2) rsv(c, open, in, 76, 5);
        } else {
            open.add(IoctlFields.u32("n_samples", in, 0));
            rsv(c, open, in, 4, 3);
        }
        String entry = openText(c, open);
        if (!c.returned) return new Value.Text(entry);
        if (c.error) return new Value.Text(entry + "}");
        byte[] out = IoctlFields.struct(c.out, a, size);
        List<Value.Field> more = new ArrayList<>();
        if (out == null) {
            more.add(new Value.Field(null, new Value.Text("???")));
        } else if (req == GETFUNC || req == GETFUNC2) {
            more.add(IoctlFields.cstring("name", out, 0, 64));
            pin(c, more, out, false);
        } else {
            long n = Math.min(MemoryView.u32(out, 0), MAX_SAMPLES);
            boolean extended = req == EXTENDED || req == EXTENDED2;
            more.add(new Value.Field("ts", IoctlFields.localArray(c, out, 16, extended ? n : 2 * n + 1,
                    extended ? MAX_SAMPLES : 2 * MAX_SAMPLES + 1, extended ? 3 * TIME : TIME,
                    (b, off) -> extended ? new Value.Array(List.of(time(c, b, off, true), time(c, b, off + TIME, true),
                            time(c, b, off + 2 * TIME, true)), false) : time(c, b, off, true))));
        }
        String tail = c.text(new Value.Struct(more, false));
        return new Value.Text(entry + ", " + tail.substring(1));
    }

    /** A struct's text without its closing brace: the part strace prints at entry. */
    private static String openText(CallContext c, List<Value.Field> fs) {
        String t = c.text(IoctlFields.struct(fs));
        return t.substring(0, t.length() - 1);
    }

    /** strace's PRINT_RSV: the reserved words in hex, only when one is set. */
    private static void rsv(CallContext c, List<Value.Field> fs, byte[] b, int off, int count) {
        if (IoctlFields.zero(b, off, 4 * count)) return;
        fs.add(new Value.Field("rsv", IoctlFields.localArray(c, b, off, count, count, 4,
                (bb, o) -> new Value.Num(MemoryView.u32(bb, o), Value.Radix.HEX))));
    }

    /** struct ptp_pin_desc's func, chan (and rsv for PTP_PIN_SETFUNC2). */
    private static void pin(CallContext c, List<Value.Field> fs, byte[] b, boolean withRsv) {
        fs.add(IoctlFields.flags32("func", PIN_FUNCS, b, 68));
        fs.add(IoctlFields.u32("chan", b, 72));
        if (withRsv) rsv(c, fs, b, 76, 5);
    }

    /** struct ptp_clock_time, with its date in a comment where it is a point in time. */
    private static Value time(CallContext c, byte[] b, int off, boolean date) {
        List<Value.Field> fs = new ArrayList<>(List.of(IoctlFields.s64("sec", b, off), IoctlFields.u32("nsec", b, off + 8)));
        if (MemoryView.u32(b, off + 12) != 0) fs.add(IoctlFields.x32("reserved", b, off + 12));
        Value t = IoctlFields.struct(fs);
        if (!date || c.opt.xlat() == DecodeOptions.Xlat.RAW) return t;
        String d = StructDecoders.timeComment(MemoryView.u64(b, off), MemoryView.u32(b, off + 8));
        return d == null ? t : new Value.Commented(t, d);
    }

    private static Value caps(CallContext c, byte[] b) {
        String[] names = {"max_adj", "n_alarm", "n_ext_ts", "n_per_out", "pps", "n_pins", "cross_timestamping",
                "adjust_phase"};
        List<Value.Field> fs = new ArrayList<>();
        for (int i = 0; i < names.length; i++) fs.add(IoctlFields.s32(names[i], b, 4 * i));
        rsv(c, fs, b, 32, 12);
        return IoctlFields.struct(fs);
    }

    private static Value precise(CallContext c, byte[] b) {
        List<Value.Field> fs = new ArrayList<>(List.of(new Value.Field("device", time(c, b, 0, true)),
                new Value.Field("sys_realtime", time(c, b, TIME, true)),
                new Value.Field("sys_monoraw", time(c, b, 2 * TIME, false))));
        rsv(c, fs, b, 3 * TIME, 4);
        return IoctlFields.struct(fs);
    }

    private static Value perout(CallContext c, long req, byte[] b) {
        long flags = MemoryView.u32(b, 36);
        List<Value.Field> fs = new ArrayList<>();
        boolean phase = (flags & PEROUT_PHASE) != 0;
        fs.add(new Value.Field(phase ? "phase" : "start", time(c, b, 0, !phase)));
        fs.add(new Value.Field("period", time(c, b, TIME, false)));
        fs.add(IoctlFields.u32("index", b, 32));
        fs.add(IoctlFields.flags32("flags", PEROUT_FLAGS, b, 36));
        if ((flags & PEROUT_DUTY_CYCLE) != 0) fs.add(new Value.Field("on", time(c, b, 40, false)));
        else if (req == PEROUT2) rsv(c, fs, b, 40, 4);
        return IoctlFields.struct(fs);
    }
}
