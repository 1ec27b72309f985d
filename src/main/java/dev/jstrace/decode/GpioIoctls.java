package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
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
    /** GPIO_MAX_NAME_SIZE, GPIOHANDLES_MAX (= GPIO_V2_LINES_MAX), GPIO_V2_LINE_NUM_ATTRS_MAX. */
    private static final int NAME = 32, LINES_MAX = 64, ATTRS_MAX = 10;
    /** struct gpio_v2_line_attribute and struct gpio_v2_line_config_attribute. */
    private static final int ATTR = 16, CONFIG_ATTR = 24;

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
        int fdAt = req == LINEHANDLE ? 360 : req == LINEEVENT ? 44 : req == V2_GET_LINE ? 588 : -1;
        if (fdAt >= 0 && opt.capturesFdPaths() && r != null && r.readable() && r.data().length >= fdAt + 4) {
            mem.fdPath(MemoryView.s32(r.data(), fdAt));
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
                return IoctlFields.struct(List.of(IoctlFields.cstring("name", b, 0, NAME),
                        IoctlFields.cstring("label", b, NAME, NAME), IoctlFields.u32("lines", b, 2 * NAME)));
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
            return IoctlFields.struct(List.of(IoctlFields.u32("line_offset", b, 0)));
        }
        if (req == LINEINFO_UNWATCH) return IoctlFields.struct(List.of(IoctlFields.u32("offset", b, 0)));
        if (req == V2_LINEINFO || req == V2_LINEINFO_WATCH) {
            return IoctlFields.struct(List.of(IoctlFields.u32("offset", b, 2 * NAME)));
        }
        if (req == LINEHANDLE) {
            long lines = MemoryView.u32(b, 356);
            return IoctlFields.struct(List.of(IoctlFields.u32("lines", b, 356),
                    new Value.Field("lineoffsets", IoctlFields.localArray(c, b, 0, lines, LINES_MAX, 4, GpioIoctls::u32)),
                    IoctlFields.flags32("flags", HANDLE_FLAGS, b, 256),
                    new Value.Field("default_values", IoctlFields.localArray(c, b, 260, lines, LINES_MAX, 1,
                            GpioIoctls::u8)),
                    IoctlFields.cstring("consumer_label", b, 324, NAME)));
        }
        if (req == LINEEVENT) {
            return IoctlFields.struct(List.of(IoctlFields.u32("lineoffset", b, 0),
                    IoctlFields.flags32("handleflags", HANDLE_FLAGS, b, 4),
                    IoctlFields.flags32("eventflags", EVENT_FLAGS, b, 8),
                    IoctlFields.cstring("consumer_label", b, 12, NAME)));
        }
        if (req == SET_VALUES) return handleData(c, b);
        if (req == SET_CONFIG) {
            return IoctlFields.struct(List.of(IoctlFields.flags32("flags", HANDLE_FLAGS, b, 0),
                    new Value.Field("default_values", IoctlFields.localArray(c, b, 4, LINES_MAX, LINES_MAX, 1,
                            GpioIoctls::u8))));
        }
        if (req == V2_GET_LINE) return lineRequest(c, b);
        if (req == V2_SET_CONFIG) return lineConfig(c, b, 0);
        if (req == V2_GET_VALUES) return IoctlFields.struct(List.of(IoctlFields.x64("mask", b, 8)));
        // V2_SET_VALUES
        return IoctlFields.struct(List.of(IoctlFields.x64("bits", b, 0), IoctlFields.x64("mask", b, 8)));
    }

    private static Value exit(CallContext c, long req, byte[] b) {
        if (req == LINEINFO || req == LINEINFO_WATCH) {
            return IoctlFields.struct(List.of(IoctlFields.flags32("flags", LINE_FLAGS, b, 4),
                    IoctlFields.cstring("name", b, 8, NAME), IoctlFields.cstring("consumer", b, 8 + NAME, NAME)));
        }
        if (req == V2_LINEINFO || req == V2_LINEINFO_WATCH) return lineInfo(c, b);
        if (req == V2_GET_VALUES) return IoctlFields.struct(List.of(IoctlFields.x64("bits", b, 0)));
        int fdAt = req == LINEHANDLE ? 360 : req == LINEEVENT ? 44 : 588;
        return IoctlFields.struct(List.of(new Value.Field("fd", c.fdAtExit(MemoryView.s32(b, fdAt)))));
    }

    /** struct gpiohandle_data: {@code {values=[...]}}, all 64 bytes (abbreviated to -s). */
    private static Value handleData(CallContext c, byte[] b) {
        return IoctlFields.struct(List.of(new Value.Field("values",
                IoctlFields.localArray(c, b, 0, LINES_MAX, LINES_MAX, 1, GpioIoctls::u8))));
    }

    private static Value lineInfo(CallContext c, byte[] b) {
        List<Value.Field> fs = new ArrayList<>();
        fs.add(IoctlFields.cstring("name", b, 0, NAME));
        fs.add(IoctlFields.cstring("consumer", b, NAME, NAME));
        fs.add(IoctlFields.flags64("flags", V2_LINE_FLAGS, b, 72));
        long n = MemoryView.u32(b, 68);
        fs.add(IoctlFields.u32("num_attrs", b, 68));
        if (n != 0) {
            fs.add(new Value.Field("attrs", IoctlFields.localArray(c, b, 80, n, ATTRS_MAX, ATTR,
                    (bb, off) -> IoctlFields.struct(attribute(bb, off)))));
        }
        if (!IoctlFields.zero(b, 240, 16)) fs.add(new Value.Field("padding", IoctlFields.hexArray32(b, 240, 4)));
        return IoctlFields.struct(fs);
    }

    private static Value lineRequest(CallContext c, byte[] b) {
        List<Value.Field> fs = new ArrayList<>();
        long n = MemoryView.u32(b, 560);
        fs.add(IoctlFields.u32("num_lines", b, 560));
        fs.add(new Value.Field("offsets", IoctlFields.localArray(c, b, 0, n, LINES_MAX, 4, GpioIoctls::u32)));
        fs.add(IoctlFields.cstring("consumer", b, 256, NAME));
        fs.add(new Value.Field("config", lineConfig(c, b, 256 + NAME)));
        if (MemoryView.u32(b, 564) != 0) fs.add(IoctlFields.u32("event_buffer_size", b, 564));
        if (!IoctlFields.zero(b, 568, 20)) fs.add(new Value.Field("padding", IoctlFields.hexArray32(b, 568, 5)));
        return IoctlFields.struct(fs);
    }

    /** struct gpio_v2_line_config at {@code off}. */
    private static Value lineConfig(CallContext c, byte[] b, int off) {
        List<Value.Field> fs = new ArrayList<>();
        fs.add(IoctlFields.flags64("flags", V2_LINE_FLAGS, b, off));
        long n = MemoryView.u32(b, off + 8);
        fs.add(IoctlFields.u32("num_attrs", b, off + 8));
        if (!IoctlFields.zero(b, off + 12, 20)) {
            fs.add(new Value.Field("padding", IoctlFields.hexArray32(b, off + 12, 5)));
        }
        if (n != 0) {
            fs.add(new Value.Field("attrs", IoctlFields.localArray(c, b, off + 32, n, ATTRS_MAX, CONFIG_ATTR,
                    (bb, o) -> {
                        List<Value.Field> as = new ArrayList<>();
                        List<Value.Field> attr = attribute(bb, o);
                        // A raw attribute prints inside attr={...}; a known one as its one field.
                        if (attr.size() == 1) as.addAll(attr);
                        else as.add(new Value.Field("attr", IoctlFields.struct(attr)));
                        as.add(IoctlFields.x64("mask", bb, o + ATTR));
                        return IoctlFields.struct(as);
                    })));
        }
        return IoctlFields.struct(fs);
    }

    /**
     * struct gpio_v2_line_attribute: its one meaningful field by id, or raw ({@code id},
     * {@code padding} when set, {@code data}) for a set padding or an unknown id.
     */
    private static List<Value.Field> attribute(byte[] b, int off) {
        long id = MemoryView.u32(b, off);
        long padding = MemoryView.u32(b, off + 4);
        if (padding == 0) {
            if (id == ATTR_ID_FLAGS) return List.of(IoctlFields.flags64("flags", V2_LINE_FLAGS, b, off + 8));
            if (id == ATTR_ID_OUTPUT_VALUES) return List.of(IoctlFields.x64("values", b, off + 8));
            if (id == ATTR_ID_DEBOUNCE) return List.of(IoctlFields.u32("debounce_period_us", b, off + 8));
        }
        List<Value.Field> fs = new ArrayList<>();
        fs.add(IoctlFields.u32("id", b, off));
        if (padding != 0) fs.add(IoctlFields.x32("padding", b, off + 4));
        fs.add(IoctlFields.x64("data", b, off + 8));
        return fs;
    }

    private static Value u32(byte[] b, int off) {
        return new Value.Num(MemoryView.u32(b, off), Value.Radix.UDEC);
    }

    private static Value u8(byte[] b, int off) {
        return new Value.Num(b[off] & 0xff, Value.Radix.UDEC);
    }
}
