package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.MemoryLayout.unionLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The GPIO character device's requests (linux/gpio.h) as strace's gpio_ioctl
 * (src/gpio_ioctl.c) prints them: the v1 chip, line, handle and event structs and the
 * v2 line info, request, config and values. Each struct is read whole at the size
 * the request number encodes; a getter's struct prints after success, an updated one
 * as {@code entry => exit}.
 */
final class GpioIoctls implements IoctlFamily {
    private static final long CHIPINFO = IoctlRequests.code("GPIO_GET_CHIPINFO_IOCTL"),
            LINEINFO = IoctlRequests.code("GPIO_GET_LINEINFO_IOCTL"),
            LINEINFO_WATCH = IoctlRequests.code("GPIO_GET_LINEINFO_WATCH_IOCTL"),
            LINEINFO_UNWATCH = IoctlRequests.code("GPIO_GET_LINEINFO_UNWATCH_IOCTL"),
            LINEHANDLE = IoctlRequests.code("GPIO_GET_LINEHANDLE_IOCTL"),
            LINEEVENT = IoctlRequests.code("GPIO_GET_LINEEVENT_IOCTL"),
            GET_VALUES = IoctlRequests.code("GPIOHANDLE_GET_LINE_VALUES_IOCTL"),
            SET_VALUES = IoctlRequests.code("GPIOHANDLE_SET_LINE_VALUES_IOCTL"),
            SET_CONFIG = IoctlRequests.code("GPIOHANDLE_SET_CONFIG_IOCTL"),
            V2_LINEINFO = IoctlRequests.code("GPIO_V2_GET_LINEINFO_IOCTL"),
            V2_LINEINFO_WATCH = IoctlRequests.code("GPIO_V2_GET_LINEINFO_WATCH_IOCTL"),
            V2_GET_LINE = IoctlRequests.code("GPIO_V2_GET_LINE_IOCTL"),
            V2_SET_CONFIG = IoctlRequests.code("GPIO_V2_LINE_SET_CONFIG_IOCTL"),
            V2_GET_VALUES = IoctlRequests.code("GPIO_V2_LINE_GET_VALUES_IOCTL"),
            V2_SET_VALUES = IoctlRequests.code("GPIO_V2_LINE_SET_VALUES_IOCTL");
    private static final List<Long> REQUESTS = List.of(CHIPINFO, LINEINFO, LINEINFO_WATCH, LINEINFO_UNWATCH,
            LINEHANDLE, LINEEVENT, GET_VALUES, SET_VALUES, SET_CONFIG, V2_LINEINFO, V2_LINEINFO_WATCH, V2_GET_LINE,
            V2_SET_CONFIG, V2_GET_VALUES, V2_SET_VALUES);
    /** linux/gpio.h's structs: names GPIO_MAX_NAME_SIZE long, GPIOHANDLES_MAX (= GPIO_V2_LINES_MAX) lines. */
    static final StructLayout CHIP_INFO = structLayout(sequenceLayout(32, JAVA_BYTE).withName("name"),
            sequenceLayout(32, JAVA_BYTE).withName("label"), JAVA_INT.withName("lines")).withName("struct gpiochip_info");
    static final StructLayout LINE_INFO = structLayout(JAVA_INT.withName("line_offset"), JAVA_INT.withName("flags"),
            sequenceLayout(32, JAVA_BYTE).withName("name"), sequenceLayout(32, JAVA_BYTE).withName("consumer"))
            .withName("struct gpioline_info");
    static final StructLayout HANDLE_REQUEST = structLayout(sequenceLayout(64, JAVA_INT).withName("lineoffsets"),
            JAVA_INT.withName("flags"), sequenceLayout(64, JAVA_BYTE).withName("default_values"),
            sequenceLayout(32, JAVA_BYTE).withName("consumer_label"), JAVA_INT.withName("lines"), JAVA_INT.withName("fd"))
            .withName("struct gpiohandle_request");
    static final StructLayout HANDLE_CONFIG = structLayout(JAVA_INT.withName("flags"),
            sequenceLayout(64, JAVA_BYTE).withName("default_values"), sequenceLayout(4, JAVA_INT).withName("padding"))
            .withName("struct gpiohandle_config");
    static final StructLayout HANDLE_DATA = structLayout(sequenceLayout(64, JAVA_BYTE).withName("values"))
            .withName("struct gpiohandle_data");
    static final StructLayout EVENT_REQUEST = structLayout(JAVA_INT.withName("lineoffset"),
            JAVA_INT.withName("handleflags"), JAVA_INT.withName("eventflags"),
            sequenceLayout(32, JAVA_BYTE).withName("consumer_label"), JAVA_INT.withName("fd"))
            .withName("struct gpioevent_request");
    static final StructLayout V2_LINE_ATTRIBUTE = structLayout(JAVA_INT.withName("id"), JAVA_INT.withName("padding"),
            unionLayout(JAVA_LONG.withName("flags"), JAVA_LONG.withName("values"),
                    JAVA_INT.withName("debounce_period_us"))).withName("struct gpio_v2_line_attribute");
    static final StructLayout V2_LINE_CONFIG_ATTRIBUTE = structLayout(V2_LINE_ATTRIBUTE.withName("attr"),
            JAVA_LONG.withName("mask")).withName("struct gpio_v2_line_config_attribute");
    static final StructLayout V2_LINE_CONFIG = structLayout(JAVA_LONG.withName("flags"), JAVA_INT.withName("num_attrs"),
            sequenceLayout(5, JAVA_INT).withName("padding"),
            sequenceLayout(10, V2_LINE_CONFIG_ATTRIBUTE.withoutName()).withName("attrs"))
            .withName("struct gpio_v2_line_config");
    static final StructLayout V2_LINE_REQUEST = structLayout(sequenceLayout(64, JAVA_INT).withName("offsets"),
            sequenceLayout(32, JAVA_BYTE).withName("consumer"), V2_LINE_CONFIG.withName("config"),
            JAVA_INT.withName("num_lines"), JAVA_INT.withName("event_buffer_size"),
            sequenceLayout(5, JAVA_INT).withName("padding"), JAVA_INT.withName("fd"))
            .withName("struct gpio_v2_line_request");
    static final StructLayout V2_LINE_INFO = structLayout(sequenceLayout(32, JAVA_BYTE).withName("name"),
            sequenceLayout(32, JAVA_BYTE).withName("consumer"), JAVA_INT.withName("offset"),
            JAVA_INT.withName("num_attrs"), JAVA_LONG.withName("flags"),
            sequenceLayout(10, V2_LINE_ATTRIBUTE.withoutName()).withName("attrs"),
            sequenceLayout(4, JAVA_INT).withName("padding")).withName("struct gpio_v2_line_info");
    static final StructLayout V2_LINE_VALUES = structLayout(JAVA_LONG.withName("bits"), JAVA_LONG.withName("mask"))
            .withName("struct gpio_v2_line_values");
    private static final Member CHIP_NAME = Member.of(CHIP_INFO, "name"), CHIP_LABEL = Member.of(CHIP_INFO, "label"),
            CHIP_LINES = Member.of(CHIP_INFO, "lines");
    private static final Member LI_LINE_OFFSET = Member.of(LINE_INFO, "line_offset"),
            LI_FLAGS = Member.of(LINE_INFO, "flags"), LI_NAME = Member.of(LINE_INFO, "name"),
            LI_CONSUMER = Member.of(LINE_INFO, "consumer");
    private static final Member HR_LINEOFFSETS = Member.of(HANDLE_REQUEST, "lineoffsets"),
            HR_FLAGS = Member.of(HANDLE_REQUEST, "flags"), HR_DEFAULTS = Member.of(HANDLE_REQUEST, "default_values"),
            HR_LABEL = Member.of(HANDLE_REQUEST, "consumer_label"), HR_LINES = Member.of(HANDLE_REQUEST, "lines"),
            HR_FD = Member.of(HANDLE_REQUEST, "fd");
    private static final Member HC_FLAGS = Member.of(HANDLE_CONFIG, "flags"),
            HC_DEFAULTS = Member.of(HANDLE_CONFIG, "default_values"), HD_VALUES = Member.of(HANDLE_DATA, "values");
    private static final Member ER_LINEOFFSET = Member.of(EVENT_REQUEST, "lineoffset"),
            ER_HANDLEFLAGS = Member.of(EVENT_REQUEST, "handleflags"),
            ER_EVENTFLAGS = Member.of(EVENT_REQUEST, "eventflags"),
            ER_LABEL = Member.of(EVENT_REQUEST, "consumer_label"), ER_FD = Member.of(EVENT_REQUEST, "fd");
    private static final Member ATTR_ID = Member.of(V2_LINE_ATTRIBUTE, "id"),
            ATTR_PADDING = Member.of(V2_LINE_ATTRIBUTE, "padding"), ATTR_FLAGS = Member.of(V2_LINE_ATTRIBUTE, "flags"),
            ATTR_VALUES = Member.of(V2_LINE_ATTRIBUTE, "values"),
            ATTR_DEBOUNCE = Member.of(V2_LINE_ATTRIBUTE, "debounce_period_us");
    private static final Member CA_ATTR = Member.of(V2_LINE_CONFIG_ATTRIBUTE, "attr"),
            CA_MASK = Member.of(V2_LINE_CONFIG_ATTRIBUTE, "mask");
    private static final Member LC_FLAGS = Member.of(V2_LINE_CONFIG, "flags"),
            LC_NUM_ATTRS = Member.of(V2_LINE_CONFIG, "num_attrs"), LC_PADDING = Member.of(V2_LINE_CONFIG, "padding"),
            LC_ATTRS = Member.of(V2_LINE_CONFIG, "attrs");
    private static final Member LR_OFFSETS = Member.of(V2_LINE_REQUEST, "offsets"),
            LR_CONSUMER = Member.of(V2_LINE_REQUEST, "consumer"), LR_CONFIG = Member.of(V2_LINE_REQUEST, "config"),
            LR_NUM_LINES = Member.of(V2_LINE_REQUEST, "num_lines"),
            LR_EVENT_BUFFER_SIZE = Member.of(V2_LINE_REQUEST, "event_buffer_size"),
            LR_PADDING = Member.of(V2_LINE_REQUEST, "padding"), LR_FD = Member.of(V2_LINE_REQUEST, "fd");
    private static final Member INFO2_NAME = Member.of(V2_LINE_INFO, "name"),
            INFO2_CONSUMER = Member.of(V2_LINE_INFO, "consumer"), INFO2_OFFSET = Member.of(V2_LINE_INFO, "offset"),
            INFO2_NUM_ATTRS = Member.of(V2_LINE_INFO, "num_attrs"), INFO2_FLAGS = Member.of(V2_LINE_INFO, "flags"),
            INFO2_ATTRS = Member.of(V2_LINE_INFO, "attrs"), INFO2_PADDING = Member.of(V2_LINE_INFO, "padding");
    private static final Member LV_BITS = Member.of(V2_LINE_VALUES, "bits"), LV_MASK = Member.of(V2_LINE_VALUES, "mask");
    /** GPIOHANDLES_MAX (= GPIO_V2_LINES_MAX), GPIO_V2_LINE_NUM_ATTRS_MAX: the arrays' lengths. */
    private static final int LINES_MAX = HD_VALUES.size(),
            ATTRS_MAX = LC_ATTRS.size() / StructLayouts.size(V2_LINE_CONFIG_ATTRIBUTE);
    private static final int ATTR = StructLayouts.size(V2_LINE_ATTRIBUTE),
            CONFIG_ATTR = StructLayouts.size(V2_LINE_CONFIG_ATTRIBUTE);

