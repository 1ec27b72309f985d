package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
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
 * The real-time clock's struct requests (linux/rtc.h) as strace's rtc_ioctl (src/rtc.c)
 * prints them: struct rtc_time (its last three fields only under {@code -v}), the wake
 * alarm, the PLL info, the voltage-low flags and struct rtc_param. The requests without
 * a struct (RTC_AIE_ON, RTC_EPOCH_READ, ...) are {@link IoctlFamilies}' rules.
 */
final class RtcIoctls implements IoctlFamily {
    private static final long ALM_READ = IoctlRequests.code("RTC_ALM_READ"), RD_TIME = IoctlRequests.code("RTC_RD_TIME"),
            ALM_SET = IoctlRequests.code("RTC_ALM_SET"), SET_TIME = IoctlRequests.code("RTC_SET_TIME"),
            WKALM_RD = IoctlRequests.code("RTC_WKALM_RD"), WKALM_SET = IoctlRequests.code("RTC_WKALM_SET"),
            PLL_GET = IoctlRequests.code("RTC_PLL_GET"), PLL_SET = IoctlRequests.code("RTC_PLL_SET"),
            VL_READ = IoctlRequests.code("RTC_VL_READ"), PARAM_GET = IoctlRequests.code("RTC_PARAM_GET"),
            PARAM_SET = IoctlRequests.code("RTC_PARAM_SET");
    private static final List<Long> REQUESTS = List.of(ALM_READ, RD_TIME, ALM_SET, SET_TIME, WKALM_RD, WKALM_SET,
            PLL_GET, PLL_SET, VL_READ, PARAM_GET, PARAM_SET);

    static final ConstTable VL_FLAGS = ConstTable.flags("RTC_VL_???",
            "RTC_VL_DATA_INVALID RTC_VL_BACKUP_LOW RTC_VL_BACKUP_EMPTY RTC_VL_ACCURACY_LOW RTC_VL_BACKUP_SWITCH");
    static final ConstTable PARAMS = ConstTable.enumHex("RTC_PARAM_???",
            "RTC_PARAM_FEATURES RTC_PARAM_CORRECTION RTC_PARAM_BACKUP_SWITCH_MODE");
    static final ConstTable BACKUP_SWITCH_MODES = ConstTable.enumHex("RTC_BSM_???",
            "RTC_BSM_DISABLED RTC_BSM_DIRECT RTC_BSM_LEVEL RTC_BSM_STANDBY");
    /** strace's rtc_features: {@code 1<<RTC_FEATURE_ALARM} and so on, the bit numbers from the header. */
    static final ConstTable FEATURES = features();
    private static final long PARAM_FEATURES = HeaderValues.common("RTC_PARAM_FEATURES"),
            PARAM_CORRECTION = HeaderValues.common("RTC_PARAM_CORRECTION"),
            PARAM_BACKUP_SWITCH_MODE = HeaderValues.common("RTC_PARAM_BACKUP_SWITCH_MODE");
    /** struct rtc_time, rtc_wkalrm, rtc_pll_info, rtc_param. */
    /** linux/rtc.h's structs. */
    static final StructLayout RTC_TIME = structLayout(JAVA_INT.withName("tm_sec"), JAVA_INT.withName("tm_min"),
            JAVA_INT.withName("tm_hour"), JAVA_INT.withName("tm_mday"), JAVA_INT.withName("tm_mon"),
            JAVA_INT.withName("tm_year"), JAVA_INT.withName("tm_wday"), JAVA_INT.withName("tm_yday"),
            JAVA_INT.withName("tm_isdst")).withName("struct rtc_time");
    static final StructLayout RTC_WKALRM = structLayout(JAVA_BYTE.withName("enabled"), JAVA_BYTE.withName("pending"),
            paddingLayout(2), RTC_TIME.withName("time")).withName("struct rtc_wkalrm");
    static final StructLayout RTC_PLL_INFO = structLayout(JAVA_INT.withName("pll_ctrl"), JAVA_INT.withName("pll_value"),
            JAVA_INT.withName("pll_max"), JAVA_INT.withName("pll_min"), JAVA_INT.withName("pll_posmult"),
            JAVA_INT.withName("pll_negmult"), JAVA_LONG.withName("pll_clock")).withName("struct rtc_pll_info");
    static final StructLayout RTC_PARAM = structLayout(JAVA_LONG.withName("param"),
            unionLayout(JAVA_LONG.withName("uvalue"), JAVA_LONG.withName("svalue"), JAVA_LONG.withName("ptr")),
            JAVA_INT.withName("index"), JAVA_INT.withName("__pad")).withName("struct rtc_param");
    private static final int TIME = StructLayouts.size(RTC_TIME), WKALRM = StructLayouts.size(RTC_WKALRM),
            PLL = StructLayouts.size(RTC_PLL_INFO), PARAM = StructLayouts.size(RTC_PARAM);
    private static final Member ENABLED = Member.of(RTC_WKALRM, "enabled"), PENDING = Member.of(RTC_WKALRM, "pending"),
            WK_TIME = Member.of(RTC_WKALRM, "time");
    private static final Member P_PARAM = Member.of(RTC_PARAM, "param"), P_UVALUE = Member.of(RTC_PARAM, "uvalue"),
            P_SVALUE = Member.of(RTC_PARAM, "svalue"), P_INDEX = Member.of(RTC_PARAM, "index"),
            P_PAD = Member.of(RTC_PARAM, "__pad");
    /** RTC_VL_READ's unsigned int through the pointer. */
    private static final int VL = Integer.BYTES;

