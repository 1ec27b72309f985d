package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.MemoryLayout.unionLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
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
    /** linux/ptp_clock.h's structs. */
    static final StructLayout CLOCK_TIME = structLayout(JAVA_LONG.withName("sec"), JAVA_INT.withName("nsec"),
            JAVA_INT.withName("reserved")).withName("struct ptp_clock_time");
    static final StructLayout CLOCK_CAPS = structLayout(JAVA_INT.withName("max_adj"), JAVA_INT.withName("n_alarm"),
            JAVA_INT.withName("n_ext_ts"), JAVA_INT.withName("n_per_out"), JAVA_INT.withName("pps"),
            JAVA_INT.withName("n_pins"), JAVA_INT.withName("cross_timestamping"), JAVA_INT.withName("adjust_phase"),
            sequenceLayout(12, JAVA_INT).withName("rsv")).withName("struct ptp_clock_caps");
    static final StructLayout EXTTS_REQUEST = structLayout(JAVA_INT.withName("index"), JAVA_INT.withName("flags"),
            sequenceLayout(2, JAVA_INT).withName("rsv")).withName("struct ptp_extts_request");
    static final StructLayout PEROUT_REQUEST = structLayout(
            unionLayout(CLOCK_TIME.withName("start"), CLOCK_TIME.withName("phase")), CLOCK_TIME.withName("period"),
            JAVA_INT.withName("index"), JAVA_INT.withName("flags"),
            unionLayout(CLOCK_TIME.withName("on"), sequenceLayout(4, JAVA_INT).withName("rsv")))
            .withName("struct ptp_perout_request");
    static final StructLayout SYS_OFFSET = structLayout(JAVA_INT.withName("n_samples"),
            sequenceLayout(3, JAVA_INT).withName("rsv"), sequenceLayout(2 * 25 + 1, CLOCK_TIME).withName("ts"))
            .withName("struct ptp_sys_offset");
    static final StructLayout SYS_OFFSET_EXTENDED = structLayout(JAVA_INT.withName("n_samples"),
            sequenceLayout(3, JAVA_INT).withName("rsv"), sequenceLayout(25, sequenceLayout(3, CLOCK_TIME)).withName("ts"))
            .withName("struct ptp_sys_offset_extended");
    static final StructLayout SYS_OFFSET_PRECISE = structLayout(CLOCK_TIME.withName("device"),
            CLOCK_TIME.withName("sys_realtime"), CLOCK_TIME.withName("sys_monoraw"),
            sequenceLayout(4, JAVA_INT).withName("rsv")).withName("struct ptp_sys_offset_precise");
    static final StructLayout PIN_DESC = structLayout(sequenceLayout(64, JAVA_BYTE).withName("name"),
            JAVA_INT.withName("index"), JAVA_INT.withName("func"), JAVA_INT.withName("chan"),
            sequenceLayout(5, JAVA_INT).withName("rsv")).withName("struct ptp_pin_desc");
    private static final Member T_SEC = Member.of(CLOCK_TIME, "sec"), T_NSEC = Member.of(CLOCK_TIME, "nsec"),
            T_RESERVED = Member.of(CLOCK_TIME, "reserved");
    private static final Member CAPS_RSV = Member.of(CLOCK_CAPS, "rsv");
    private static final Member EXTTS_INDEX = Member.of(EXTTS_REQUEST, "index"),
            EXTTS_FLAGS_AT = Member.of(EXTTS_REQUEST, "flags"), EXTTS_RSV = Member.of(EXTTS_REQUEST, "rsv");
    private static final Member PO_START = Member.of(PEROUT_REQUEST, "start"),
            PO_PERIOD = Member.of(PEROUT_REQUEST, "period"), PO_INDEX = Member.of(PEROUT_REQUEST, "index"),
            PO_FLAGS = Member.of(PEROUT_REQUEST, "flags"), PO_ON = Member.of(PEROUT_REQUEST, "on"),
            PO_RSV = Member.of(PEROUT_REQUEST, "rsv");
    private static final Member SO_N_SAMPLES = Member.of(SYS_OFFSET, "n_samples"), SO_RSV = Member.of(SYS_OFFSET, "rsv"),
            SO_TS = Member.of(SYS_OFFSET, "ts"), SOX_TS = Member.of(SYS_OFFSET_EXTENDED, "ts");
    private static final Member PR_DEVICE = Member.of(SYS_OFFSET_PRECISE, "device"),
            PR_SYS_REALTIME = Member.of(SYS_OFFSET_PRECISE, "sys_realtime"),
            PR_SYS_MONORAW = Member.of(SYS_OFFSET_PRECISE, "sys_monoraw"), PR_RSV = Member.of(SYS_OFFSET_PRECISE, "rsv");
    private static final Member PIN_NAME = Member.of(PIN_DESC, "name"), PIN_INDEX = Member.of(PIN_DESC, "index"),
            PIN_FUNC = Member.of(PIN_DESC, "func"), PIN_CHAN = Member.of(PIN_DESC, "chan"),
            PIN_RSV = Member.of(PIN_DESC, "rsv");
    /** struct ptp_clock_time's size; PTP_MAX_SAMPLES (sys_offset_extended's ts rows). */
    private static final int TIME = StructLayouts.size(CLOCK_TIME), MAX_SAMPLES = SOX_TS.size() / (3 * TIME);

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
    public List<CallStructLayouts.Declared> layouts() {
        String h = "#include <linux/ptp_clock.h>\n";
        return java.util.stream.Stream.of(CLOCK_TIME, CLOCK_CAPS, EXTTS_REQUEST, PEROUT_REQUEST, SYS_OFFSET,
                SYS_OFFSET_EXTENDED, SYS_OFFSET_PRECISE, PIN_DESC).map(l -> new CallStructLayouts.Declared(l, h)).toList();
    }

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
            List<Value.Field> fs = new ArrayList<>(List.of(IoctlFields.u("index", in, EXTTS_INDEX),
                    IoctlFields.flags("flags", EXTTS_FLAGS, in, EXTTS_FLAGS_AT)));
            if (req == EXTTS2) rsv(c, fs, in, EXTTS_RSV);
            return IoctlFields.struct(fs);
        }
        if (req == PEROUT || req == PEROUT2) return perout(c, req, in);
        if (req == SETFUNC || req == SETFUNC2) {
            List<Value.Field> fs = new ArrayList<>(List.of(IoctlFields.u("index", in, PIN_INDEX)));
            pin(c, fs, in, req == SETFUNC2);
            return IoctlFields.struct(fs);
        }
        // The split ones: the struct opened at entry, closed at exit.
        List<Value.Field> open = new ArrayList<>();
        if (req == GETFUNC || req == GETFUNC2) {
            open.add(IoctlFields.u("index", in, PIN_INDEX));
            if (req == GETFUNC2) rsv(c, open, in, PIN_RSV);
        } else {
            // ptp_sys_offset_extended begins as ptp_sys_offset does.
            open.add(IoctlFields.u("n_samples", in, SO_N_SAMPLES));
            rsv(c, open, in, SO_RSV);
        }
        String entry = openText(c, open);
        if (!c.returned) return new Value.Text(entry);
        if (c.error) return new Value.Text(entry + "}");
        byte[] out = IoctlFields.struct(c.out, a, size);
        List<Value.Field> more = new ArrayList<>();
        if (out == null) {
            more.add(new Value.Field(null, new Value.Text("???")));
        } else if (req == GETFUNC || req == GETFUNC2) {
            more.add(IoctlFields.cstring("name", out, PIN_NAME));
            pin(c, more, out, false);
        } else {
            long n = Math.min(SO_N_SAMPLES.u(out), MAX_SAMPLES);
            boolean extended = req == EXTENDED || req == EXTENDED2;
            Member ts = extended ? SOX_TS : SO_TS;
            more.add(new Value.Field("ts", IoctlFields.localArray(c, out, ts.offset(), extended ? n : 2 * n + 1,
                    extended ? MAX_SAMPLES : SO_TS.size() / TIME, extended ? 3 * TIME : TIME,
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
    private static void rsv(CallContext c, List<Value.Field> fs, byte[] b, Member rsv) {
        int off = rsv.offset(), count = rsv.size() / Integer.BYTES;
        if (IoctlFields.zero(b, off, rsv.size())) return;
        fs.add(new Value.Field("rsv", IoctlFields.localArray(c, b, off, count, count, Integer.BYTES,
                (bb, o) -> new Value.Num(MemoryView.u32(bb, o), Value.Radix.HEX))));
    }

    /** struct ptp_pin_desc's func, chan (and rsv for PTP_PIN_SETFUNC2). */
    private static void pin(CallContext c, List<Value.Field> fs, byte[] b, boolean withRsv) {
        fs.add(IoctlFields.flags("func", PIN_FUNCS, b, PIN_FUNC));
        fs.add(IoctlFields.u("chan", b, PIN_CHAN));
        if (withRsv) rsv(c, fs, b, PIN_RSV);
    }

    /** struct ptp_clock_time, with its date in a comment where it is a point in time. */
    private static Value time(CallContext c, byte[] b, int off, boolean date) {
        List<Value.Field> fs = new ArrayList<>(List.of(new Value.Field("sec", new Value.Num(T_SEC.s(b, off), Value.Radix.DEC)),
                new Value.Field("nsec", new Value.Num(T_NSEC.u(b, off), Value.Radix.UDEC))));
        long reserved = T_RESERVED.u(b, off);
        if (reserved != 0) fs.add(new Value.Field("reserved", new Value.Num(reserved, Value.Radix.HEX)));
        Value t = IoctlFields.struct(fs);
        if (!date || c.opt.xlat() == DecodeOptions.Xlat.RAW) return t;
        String d = StructDecoders.timeComment(T_SEC.u(b, off), T_NSEC.u(b, off));
        return d == null ? t : new Value.Commented(t, d);
    }

    private static Value caps(CallContext c, byte[] b) {
        String[] names = {"max_adj", "n_alarm", "n_ext_ts", "n_per_out", "pps", "n_pins", "cross_timestamping",
                "adjust_phase"};
        List<Value.Field> fs = new ArrayList<>();
        for (String name : names) fs.add(IoctlFields.d(name, b, Member.of(CLOCK_CAPS, name)));
        rsv(c, fs, b, CAPS_RSV);
        return IoctlFields.struct(fs);
    }

    private static Value precise(CallContext c, byte[] b) {
        List<Value.Field> fs = new ArrayList<>(List.of(new Value.Field("device", time(c, b, PR_DEVICE.offset(), true)),
                new Value.Field("sys_realtime", time(c, b, PR_SYS_REALTIME.offset(), true)),
                new Value.Field("sys_monoraw", time(c, b, PR_SYS_MONORAW.offset(), false))));
        rsv(c, fs, b, PR_RSV);
        return IoctlFields.struct(fs);
    }

    private static Value perout(CallContext c, long req, byte[] b) {
        long flags = PO_FLAGS.u(b);
        List<Value.Field> fs = new ArrayList<>();
        boolean phase = (flags & PEROUT_PHASE) != 0;
        // start and phase are one union member: the flags say which.
        fs.add(new Value.Field(phase ? "phase" : "start", time(c, b, PO_START.offset(), !phase)));
        fs.add(new Value.Field("period", time(c, b, PO_PERIOD.offset(), false)));
        fs.add(IoctlFields.u("index", b, PO_INDEX));
        fs.add(IoctlFields.flags("flags", PEROUT_FLAGS, b, PO_FLAGS));
        if ((flags & PEROUT_DUTY_CYCLE) != 0) fs.add(new Value.Field("on", time(c, b, PO_ON.offset(), false)));
        else if (req == PEROUT2) rsv(c, fs, b, PO_RSV);
        return IoctlFields.struct(fs);
    }
}