    static final ConstTable LINE_FLAGS = ConstTable.flags("GPIOLINE_FLAG_???", """
            GPIOLINE_FLAG_KERNEL GPIOLINE_FLAG_IS_OUT GPIOLINE_FLAG_ACTIVE_LOW GPIOLINE_FLAG_OPEN_DRAIN
            GPIOLINE_FLAG_OPEN_SOURCE GPIOLINE_FLAG_BIAS_PULL_UP GPIOLINE_FLAG_BIAS_PULL_DOWN
            GPIOLINE_FLAG_BIAS_DISABLE""");
    static final ConstTable HANDLE_FLAGS = ConstTable.flags("GPIOHANDLE_REQUEST_???", """
            GPIOHANDLE_REQUEST_INPUT GPIOHANDLE_REQUEST_OUTPUT GPIOHANDLE_REQUEST_ACTIVE_LOW
            GPIOHANDLE_REQUEST_OPEN_DRAIN GPIOHANDLE_REQUEST_OPEN_SOURCE GPIOHANDLE_REQUEST_BIAS_PULL_UP
            GPIOHANDLE_REQUEST_BIAS_PULL_DOWN GPIOHANDLE_REQUEST_BIAS_DISABLE""");
    static final ConstTable EVENT_FLAGS = ConstTable.flags("GPIOEVENT_REQUEST_???",
            "GPIOEVENT_REQUEST_BOTH_EDGES GPIOEVENT_REQUEST_RISING_EDGE GPIOEVENT_REQUEST_FALLING_EDGE");
    static final ConstTable V2_LINE_FLAGS = ConstTable.flags("GPIO_V2_LINE_FLAG_???", """
            GPIO_V2_LINE_FLAG_USED GPIO_V2_LINE_FLAG_ACTIVE_LOW GPIO_V2_LINE_FLAG_INPUT GPIO_V2_LINE_FLAG_OUTPUT
            GPIO_V2_LINE_FLAG_EDGE_RISING GPIO_V2_LINE_FLAG_EDGE_FALLING GPIO_V2_LINE_FLAG_OPEN_DRAIN
            GPIO_V2_LINE_FLAG_OPEN_SOURCE GPIO_V2_LINE_FLAG_BIAS_PULL_UP GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN
            GPIO_V2_LINE_FLAG_BIAS_DISABLED GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME
            GPIO_V2_LINE_FLAG_EVENT_CLOCK_HTE""");
    private static final long ATTR_ID_FLAGS = HeaderValues.common("GPIO_V2_LINE_ATTR_ID_FLAGS"),
            ATTR_ID_OUTPUT_VALUES = HeaderValues.common("GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES"),
            ATTR_ID_DEBOUNCE = HeaderValues.common("GPIO_V2_LINE_ATTR_ID_DEBOUNCE");

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        String h = "#include <linux/gpio.h>\n";
        return java.util.stream.Stream.of(CHIP_INFO, LINE_INFO, HANDLE_REQUEST, HANDLE_CONFIG, HANDLE_DATA,
                EVENT_REQUEST, V2_LINE_ATTRIBUTE, V2_LINE_CONFIG_ATTRIBUTE, V2_LINE_CONFIG, V2_LINE_REQUEST,
                V2_LINE_INFO, V2_LINE_VALUES).map(l -> new CallStructLayouts.Declared(l, h)).toList();
    }

    /** {@return the fd member a getter's struct returns, or null} */
    private static Member fdMember(long req) {
        return req == LINEHANDLE ? HR_FD : req == LINEEVENT ? ER_FD : req == V2_GET_LINE ? LR_FD : null;
    }

    @Override
    public boolean decodes(long req) {
        return REQUESTS.contains(req);
    }

    /** The struct's size: the one the request number encodes. */
    private static int size(long req) {
        return IoctlRequests.size(req);
    }

    private static boolean entryPart(long req) {
        return req != CHIPINFO && req != GET_VALUES;
    }

    private static boolean exitPart(long req) {
        return req == CHIPINFO || req == GET_VALUES || req == LINEINFO || req == LINEINFO_WATCH
                || req == V2_LINEINFO || req == V2_LINEINFO_WATCH || req == LINEHANDLE || req == LINEEVENT
                || req == V2_GET_LINE || req == V2_GET_VALUES;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && entryPart(req)) mem.bytes(arg, size(req));
    }

    @Override
    public void captureExit(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg == 0 || !exitPart(req)) return;
        Snapshot.Region r = mem.bytes(arg, size(req));
        Member fd = fdMember(req);
        if (fd != null && opt.capturesFdPaths() && r != null && r.readable() && r.data().length >= fd.end()) {
            mem.fdPath((int) fd.s(r.data()));
        }
    }

    @Override
    public boolean printsAtExit(long req) {
        return !entryPart(req);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        int size = size(req);
        if (!entryPart(req)) {
            byte[] b = c.succeeded() ? IoctlFields.struct(c.out, a, size) : null;
            if (b == null) return IoctlFields.addr(a);
            if (req == CHIPINFO) {
                return IoctlFields.struct(List.of(IoctlFields.cstring("name", b, CHIP_NAME),
                        IoctlFields.cstring("label", b, CHIP_LABEL), IoctlFields.u("lines", b, CHIP_LINES)));
            }
            return handleData(c, b);
        }
        byte[] in = IoctlFields.struct(c.in, a, size);
        if (in == null) return IoctlFields.addr(a);
        Value entry = entry(c, req, in);
        if (!exitPart(req) || !c.succeeded()) return entry;
        byte[] out = IoctlFields.struct(c.out, a, size);
        return IoctlFields.changed(c, entry, out == null ? IoctlFields.addr(a) : exit(c, req, out));
    }

    private static Value entry(CallContext c, long req, byte[] b) {
        if (req == LINEINFO || req == LINEINFO_WATCH) {
            return IoctlFields.struct(List.of(IoctlFields.u("line_offset", b, LI_LINE_OFFSET)));
        }
        // LINEINFO_UNWATCH: a __u32 offset through the pointer.
        if (req == LINEINFO_UNWATCH) return IoctlFields.struct(List.of(IoctlFields.u32("offset", b, 0)));
        if (req == V2_LINEINFO || req == V2_LINEINFO_WATCH) {
            return IoctlFields.struct(List.of(IoctlFields.u("offset", b, INFO2_OFFSET)));
        }
        if (req == LINEHANDLE) {
            long lines = HR_LINES.u(b);
            return IoctlFields.struct(List.of(IoctlFields.u("lines", b, HR_LINES),
                    new Value.Field("lineoffsets", IoctlFields.localArray(c, b, HR_LINEOFFSETS.offset(), lines,
                            LINES_MAX, Integer.BYTES, GpioIoctls::u32)),
                    IoctlFields.flags("flags", HANDLE_FLAGS, b, HR_FLAGS),
                    new Value.Field("default_values", IoctlFields.localArray(c, b, HR_DEFAULTS.offset(), lines,
                            LINES_MAX, 1, GpioIoctls::u8)),
                    IoctlFields.cstring("consumer_label", b, HR_LABEL)));
        }
        if (req == LINEEVENT) {
            return IoctlFields.struct(List.of(IoctlFields.u("lineoffset", b, ER_LINEOFFSET),
                    IoctlFields.flags("handleflags", HANDLE_FLAGS, b, ER_HANDLEFLAGS),
                    IoctlFields.flags("eventflags", EVENT_FLAGS, b, ER_EVENTFLAGS),
                    IoctlFields.cstring("consumer_label", b, ER_LABEL)));
        }
        if (req == SET_VALUES) return handleData(c, b);
        if (req == SET_CONFIG) {
            return IoctlFields.struct(List.of(IoctlFields.flags("flags", HANDLE_FLAGS, b, HC_FLAGS),
                    new Value.Field("default_values", IoctlFields.localArray(c, b, HC_DEFAULTS.offset(), LINES_MAX,
                            LINES_MAX, 1, GpioIoctls::u8))));
        }
        if (req == V2_GET_LINE) return lineRequest(c, b);
        if (req == V2_SET_CONFIG) return lineConfig(c, b, 0);
        if (req == V2_GET_VALUES) return IoctlFields.struct(List.of(IoctlFields.x("mask", b, LV_MASK)));
        // V2_SET_VALUES
        return IoctlFields.struct(List.of(IoctlFields.x("bits", b, LV_BITS), IoctlFields.x("mask", b, LV_MASK)));
    }

    private static Value exit(CallContext c, long req, byte[] b) {
        if (req == LINEINFO || req == LINEINFO_WATCH) {
            return IoctlFields.struct(List.of(IoctlFields.flags("flags", LINE_FLAGS, b, LI_FLAGS),
                    IoctlFields.cstring("name", b, LI_NAME), IoctlFields.cstring("consumer", b, LI_CONSUMER)));
        }
        if (req == V2_LINEINFO || req == V2_LINEINFO_WATCH) return lineInfo(c, b);
        if (req == V2_GET_VALUES) return IoctlFields.struct(List.of(IoctlFields.x("bits", b, LV_BITS)));
        return IoctlFields.struct(List.of(new Value.Field("fd", c.fdAtExit((int) fdMember(req).s(b)))));
    }

    /** struct gpiohandle_data: {@code {values=[...]}}, all 64 bytes (abbreviated to -s). */
    private static Value handleData(CallContext c, byte[] b) {
        return IoctlFields.struct(List.of(new Value.Field("values",
                IoctlFields.localArray(c, b, HD_VALUES.offset(), LINES_MAX, LINES_MAX, 1, GpioIoctls::u8))));
    }

    private static Value lineInfo(CallContext c, byte[] b) {
        List<Value.Field> fs = new ArrayList<>();
        fs.add(IoctlFields.cstring("name", b, INFO2_NAME));
        fs.add(IoctlFields.cstring("consumer", b, INFO2_CONSUMER));
        fs.add(IoctlFields.flags("flags", V2_LINE_FLAGS, b, INFO2_FLAGS));
        long n = INFO2_NUM_ATTRS.u(b);
        fs.add(IoctlFields.u("num_attrs", b, INFO2_NUM_ATTRS));
        if (n != 0) {
            fs.add(new Value.Field("attrs", IoctlFields.localArray(c, b, INFO2_ATTRS.offset(), n, ATTRS_MAX, ATTR,
                    (bb, off) -> IoctlFields.struct(attribute(bb, off)))));
        }
        if (!IoctlFields.zero(b, INFO2_PADDING.offset(), INFO2_PADDING.size())) {
            fs.add(new Value.Field("padding", IoctlFields.hexArray32(b, INFO2_PADDING.offset(),
                    INFO2_PADDING.size() / Integer.BYTES)));
        }
        return IoctlFields.struct(fs);
    }

    private static Value lineRequest(CallContext c, byte[] b) {
        List<Value.Field> fs = new ArrayList<>();
        long n = LR_NUM_LINES.u(b);
        fs.add(IoctlFields.u("num_lines", b, LR_NUM_LINES));
        fs.add(new Value.Field("offsets", IoctlFields.localArray(c, b, LR_OFFSETS.offset(), n, LINES_MAX,
                Integer.BYTES, GpioIoctls::u32)));
        fs.add(IoctlFields.cstring("consumer", b, LR_CONSUMER));
        fs.add(new Value.Field("config", lineConfig(c, b, LR_CONFIG.offset())));
        if (LR_EVENT_BUFFER_SIZE.u(b) != 0) fs.add(IoctlFields.u("event_buffer_size", b, LR_EVENT_BUFFER_SIZE));
        if (!IoctlFields.zero(b, LR_PADDING.offset(), LR_PADDING.size())) {
            fs.add(new Value.Field("padding", IoctlFields.hexArray32(b, LR_PADDING.offset(),
                    LR_PADDING.size() / Integer.BYTES)));
        }
        return IoctlFields.struct(fs);
    }

    /** struct gpio_v2_line_config at {@code off}. */
    private static Value lineConfig(CallContext c, byte[] b, int off) {
        List<Value.Field> fs = new ArrayList<>();
        fs.add(new Value.Field("flags", V2_LINE_FLAGS.sym(LC_FLAGS.u(b, off))));
        long n = LC_NUM_ATTRS.u(b, off);
        fs.add(new Value.Field("num_attrs", new Value.Num(n, Value.Radix.UDEC)));
        int padding = off + LC_PADDING.offset();
        if (!IoctlFields.zero(b, padding, LC_PADDING.size())) {
            fs.add(new Value.Field("padding", IoctlFields.hexArray32(b, padding, LC_PADDING.size() / Integer.BYTES)));
        }
        if (n != 0) {
            fs.add(new Value.Field("attrs", IoctlFields.localArray(c, b, off + LC_ATTRS.offset(), n, ATTRS_MAX,
                    CONFIG_ATTR, (bb, o) -> {
                        List<Value.Field> as = new ArrayList<>();
                        List<Value.Field> attr = attribute(bb, o + CA_ATTR.offset());
                        // A raw attribute prints inside attr={...}; a known one as its one field.
                        if (attr.size() == 1) as.addAll(attr);
                        else as.add(new Value.Field("attr", IoctlFields.struct(attr)));
                        as.add(new Value.Field("mask", new Value.Num(CA_MASK.u(bb, o), Value.Radix.HEX)));
                        return IoctlFields.struct(as);
                    })));
        }
        return IoctlFields.struct(fs);
    }

    /**
     * struct gpio_v2_line_attribute at {@code off}: its one meaningful field by id, or raw
     * ({@code id}, {@code padding} when set, {@code data}) for a set padding or an unknown id.
     */
    private static List<Value.Field> attribute(byte[] b, int off) {
        long id = ATTR_ID.u(b, off);
        long padding = ATTR_PADDING.u(b, off);
        if (padding == 0) {
            if (id == ATTR_ID_FLAGS) return List.of(new Value.Field("flags", V2_LINE_FLAGS.sym(ATTR_FLAGS.u(b, off))));
            if (id == ATTR_ID_OUTPUT_VALUES) return List.of(hex("values", ATTR_VALUES.u(b, off)));
            if (id == ATTR_ID_DEBOUNCE) {
                return List.of(new Value.Field("debounce_period_us",
                        new Value.Num(ATTR_DEBOUNCE.u(b, off), Value.Radix.UDEC)));
            }
        }
        List<Value.Field> fs = new ArrayList<>();
        fs.add(new Value.Field("id", new Value.Num(id, Value.Radix.UDEC)));
        if (padding != 0) fs.add(hex("padding", padding));
        // strace prints the union as its 64-bit member, named data.
        fs.add(hex("data", ATTR_VALUES.u(b, off)));
        return fs;
    }

    private static Value.Field hex(String name, long v) {
        return new Value.Field(name, new Value.Num(v, Value.Radix.HEX));
    }

    private static Value u32(byte[] b, int off) {
        return new Value.Num(MemoryView.u32(b, off), Value.Radix.UDEC);
    }

    private static Value u8(byte[] b, int off) {
        return new Value.Num(b[off] & 0xff, Value.Radix.UDEC);
    }
}