    private static ConstTable features() {
        StringBuilder decl = new StringBuilder();
        for (String n : List.of("RTC_FEATURE_ALARM", "RTC_FEATURE_ALARM_RES_MINUTE", "RTC_FEATURE_NEED_WEEK_DAY",
                "RTC_FEATURE_ALARM_RES_2S", "RTC_FEATURE_UPDATE_INTERRUPT", "RTC_FEATURE_CORRECTION",
                "RTC_FEATURE_BACKUP_SWITCH_MODE", "RTC_FEATURE_ALARM_WAKEUP_ONLY")) {
            decl.append("1<<").append(n).append("=0x").append(Long.toHexString(1L << HeaderValues.common(n))).append(' ');
        }
        return ConstTable.flags("1<<RTC_FEATURE_???", decl.toString());
    }

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        String h = "#include <linux/rtc.h>\n";
        return java.util.stream.Stream.of(RTC_TIME, RTC_WKALRM, RTC_PLL_INFO, RTC_PARAM)
                .map(l -> new CallStructLayouts.Declared(l, h)).toList();
    }

    @Override
    public boolean decodes(long req) {
        return REQUESTS.contains(req);
    }

    private static boolean getter(long req) {
        return req == ALM_READ || req == RD_TIME || req == WKALM_RD || req == PLL_GET || req == VL_READ;
    }

    private static int size(long req) {
        if (req == WKALM_RD || req == WKALM_SET) return WKALRM;
        if (req == PLL_GET || req == PLL_SET) return PLL;
        if (req == VL_READ) return VL;
        if (req == PARAM_GET || req == PARAM_SET) return PARAM;
        return TIME;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && !getter(req)) mem.bytes(arg, size(req));
    }

    @Override
    public void captureExit(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && (getter(req) || req == PARAM_GET)) mem.bytes(arg, size(req));
    }

    @Override
    public boolean printsAtExit(long req) {
        return getter(req);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        byte[] b = getter(req) ? c.succeeded() ? IoctlFields.struct(c.out, a, size(req)) : null
                : IoctlFields.struct(c.in, a, size(req));
        if (b == null) return IoctlFields.addr(a);
        if (req == ALM_READ || req == RD_TIME || req == ALM_SET || req == SET_TIME) return time(c, b, 0);
        if (req == WKALM_RD || req == WKALM_SET) {
            return IoctlFields.struct(List.of(IoctlFields.u("enabled", b, ENABLED), IoctlFields.u("pending", b, PENDING),
                    new Value.Field("time", time(c, b, WK_TIME.offset()))));
        }
        if (req == PLL_GET || req == PLL_SET) {
            String[] names = {"pll_ctrl", "pll_value", "pll_max", "pll_min", "pll_posmult", "pll_negmult"};
            List<Value.Field> fs = new ArrayList<>();
            for (String name : names) fs.add(IoctlFields.d(name, b, Member.of(RTC_PLL_INFO, name)));
            fs.add(IoctlFields.d("pll_clock", b, Member.of(RTC_PLL_INFO, "pll_clock")));
            return IoctlFields.struct(fs);
        }
        if (req == VL_READ) return new Value.Array(List.of(VL_FLAGS.sym(MemoryView.u32(b, 0))), false);
        // RTC_PARAM_SET: the whole struct at entry; RTC_PARAM_GET: its key at entry, " => " and the value.
        Value entry = param(b, true, req == PARAM_SET);
        // strace prints " => " at any exit of RTC_PARAM_GET, then the address after a failure.
        if (req == PARAM_SET || !c.returned) return entry;
        byte[] out = c.succeeded() ? IoctlFields.struct(c.out, a, PARAM) : null;
        return IoctlFields.changed(c, entry, out == null ? IoctlFields.addr(a) : param(out, false, true));
    }

    /** struct rtc_param as strace's decode_rtc_param prints it at entry or at exit. */
    private static Value param(byte[] b, boolean entering, boolean withValue) {
        List<Value.Field> fs = new ArrayList<>();
        long key = P_PARAM.u(b);
        if (entering) fs.add(new Value.Field("param", PARAMS.sym(key)));
        if (withValue) {
            if (key == PARAM_FEATURES) fs.add(IoctlFields.flags("uvalue", FEATURES, b, P_UVALUE));
            else if (key == PARAM_CORRECTION) fs.add(IoctlFields.d("svalue", b, P_SVALUE));
            else if (key == PARAM_BACKUP_SWITCH_MODE) fs.add(IoctlFields.flags("uvalue", BACKUP_SWITCH_MODES, b, P_UVALUE));
            else fs.add(IoctlFields.x("uvalue", b, P_UVALUE));
        }
        if (entering) fs.add(IoctlFields.u("index", b, P_INDEX));
        if (P_PAD.u(b) != 0) fs.add(IoctlFields.x("__pad", b, P_PAD));
        return IoctlFields.struct(fs);
    }

    /** struct rtc_time at {@code off}: tm_wday, tm_yday and tm_isdst only under {@code -v}. */
    private static Value time(CallContext c, byte[] b, int off) {
        String[] names = {"tm_sec", "tm_min", "tm_hour", "tm_mday", "tm_mon", "tm_year", "tm_wday", "tm_yday",
                "tm_isdst"};
        int shown = c.opt.verbose() ? 9 : 6;
        List<Value.Field> fs = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            fs.add(new Value.Field(names[i], new Value.Num(Member.of(RTC_TIME, names[i]).s(b, off), Value.Radix.DEC)));
        }
        return new Value.Struct(fs, !c.opt.verbose());
    }
}
