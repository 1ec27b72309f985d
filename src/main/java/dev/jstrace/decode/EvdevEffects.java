package dev.jstrace.decode;

import dev.jstrace.arch.gen.Constants;
import java.util.ArrayList;
import java.util.List;

/**
 * EVIOCSFF's struct ff_effect as strace 6.1's src/evdev_mpers.c prints it: type, id and
 * direction, then under {@code -v} the trigger, the replay and the union member the type
 * selects (constant, ramp, periodic, rumble). Offsets are LP64's (the union is 8-aligned).
 */
final class EvdevEffects {
    /** sizeof(struct ff_effect); the union's offset. */
    static final int SIZE = 48, U = 16;
    private static final int FF_CONSTANT = value("FF_CONSTANT"), FF_RAMP = value("FF_RAMP"),
            FF_PERIODIC = value("FF_PERIODIC"), FF_RUMBLE = value("FF_RUMBLE");

    private EvdevEffects() {}

    private static int value(String name) {
        for (Constants.Named n : Constants.EVDEV_FF_TYPES) if (n.name().equals(name)) return (int) n.value();
        throw new IllegalStateException(name + " is not in the generated table");
    }

    static Value ffEffect(CallContext c, long a) {
        byte[] b = MemoryView.struct(c.in, a, SIZE);
        if (b == null) return new Value.Ptr(a);
        int type = MemoryView.u16(b, 0);
        List<Value.Field> fs = new ArrayList<>(6);
        fs.add(new Value.Field("type", EvdevIoctls.sym(Constants.EVDEV_FF_TYPES, type, "FF_???")));
        fs.add(new Value.Field("id", EvdevIoctls.s16(b, 2)));
        fs.add(new Value.Field("direction", EvdevIoctls.u16(b, 4)));
        if (!c.opt.verbose()) return new Value.Struct(fs, true);
        fs.add(new Value.Field("trigger", struct(f("button", EvdevIoctls.u16(b, 6)),
                f("interval", EvdevIoctls.u16(b, 8)))));
        fs.add(new Value.Field("replay", struct(f("length", EvdevIoctls.u16(b, 10)),
                f("delay", EvdevIoctls.u16(b, 12)))));
        if (type == FF_CONSTANT) {
            fs.add(f("constant", struct(f("level", EvdevIoctls.s16(b, U)), f("envelope", envelope(b, U + 2)))));
        } else if (type == FF_RAMP) {
            fs.add(f("ramp", struct(f("start_level", EvdevIoctls.s16(b, U)), f("end_level", EvdevIoctls.s16(b, U + 2)),
                    f("envelope", envelope(b, U + 4)))));
        } else if (type == FF_PERIODIC) {
            fs.add(f("periodic", struct(f("waveform", EvdevIoctls.u16(b, U)), f("period", EvdevIoctls.u16(b, U + 2)),
                    f("magnitude", EvdevIoctls.s16(b, U + 4)), f("offset", EvdevIoctls.s16(b, U + 6)),
                    f("phase", EvdevIoctls.u16(b, U + 8)), f("envelope", envelope(b, U + 10)),
                    f("custom_len", new Value.Num(MemoryView.u32(b, U + 20), Value.Radix.UDEC)),
                    f("custom_data", new Value.Ptr(MemoryView.u64(b, U + 24))))));
        } else if (type == FF_RUMBLE) {
            fs.add(f("rumble", struct(f("strong_magnitude", EvdevIoctls.u16(b, U)),
                    f("weak_magnitude", EvdevIoctls.u16(b, U + 2)))));
        }
        return new Value.Struct(fs, false);
    }

    private static Value envelope(byte[] b, int off) {
        return struct(f("attack_length", EvdevIoctls.u16(b, off)), f("attack_level", EvdevIoctls.u16(b, off + 2)),
                f("fade_length", EvdevIoctls.u16(b, off + 4)),
                f("fade_level", new Value.Num(MemoryView.u16(b, off + 6), Value.Radix.HEX)));
    }

    private static Value.Field f(String name, Value v) {
        return new Value.Field(name, v);
    }

    private static Value struct(Value.Field... fs) {
        return new Value.Struct(List.of(fs), false);
    }
}
