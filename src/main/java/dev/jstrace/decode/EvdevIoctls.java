package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.arch.gen.Constants.Named;
import dev.jstrace.arch.gen.Constants;
import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The evdev ('E') requests' arguments as strace 6.1's src/evdev.c and evdev_mpers.c print them:
 * a read request's argument at exit (versions, struct input_id, input_absinfo, the repeat pair,
 * keycodes, the name strings, the multitouch slots and the event bitsets, whose length is the
 * result), a write request's at entry (the same structs, struct ff_effect); {@code -v} shows the
 * fields abbreviated to {@code ...} without it. The request names are {@link Evdev}'s.
 */
final class EvdevIoctls implements IoctlFamily {
    private static final long EVIOCGVERSION = IoctlRequests.required("EVIOCGVERSION"), EVIOCGEFFECTS = IoctlRequests.required("EVIOCGEFFECTS"),
            EVIOCGID = IoctlRequests.required("EVIOCGID"), EVIOCGREP = IoctlRequests.required("EVIOCGREP"), EVIOCSREP = IoctlRequests.required("EVIOCSREP"),
            EVIOCGKEYCODE = IoctlRequests.required("EVIOCGKEYCODE"), EVIOCSKEYCODE = IoctlRequests.required("EVIOCSKEYCODE"),
            EVIOCGKEYCODE_V2 = IoctlRequests.required("EVIOCGKEYCODE_V2"), EVIOCSKEYCODE_V2 = IoctlRequests.required("EVIOCSKEYCODE_V2"),
            EVIOCRMFF = IoctlRequests.required("EVIOCRMFF"), EVIOCGRAB = IoctlRequests.required("EVIOCGRAB"), EVIOCREVOKE = IoctlRequests.required("EVIOCREVOKE"),
            EVIOCSCLOCKID = IoctlRequests.required("EVIOCSCLOCKID"), EVIOCSFF = IoctlRequests.required("EVIOCSFF");
    private static final int EVDEV = 'E';
    /** linux/input.h's structs. */
    static final StructLayout INPUT_ID = structLayout(JAVA_SHORT.withName("bustype"), JAVA_SHORT.withName("vendor"),
            JAVA_SHORT.withName("product"), JAVA_SHORT.withName("version")).withName("struct input_id");
    static final StructLayout INPUT_KEYMAP_ENTRY = structLayout(JAVA_BYTE.withName("flags"), JAVA_BYTE.withName("len"),
            JAVA_SHORT.withName("index"), JAVA_INT.withName("keycode"), sequenceLayout(32, JAVA_BYTE).withName("scancode"))
            .withName("struct input_keymap_entry");
    static final StructLayout INPUT_ABSINFO = structLayout(JAVA_INT.withName("value"), JAVA_INT.withName("minimum"),
            JAVA_INT.withName("maximum"), JAVA_INT.withName("fuzz"), JAVA_INT.withName("flat"),
            JAVA_INT.withName("resolution")).withName("struct input_absinfo");
    /** EVIOCGMTSLOTS' buffer, which linux/input.h describes in a comment only. */
    static final StructLayout INPUT_MT_REQUEST_LAYOUT = structLayout(JAVA_INT.withName("code"),
            sequenceLayout(0, JAVA_INT).withName("values")).withName("struct input_mt_request_layout");
    private static final Member ID_BUSTYPE = Member.of(INPUT_ID, "bustype"), ID_VENDOR = Member.of(INPUT_ID, "vendor"),
            ID_PRODUCT = Member.of(INPUT_ID, "product"), ID_VERSION = Member.of(INPUT_ID, "version");
    private static final Member KE_FLAGS = Member.of(INPUT_KEYMAP_ENTRY, "flags"),
            KE_LEN = Member.of(INPUT_KEYMAP_ENTRY, "len"), KE_INDEX = Member.of(INPUT_KEYMAP_ENTRY, "index"),
            KE_KEYCODE = Member.of(INPUT_KEYMAP_ENTRY, "keycode"), KE_SCANCODE = Member.of(INPUT_KEYMAP_ENTRY, "scancode");
    private static final Member MT_CODE = Member.of(INPUT_MT_REQUEST_LAYOUT, "code");
    private static final int MT_VALUES = StructLayouts.offset(INPUT_MT_REQUEST_LAYOUT, "values");
    /**
     * The struct sizes; input_absinfo before resolution was added (what older headers' EVIOCGABS
     * encodes); EVIOCGREP's and EVIOCGKEYCODE's unsigned int[2]; the bit sets' words.
     */
    private static final int FF_EFFECT_SIZE = EvdevEffects.SIZE, KEYMAP_ENTRY_SIZE = StructLayouts.size(INPUT_KEYMAP_ENTRY),
            ABSINFO_ORIG = StructLayouts.offset(INPUT_ABSINFO, "resolution"), ABSINFO_SIZE = StructLayouts.size(INPUT_ABSINFO),
            INPUT_ID_SIZE = StructLayouts.size(INPUT_ID), UINT = Integer.BYTES, UINT_PAIR = 2 * UINT, WORD = Long.BYTES;
    /** _IOC_NR of the variable-length read requests (linux/input.h). */
    private static final int NR_NAME = 0x06, NR_PHYS = 0x07, NR_UNIQ = 0x08, NR_PROP = 0x09, NR_MTSLOTS = 0x0a,
            NR_KEY = 0x18, NR_LED = 0x19, NR_SND = 0x1a, NR_SW = 0x1b, NR_BIT = 0x20, NR_GABS = 0x40,
            NR_SABS = 0xc0;
    private static final int EV_MAX = max("EV_MAX"), ABS_MAX = max("ABS_MAX");


