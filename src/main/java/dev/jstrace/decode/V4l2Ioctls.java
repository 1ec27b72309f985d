package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The first of the video4linux2 ('V') requests as strace 6.1's src/v4l2.c prints them:
 * VIDIOC_ENUMINPUT's struct v4l2_input (the index at entry, the name and type after the call)
 * and VIDIOC_G_INPUT/VIDIOC_S_INPUT's input number. The other VIDIOC_ requests are not
 * decoded yet (their argument prints as a number).
 */
final class V4l2Ioctls extends DeclaredIoctls {
    /** The structs (a class of their own, read by the constructor whatever the initialisation order). */
    static final class Layouts {
        private Layouts() {}

        static final StructLayout INPUT = structLayout(JAVA_INT.withName("index"),
                sequenceLayout(32, JAVA_BYTE).withName("name"), JAVA_INT.withName("type"),
                JAVA_INT.withName("audioset"), JAVA_INT.withName("tuner"), JAVA_LONG.withName("std"),
                JAVA_INT.withName("status"), JAVA_INT.withName("capabilities"),
                sequenceLayout(3, JAVA_INT).withName("reserved"), paddingLayout(4)).withName("struct v4l2_input");
        static final List<CallStructLayouts.Declared> ALL = List.of(
                new CallStructLayouts.Declared(INPUT, "#include <linux/videodev2.h>\n"));
    }

    /** src/xlat/v4l2_input_types.in. */
    static final ConstTable INPUT_TYPES = ConstTable.enumHex("V4L2_INPUT_TYPE_???", "V4L2_INPUT_TYPE_TUNER"
            + " V4L2_INPUT_TYPE_CAMERA V4L2_INPUT_TYPE_TOUCH");
    private static final long ENUMINPUT = IoctlRequests.required("VIDIOC_ENUMINPUT");
    private static final int INPUT = StructLayouts.size(Layouts.INPUT);

    V4l2Ioctls() {
        exit("VIDIOC_G_INPUT", 4, (c, b, a) -> boxed(u(MemoryView.u32(b, 0))));
        entry("VIDIOC_S_INPUT", 4, (c, b, a) -> boxed(u(MemoryView.u32(b, 0))));
        entry("VIDIOC_ENUMINPUT", INPUT, (c, b, a) -> null);
    }

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        return Layouts.ALL;
    }

    @Override
    public void captureExit(long req, long arg, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (req == ENUMINPUT && arg != 0) mem.bytes(arg, INPUT);
        else super.captureExit(req, arg, rval, mem, opt);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        if (req != ENUMINPUT) return super.arg(c, req, a);
        byte[] in = IoctlFields.struct(c.in, a, INPUT);
        if (in == null) return IoctlFields.addr(a);
        List<Value.Field> fs = new ArrayList<>(3);
        fs.add(f("index", u(Member.of(Layouts.INPUT, "index").u(in))));
        if (!c.returned) {
            // The entry's part: the struct stays open until the exit's fields complete it.
            String t = c.text(new Value.Struct(fs, false));
            return new Value.Text(t.substring(0, t.length() - 1));
        }
        byte[] out = c.succeeded() ? IoctlFields.struct(c.out, a, INPUT) : null;
        if (out != null) {
            fs.add(IoctlFields.cstring("name", out, StructLayouts.offset(Layouts.INPUT, "name"), 32));
            fs.add(f("type", INPUT_TYPES.sym(Member.of(Layouts.INPUT, "type").u(out))));
        }
        return new Value.Struct(fs, false);
    }
}
