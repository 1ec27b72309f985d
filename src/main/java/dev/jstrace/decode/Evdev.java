package dev.jstrace.decode;

import dev.jstrace.arch.gen.Constants;
import dev.jstrace.arch.gen.Constants.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * evdev (linux/input.h) requests: the ones whose number carries an event type,
 * an axis or a buffer length, named as strace names them ({@code EVIOCGBIT(EV_KEY, 96)},
 * {@code EVIOCGABS(ABS_X)}, {@code EVIOCGNAME(64)}); and their arguments as strace's
 * evdev decoder prints them: the setters' values and structs (abbreviated, as without
 * {@code -v}), a getter's pointer (its version and effect count decoded after success).
 */
final class Evdev {
    private static final long EVIOCGVERSION = IoctlRequests.code("EVIOCGVERSION"),
            EVIOCGEFFECTS = IoctlRequests.code("EVIOCGEFFECTS"), EVIOCSREP = IoctlRequests.code("EVIOCSREP"),
            EVIOCSKEYCODE = IoctlRequests.code("EVIOCSKEYCODE"),
            EVIOCSKEYCODE_V2 = IoctlRequests.code("EVIOCSKEYCODE_V2"), EVIOCRMFF = IoctlRequests.code("EVIOCRMFF"),
            EVIOCGRAB = IoctlRequests.code("EVIOCGRAB"), EVIOCREVOKE = IoctlRequests.code("EVIOCREVOKE"),
            EVIOCSCLOCKID = IoctlRequests.code("EVIOCSCLOCKID"), EVIOCSFF = IoctlRequests.code("EVIOCSFF");
    /** sizeof(struct ff_effect) on 64-bit; struct input_keymap_entry; struct input_absinfo. */
    private static final int FF_EFFECT_SIZE = 48, KEYMAP_ENTRY_SIZE = 40, ABSINFO_SIZE = 24, ABSINFO_ORIG = 20;
    private static final int EVDEV = 'E';

    private Evdev() {}

    /** Bytes to copy for an evdev request: positive at entry, negative at exit, 0 for none. */
    static int capture(long code) {
        if (IoctlRequests.type(code) != EVDEV) return 0;
        int d = IoctlRequests.dir(code);
        if (d == IoctlRequests.IOC_READ) return code == EVIOCGVERSION || code == EVIOCGEFFECTS ? -4 : 0;
        if (d != IoctlRequests.IOC_WRITE) return 0;
        if (code == EVIOCSREP || code == EVIOCSKEYCODE) return 8;
        if (code == EVIOCSKEYCODE_V2) return KEYMAP_ENTRY_SIZE;
        if (code == EVIOCSCLOCKID) return 4;
        if (code == EVIOCSFF) return FF_EFFECT_SIZE;
        if ((IoctlRequests.nr(code) & ~0x3f) == 0xc0) return Math.min(IoctlRequests.size(code), ABSINFO_SIZE);
        return 0;
    }

    /** The argument, or {@link IoctlFamilies#UNDECODED} for a request that is not evdev's. */
    static Value arg(CallContext c, long code, long a) {
        if (IoctlRequests.type(code) != EVDEV) return IoctlFamilies.UNDECODED;
        int d = IoctlRequests.dir(code);
        if (d == IoctlRequests.IOC_READ) {
            if (!c.succeeded() || a == 0) return new Value.Ptr(a);
            if (code == EVIOCGVERSION || code == EVIOCGEFFECTS) {
                byte[] b = MemoryView.struct(c.out, a, 4);
                if (b == null) return new Value.Ptr(a);
                long v = MemoryView.s32(b, 0) & 0xffffffffL;
                return new Value.Array(List.of(new Value.Num(v, code == EVIOCGVERSION ? Value.Radix.HEX
                        : Value.Radix.UDEC)), false);
            }
            return new Value.Ptr(a);
        }
        if (d != IoctlRequests.IOC_WRITE) return IoctlFamilies.UNDECODED;
        if (code == EVIOCRMFF) return new Value.Num((int) a, Value.Radix.DEC);
        if (code == EVIOCGRAB || code == EVIOCREVOKE) return new Value.Num(a, Value.Radix.UDEC);
        int n = capture(code);
        byte[] b = a == 0 || n <= 0 ? null : MemoryView.struct(c.in, a, n);
        if (b == null) return new Value.Ptr(a);
        if (code == EVIOCSCLOCKID) return new Value.Array(List.of(u32(b, 0)), false);
        if (code == EVIOCSREP) return new Value.Array(List.of(u32(b, 0), u32(b, 4)), false);
        if (code == EVIOCSKEYCODE) return new Value.Array(List.of(u32(b, 0), keycode(c, b, 4)), false);
        List<Value.Field> fs = new ArrayList<>();
        if (code == EVIOCSKEYCODE_V2) {
            fs.add(new Value.Field("flags", new Value.Num(b[0] & 0xff, Value.Radix.UDEC)));
            fs.add(new Value.Field("len", new Value.Num(b[1] & 0xff, Value.Radix.UDEC)));
            return new Value.Struct(fs, true);
        }
        if (code == EVIOCSFF) {
            int type = MemoryView.u16(b, 0);
            fs.add(new Value.Field("type", sym(Constants.EVDEV_FF_TYPES, type, "FF_???")));
            fs.add(new Value.Field("id", new Value.Num((short) MemoryView.u16(b, 2), Value.Radix.DEC)));
            fs.add(new Value.Field("direction", new Value.Num(MemoryView.u16(b, 4), Value.Radix.UDEC)));
            return new Value.Struct(fs, true);
        }
        // EVIOCSABS(axis): struct input_absinfo, its first two fields without -v.
        if (IoctlRequests.size(code) < ABSINFO_ORIG) return new Value.Ptr(a);
        fs.add(new Value.Field("value", u32(b, 0)));
        fs.add(new Value.Field("minimum", u32(b, 4)));
        return new Value.Struct(fs, true);
    }

