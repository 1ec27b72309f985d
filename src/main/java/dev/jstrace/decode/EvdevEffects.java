package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.MemoryLayout.unionLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.arch.gen.Constants;
import dev.jstrace.decode.StructLayouts.Member;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * EVIOCSFF's struct ff_effect as strace 6.1's src/evdev_mpers.c prints it: type, id and
 * direction, then under {@code -v} the trigger, the replay and the union member the type
 * selects (constant, ramp, periodic, rumble). The structs are linux/input.h's, declared below.
 */
final class EvdevEffects {
    static final StructLayout FF_ENVELOPE = structLayout(JAVA_SHORT.withName("attack_length"),
            JAVA_SHORT.withName("attack_level"), JAVA_SHORT.withName("fade_length"), JAVA_SHORT.withName("fade_level"))
            .withName("struct ff_envelope");
    static final StructLayout FF_CONSTANT_EFFECT = structLayout(JAVA_SHORT.withName("level"),
            FF_ENVELOPE.withName("envelope")).withName("struct ff_constant_effect");
    static final StructLayout FF_RAMP_EFFECT = structLayout(JAVA_SHORT.withName("start_level"),
            JAVA_SHORT.withName("end_level"), FF_ENVELOPE.withName("envelope")).withName("struct ff_ramp_effect");
    static final StructLayout FF_PERIODIC_EFFECT = structLayout(JAVA_SHORT.withName("waveform"),
            JAVA_SHORT.withName("period"), JAVA_SHORT.withName("magnitude"), JAVA_SHORT.withName("offset"),
            JAVA_SHORT.withName("phase"), FF_ENVELOPE.withName("envelope"), paddingLayout(2),
            JAVA_INT.withName("custom_len"), JAVA_LONG.withName("custom_data")).withName("struct ff_periodic_effect");
    static final StructLayout FF_CONDITION_EFFECT = structLayout(JAVA_SHORT.withName("right_saturation"),
            JAVA_SHORT.withName("left_saturation"), JAVA_SHORT.withName("right_coeff"), JAVA_SHORT.withName("left_coeff"),
            JAVA_SHORT.withName("deadband"), JAVA_SHORT.withName("center")).withName("struct ff_condition_effect");
    static final StructLayout FF_RUMBLE_EFFECT = structLayout(JAVA_SHORT.withName("strong_magnitude"),
            JAVA_SHORT.withName("weak_magnitude")).withName("struct ff_rumble_effect");
    /** {@code struct ff_effect}: the header, then the union the type selects (8-aligned by custom_data). */
    static final StructLayout FF_EFFECT = structLayout(JAVA_SHORT.withName("type"), JAVA_SHORT.withName("id"),
            JAVA_SHORT.withName("direction"),
            structLayout(JAVA_SHORT.withName("button"), JAVA_SHORT.withName("interval")).withName("trigger"),
            structLayout(JAVA_SHORT.withName("length"), JAVA_SHORT.withName("delay")).withName("replay"),
            paddingLayout(2), unionLayout(FF_CONSTANT_EFFECT.withName("constant"), FF_RAMP_EFFECT.withName("ramp"),
                    FF_PERIODIC_EFFECT.withName("periodic"),
                    sequenceLayout(2, FF_CONDITION_EFFECT).withName("condition"), FF_RUMBLE_EFFECT.withName("rumble"))
                    .withName("u")).withName("struct ff_effect");
    /** The layouts above with their header, for the probe. */
    static final List<CallStructLayouts.Declared> LAYOUTS = java.util.stream.Stream.of(FF_ENVELOPE,
            FF_CONSTANT_EFFECT, FF_RAMP_EFFECT, FF_PERIODIC_EFFECT, FF_CONDITION_EFFECT, FF_RUMBLE_EFFECT, FF_EFFECT)
            .map(l -> new CallStructLayouts.Declared(l, "#include <linux/input.h>\n")).toList();
    /** sizeof(struct ff_effect). */
    static final int SIZE = StructLayouts.size(FF_EFFECT);
    private static final int FF_CONSTANT = value("FF_CONSTANT"), FF_RAMP = value("FF_RAMP"),
            FF_PERIODIC = value("FF_PERIODIC"), FF_RUMBLE = value("FF_RUMBLE");

    private EvdevEffects() {}

    private static int value(String name) {
        for (Constants.Named n : Constants.EVDEV_FF_TYPES) if (n.name().equals(name)) return (int) n.value();
        throw new IllegalStateException(name + " is not in the generated table");
    }

    private static Member m(String path) {
        return Member.of(FF_EFFECT, path);
    }

    private static Value.Field u(String name, byte[] b, Member m) {
        return f(name, new Value.Num(m.u(b), Value.Radix.UDEC));
    }

    private static Value.Field d(String name, byte[] b, Member m) {
        return f(name, new Value.Num(m.s(b), Value.Radix.DEC));
    }

    static Value ffEffect(CallContext c, long a) {
        byte[] b = MemoryView.struct(c.in, a, SIZE);
        if (b == null) return new Value.Ptr(a);
        int type = (int) m("type").u(b);
        List<Value.Field> fs = new ArrayList<>(6);
        fs.add(new Value.Field("type", EvdevIoctls.sym(Constants.EVDEV_FF_TYPES, type, "FF_???")));
        fs.add(d("id", b, m("id")));
        fs.add(u("direction", b, m("direction")));
        if (!c.opt.verbose()) return new Value.Struct(fs, true);
        fs.add(f("trigger", struct(u("button", b, m("trigger.button")), u("interval", b, m("trigger.interval")))));
        fs.add(f("replay", struct(u("length", b, m("replay.length")), u("delay", b, m("replay.delay")))));
        if (type == FF_CONSTANT) {
            fs.add(f("constant", struct(d("level", b, m("u.constant.level")),
                    f("envelope", envelope(b, "u.constant.envelope")))));
        } else if (type == FF_RAMP) {
            fs.add(f("ramp", struct(d("start_level", b, m("u.ramp.start_level")),
                    d("end_level", b, m("u.ramp.end_level")), f("envelope", envelope(b, "u.ramp.envelope")))));
        } else if (type == FF_PERIODIC) {
            fs.add(f("periodic", struct(u("waveform", b, m("u.periodic.waveform")),
                    u("period", b, m("u.periodic.period")), d("magnitude", b, m("u.periodic.magnitude")),
                    d("offset", b, m("u.periodic.offset")), u("phase", b, m("u.periodic.phase")),
                    f("envelope", envelope(b, "u.periodic.envelope")), u("custom_len", b, m("u.periodic.custom_len")),
                    f("custom_data", new Value.Ptr(m("u.periodic.custom_data").u(b))))));
        } else if (type == FF_RUMBLE) {
            fs.add(f("rumble", struct(u("strong_magnitude", b, m("u.rumble.strong_magnitude")),
                    u("weak_magnitude", b, m("u.rumble.weak_magnitude")))));
        }
        return new Value.Struct(fs, false);
    }

    private static Value envelope(byte[] b, String at) {
        return struct(u("attack_length", b, m(at + ".attack_length")), u("attack_level", b, m(at + ".attack_level")),
                u("fade_length", b, m(at + ".fade_length")),
                f("fade_level", new Value.Num(m(at + ".fade_level").u(b), Value.Radix.HEX)));
    }

    private static Value.Field f(String name, Value v) {
        return new Value.Field(name, v);
    }

    private static Value struct(Value.Field... fs) {
        return new Value.Struct(List.of(fs), false);
    }
}