    private static int max(String name) {
        for (Named n : Constants.EVDEV_LIMITS) if (n.name().equals(name)) return (int) n.value();
        throw new IllegalStateException(name + " is not in the generated table");
    }

    /** One of strace's evdev xlats: the names, the highest code, the unknown comment. */
    private record Codes(Named[] names, int max, String unknown) {}

    private static final Codes EV = new Codes(Constants.EVDEV_EVENT_TYPES, EV_MAX, "EV_???"),
            REL = new Codes(Constants.EVDEV_REL_AXES, max("REL_MAX"), "REL_???"),
            ABS = new Codes(Constants.EVDEV_ABS_AXES, ABS_MAX, "ABS_???"),
            MSC = new Codes(Constants.EVDEV_MISC, max("MSC_MAX"), "MSC_???"),
            SW = new Codes(Constants.EVDEV_SWITCHES, max("SW_MAX"), "SW_???"),
            LED = new Codes(Constants.EVDEV_LEDS, max("LED_MAX"), "LED_???"),
            SND = new Codes(Constants.EVDEV_SOUNDS, max("SND_MAX"), "SND_???"),
            REP = new Codes(Constants.EVDEV_AUTOREPEAT, max("REP_MAX"), "REP_???"),
            FF = new Codes(Constants.EVDEV_FF_TYPES, max("FF_MAX"), "FF_???"),
            FF_STATUS = new Codes(Constants.EVDEV_FF_STATUS, max("FF_STATUS_MAX"), "FF_STATUS_???"),
            PROP = new Codes(Constants.EVDEV_PROPS, max("INPUT_PROP_MAX"), "PROP_???");
    /** src/xlat/evdev_mtslots.in: the ABS_MT_* axes only. */
    private static final Named[] MT_SLOTS = java.util.Arrays.stream(Constants.EVDEV_ABS_AXES)
            .filter(n -> n.name().startsWith("ABS_MT_")).toArray(Named[]::new);

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        List<CallStructLayouts.Declared> l = new ArrayList<>(EvdevEffects.LAYOUTS);
        for (StructLayout s : List.of(INPUT_ID, INPUT_KEYMAP_ENTRY, INPUT_ABSINFO)) {
            l.add(new CallStructLayouts.Declared(s, "#include <linux/input.h>\n"));
        }
        l.add(new CallStructLayouts.Declared(INPUT_MT_REQUEST_LAYOUT,
                "#include <linux/types.h>\nstruct input_mt_request_layout { __u32 code; __s32 values[]; };\n"));
        return l;
    }

    @Override
    public boolean decodes(long req) {
        int d = IoctlRequests.dir(req);
        return IoctlRequests.type(req) == EVDEV && (d == IoctlRequests.IOC_READ || d == IoctlRequests.IOC_WRITE);
    }

    @Override
    public boolean printsAtExit(long req) {
        return IoctlRequests.dir(req) == IoctlRequests.IOC_READ;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && IoctlRequests.dir(req) == IoctlRequests.IOC_WRITE) {
            int n = size(req, 0);
            if (n > 0) mem.bytes(arg, n);
        }
    }

    @Override
    public void captureExit(long req, long arg, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (arg == 0 || IoctlRequests.dir(req) != IoctlRequests.IOC_READ) return;
        if (IoctlRequests.nr(req) == NR_MTSLOTS) {
            // The code, then the values as an array of their own (print_array reads from arg + 4).
            mem.bytes(arg, UINT);
            long values = ArrayDecoder.captureCount(opt, Math.max(IoctlRequests.size(req) / 4 - 1, 0));
            if (values > 0) mem.bytes(arg + 4, (int) values * 4);
            return;
        }
        int n = size(req, rval);
        if (n > 0) mem.bytes(arg, n);
    }

    /** Bytes the request's argument takes (a read's bitset or string: from the result). */
    private static int size(long req, long rval) {
        if (req == EVIOCGVERSION || req == EVIOCGEFFECTS || req == EVIOCSCLOCKID) return 4;
        if (req == EVIOCGID) return INPUT_ID_SIZE;
        if (req == EVIOCGREP || req == EVIOCSREP || req == EVIOCGKEYCODE || req == EVIOCSKEYCODE) return 8;
        if (req == EVIOCGKEYCODE_V2 || req == EVIOCSKEYCODE_V2) return KEYMAP_ENTRY_SIZE;
        if (req == EVIOCSFF) return FF_EFFECT_SIZE;
        int nr = IoctlRequests.nr(req);
        boolean read = IoctlRequests.dir(req) == IoctlRequests.IOC_READ;
        if ((nr & ~ABS_MAX) == (read ? NR_GABS : NR_SABS)) return Math.min(IoctlRequests.size(req), ABSINFO_SIZE);
        if (!read) return 0;
        if (nr == NR_NAME || nr == NR_PHYS || nr == NR_UNIQ) return (int) Math.min(Math.max(rval, 0), 1 << 14);
        Codes set = bitset(req);
        return set == null ? (nr == NR_BIT + 0x16 ? 4 : 0) : bitsetBytes(set, rval);
    }

    /** The xlat of a bitset request, or null. */
    private static Codes bitset(long req) {
        int nr = IoctlRequests.nr(req);
        switch (nr) {
            case NR_PROP: return PROP;
            case NR_SND: return SND;
            case NR_SW: return SW;
            case NR_KEY: return KEY_CODES;
            case NR_LED: return LED;
            default: break;
        }
        if ((nr & ~EV_MAX) != NR_BIT) return null;
        return switch (nr & EV_MAX) {
            case 0 -> EV;
            case 1 -> KEY_CODES;
            case 2 -> REL;
            case 3 -> ABS;
            case 4 -> MSC;
            case 5 -> SW;
            case 0x11 -> LED;
            case 0x12 -> SND;
            case 0x14 -> REP;
            case 0x15 -> FF;
            case 0x17 -> FF_STATUS;
            default -> null;
        };
    }

    /** Key codes: the x86-64 headers' table (the bitset names only; EVIOCSKEYCODE names per arch). */
    private static final Codes KEY_CODES = new Codes(keys(), max("KEY_MAX"), "KEY_???");

    private static Named[] keys() {
        return Constants.EVDEV_KEYCODES.of(dev.jstrace.arch.Arch.X86_64);
    }

    /** strace's decode_bitset size: the result's bytes, capped at the kind's highest code, in whole words. */
    private static int bitsetBytes(Codes set, long rval) {
        long bits = Long.compareUnsigned(rval, set.max() / 8) > 0 ? set.max() : rval * 8;
        long bytes = (bits + 7) / 8;
        return (int) ((bytes + WORD - 1) / WORD * WORD);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        if (IoctlRequests.dir(req) == IoctlRequests.IOC_WRITE) return write(c, req, a);
        if (a == 0 || !c.succeeded()) return new Value.Ptr(a);
        int nr = IoctlRequests.nr(req);
        if (req == EVIOCGVERSION || req == EVIOCGEFFECTS) {
            byte[] b = MemoryView.struct(c.out, a, UINT);
            if (b == null) return new Value.Ptr(a);
            return new Value.Array(List.of(new Value.Num(MemoryView.u32(b, 0),
                    req == EVIOCGVERSION ? Value.Radix.HEX : Value.Radix.UDEC)), false);
        }
        if (req == EVIOCGID) {
            byte[] b = MemoryView.struct(c.out, a, INPUT_ID_SIZE);
            if (b == null) return new Value.Ptr(a);
            return new Value.Struct(List.of(IoctlFields.u("bustype", b, ID_BUSTYPE),
                    IoctlFields.u("vendor", b, ID_VENDOR), IoctlFields.u("product", b, ID_PRODUCT),
                    IoctlFields.u("version", b, ID_VERSION)), false);
        }
        if (req == EVIOCGREP) return pair(c, c.out, a);
        if (req == EVIOCGKEYCODE) return keycode(c, c.out, a);
        if (req == EVIOCGKEYCODE_V2) return keymapEntry(c, c.out, a);
        if (nr == NR_MTSLOTS) return mtSlots(c, req, a);
        if (nr == NR_NAME || nr == NR_PHYS || nr == NR_UNIQ) return c.buffer(c.out, a, c.rval, false);
        if ((nr & ~ABS_MAX) == NR_GABS) return absinfo(c, c.out, req, a);
        Codes set = bitset(req);
        if (set != null) return bitsetValue(c, set, a);
        if ((nr & ~EV_MAX) == NR_BIT && (nr & EV_MAX) == 0x16) {
            // EV_PWR: printnum_int(tcp, arg, "%d").
            byte[] b = MemoryView.struct(c.out, a, UINT);
            return b == null ? new Value.Ptr(a)
                    : new Value.Array(List.of(new Value.Num(MemoryView.s32(b, 0), Value.Radix.DEC)), false);
        }
        return new Value.Ptr(a);
    }

    private static Value write(CallContext c, long req, long a) {
        if (req == EVIOCRMFF) return new Value.Num((int) a, Value.Radix.DEC);
        if (req == EVIOCGRAB || req == EVIOCREVOKE) return new Value.Num(a, Value.Radix.UDEC);
        if (req == EVIOCSCLOCKID) {
            byte[] b = MemoryView.struct(c.in, a, UINT);
            return b == null ? new Value.Ptr(a) : new Value.Array(List.of(u32(b, 0)), false);
        }
        if (req == EVIOCSREP) return pair(c, c.in, a);
        if (req == EVIOCSKEYCODE) return keycode(c, c.in, a);
        if (req == EVIOCSKEYCODE_V2) return keymapEntry(c, c.in, a);
        if (req == EVIOCSFF) return EvdevEffects.ffEffect(c, a);
        if ((IoctlRequests.nr(req) & ~ABS_MAX) == NR_SABS) return absinfo(c, c.in, req, a);
        return new Value.Ptr(a);
    }

    static Value u16(byte[] b, int off) {
        return new Value.Num(MemoryView.u16(b, off), Value.Radix.UDEC);
    }

    static Value s16(byte[] b, int off) {
        return new Value.Num((short) MemoryView.u16(b, off), Value.Radix.DEC);
    }

    private static Value u32(byte[] b, int off) {
        return new Value.Num(MemoryView.u32(b, off), Value.Radix.UDEC);
    }

    /** printpair_int(tcp, arg, "%u"). */
    private static Value pair(CallContext c, dev.jstrace.proc.Snapshot mem, long a) {
        byte[] b = MemoryView.struct(mem, a, UINT_PAIR);
        return b == null ? new Value.Ptr(a) : new Value.Array(List.of(u32(b, 0), u32(b, UINT)), false);
    }

    private static Value keycode(CallContext c, dev.jstrace.proc.Snapshot mem, long a) {
        // unsigned int[2]: the scancode, then the keycode.
        byte[] b = MemoryView.struct(mem, a, UINT_PAIR);
        return b == null ? new Value.Ptr(a) : new Value.Array(List.of(u32(b, 0), keyName(c, MemoryView.u32(b, UINT))),
                false);
    }

    private static Value keyName(CallContext c, long v) {
        // The arm64 cross headers are an older 6.1, with fewer key codes: a per-arch group.
        return sym(Constants.EVDEV_KEYCODES.of(c.arch), v, "KEY_???");
    }

    /** struct input_keymap_entry: flags, len, then (-v) index, keycode and the scancode bytes. */
    private static Value keymapEntry(CallContext c, dev.jstrace.proc.Snapshot mem, long a) {
        byte[] b = MemoryView.struct(mem, a, KEYMAP_ENTRY_SIZE);
        if (b == null) return new Value.Ptr(a);
        List<Value.Field> fs = new ArrayList<>(5);
        fs.add(IoctlFields.u("flags", b, KE_FLAGS));
        fs.add(IoctlFields.u("len", b, KE_LEN));
        if (!c.opt.verbose()) return new Value.Struct(fs, true);
        fs.add(IoctlFields.u("index", b, KE_INDEX));
        fs.add(new Value.Field("keycode", keyName(c, KE_KEYCODE.u(b))));
        List<Value> scan = new ArrayList<>(KE_SCANCODE.size());
        for (int i = KE_SCANCODE.offset(); i < KE_SCANCODE.end(); i++) scan.add(new Value.Num(b[i] & 0xff, Value.Radix.HEX));
        fs.add(new Value.Field("scancode", new Value.Array(scan, false)));
        return new Value.Struct(fs, false);
    }

    /** struct input_absinfo, of the size the request gives: value, minimum, then (-v) the rest. */
    private static Value absinfo(CallContext c, dev.jstrace.proc.Snapshot mem, long req, long a) {
        int sz = IoctlRequests.size(req);
        if (sz < ABSINFO_ORIG) return new Value.Ptr(a);
        byte[] b = MemoryView.struct(mem, a, Math.min(sz, ABSINFO_SIZE));
        if (b == null) return new Value.Ptr(a);
        List<Value.Field> fs = new ArrayList<>(6);
        for (String n : List.of("value", "minimum")) fs.add(IoctlFields.u(n, b, Member.of(INPUT_ABSINFO, n)));
        if (!c.opt.verbose()) return new Value.Struct(fs, true);
        for (String n : List.of("maximum", "fuzz", "flat")) fs.add(IoctlFields.u(n, b, Member.of(INPUT_ABSINFO, n)));
        if (sz >= ABSINFO_SIZE) fs.add(IoctlFields.u("resolution", b, Member.of(INPUT_ABSINFO, "resolution")));
        return new Value.Struct(fs, sz > ABSINFO_ORIG && sz != ABSINFO_SIZE);
    }

    /** EVIOCGMTSLOTS(len): {code=ABS_MT_*, values=[...]}, len/4 - 1 values. */
    private static Value mtSlots(CallContext c, long req, long a) {
        int n = IoctlRequests.size(req) / Integer.BYTES;
        if (n == 0) return new Value.Ptr(a);
        byte[] b = MemoryView.struct(c.out, a, MT_CODE.end());
        if (b == null) return new Value.Ptr(a);
        Value values = ArrayDecoder.decode(c, c.out, a + MT_VALUES, n - 1, Integer.BYTES,
                (d, off) -> new Value.Num(MemoryView.s32(d, off), Value.Radix.DEC));
        return new Value.Struct(List.of(new Value.Field("code", sym(MT_SLOTS, MT_CODE.u(b), "ABS_MT_???")),
                new Value.Field("values", values)), false);
    }

    /**
     * decode_bitset: the set bits' names, space-separated in brackets (at most four without
     * {@code -v}, then {@code ...}); under {@code -X raw} the words, under verbose both.
     */
    private static Value bitsetValue(CallContext c, Codes set, long a) {
        int size = bitsetBytes(set, c.rval);
        if (size == 0) return new Value.Ptr(a);
        byte[] b = MemoryView.struct(c.out, a, size);
        if (b == null) return new Value.Ptr(a);
        long bits = Long.compareUnsigned(c.rval, set.max() / 8) > 0 ? set.max() : c.rval * 8;
        DecodeOptions.Xlat x = c.opt.xlat();
        StringBuilder out = new StringBuilder();
        if (x != DecodeOptions.Xlat.RAW) {
            out.append('[');
            int shown = 0;
            for (int i = 0; i < bits; i++) {
                if ((b[i / 8] & (1 << (i % 8))) == 0) continue;
                if (shown > 0) out.append(' ');
                if (!c.opt.verbose() && shown >= 4) {
                    out.append("...");
                    break;
                }
                out.append(c.text(sym(set.names(), i, set.unknown())));
                shown++;
            }
            out.append(']');
        }
        if (x == DecodeOptions.Xlat.ABBREV) return new Value.Text(out.toString());
        List<Value> words = new ArrayList<>(size / WORD);
        for (int i = 0; i < size; i += WORD) words.add(new Value.Num(MemoryView.u64(b, i), Value.Radix.HEX));
        String raw = c.text(new Value.Array(words, false));
        return new Value.Text(x == DecodeOptions.Xlat.RAW ? raw : out + " /* " + raw + " */");
    }

    /** strace's printxval: the name, else {@code 0x52 /* FF_??? * /}. */
    static Value sym(Named[] set, long v, String unknown) {
        for (Named n : set) {
            if (n.value() == v) return new Value.Sym(v, Value.Radix.HEX, List.of(n.name()), 0, null);
        }
        return new Value.Sym(v, Value.Radix.HEX, List.of(), 0, unknown);
    }
}