    private static Value u32(byte[] b, int off) {
        return new Value.Num(MemoryView.s32(b, off) & 0xffffffffL, Value.Radix.UDEC);
    }

    private static Value keycode(CallContext c, byte[] b, int off) {
        // The arm64 cross headers are an older 6.1, with fewer key codes: a per-arch group.
        return sym(Constants.EVDEV_KEYCODES.of(c.arch), MemoryView.s32(b, off) & 0xffffffffL, "KEY_???");
    }

    /** strace's printxval: the name, else {@code 0x52 /* FF_??? * /}. */
    private static Value sym(Named[] set, long v, String unknown) {
        for (Named n : set) {
            if (n.value() == v) return new Value.Sym(v, Value.Radix.HEX, List.of(n.name()), 0, null);
        }
        return new Value.Sym(v, Value.Radix.HEX, List.of(), 0, unknown);
    }

    /** strace's name for an 'E' request that encodes its argument, or null (then the table names it). */
    static String requestName(long code, boolean verbose) {
        int d = IoctlRequests.dir(code), nr = IoctlRequests.nr(code), size = IoctlRequests.size(code);
        if (d == IoctlRequests.IOC_WRITE && nr >= 0xc0 && nr <= 0xc0 + 0x3f) {
            return "EVIOCSABS(" + name(dev.jstrace.arch.gen.Constants.EVDEV_ABS_AXES, nr - 0xc0, "ABS_???",
                    verbose) + ")";
        }
        if (d != IoctlRequests.IOC_READ) return null;
        if (nr >= 0x20 && nr <= 0x20 + 0x1f) {
            String ev = nr == 0x20 ? "0"
                    : name(dev.jstrace.arch.gen.Constants.EVDEV_EVENT_TYPES, nr - 0x20, "EV_???", verbose);
            return "EVIOCGBIT(" + ev + ", " + size + ")";
        }
        if (nr >= 0x40 && nr <= 0x40 + 0x3f) {
            return "EVIOCGABS(" + name(dev.jstrace.arch.gen.Constants.EVDEV_ABS_AXES, nr - 0x40, "ABS_???",
                    verbose) + ")";
        }
        String n = switch (nr) {
            case 0x06 -> "EVIOCGNAME";
            case 0x07 -> "EVIOCGPHYS";
            case 0x08 -> "EVIOCGUNIQ";
            case 0x09 -> "EVIOCGPROP";
            case 0x0a -> "EVIOCGMTSLOTS";
            case 0x18 -> "EVIOCGKEY";
            case 0x19 -> "EVIOCGLED";
            case 0x1a -> "EVIOCGSND";
            case 0x1b -> "EVIOCGSW";
            default -> null;
        };
        return n == null ? null : n + "(" + size + ")";
    }

    /** A value by name; unknown: {@code 0x1f /* EV_??? * /} (only the number inside a verbose comment). */
    static String name(Named[] set, int v, String unknown, boolean verbose) {
        for (Named n : set) if (n.value() == v) return n.name();
        String hex = v == 0 ? "0" : "0x" + Integer.toHexString(v);
        return verbose ? hex : hex + " /* " + unknown + " */";
    }
}
