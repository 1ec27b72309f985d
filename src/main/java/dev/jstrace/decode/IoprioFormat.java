package dev.jstrace.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * ioprio_get(2) and ioprio_set(2) as strace prints them (src/ioprio.c): {@code which}
 * by name, the priority as {@code IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)} (an argument
 * of ioprio_set, the result of ioprio_get), the number alone under {@code -X raw}.
 */
final class IoprioFormat implements CallFormat {
    /** linux/ioprio.h declares these as enumerators without values, which the generator does not read. */
    static final ConstTable WHO = ConstTable.enumHex("IOPRIO_WHO_???",
            "IOPRIO_WHO_PROCESS IOPRIO_WHO_PGRP IOPRIO_WHO_USER");
    static final ConstTable CLASS = ConstTable.enumHex("IOPRIO_CLASS_???",
            "IOPRIO_CLASS_NONE IOPRIO_CLASS_RT IOPRIO_CLASS_BE IOPRIO_CLASS_IDLE");
    private static final int CLASS_SHIFT = 13;

    private final boolean set;

    IoprioFormat(boolean set) {
        this.set = set;
    }

    @Override
    public Decoded decode(CallContext c) {
        List<Value> out = new ArrayList<>(3);
        out.add(WHO.sym(c.arg(0) & 0xffffffffL));
        // strace's ioprio: a process id for IOPRIO_WHO_PROCESS, a group's for IOPRIO_WHO_PGRP, a uid else.
        out.add(switch ((int) c.arg(0)) {
            case 1 -> c.pid((int) c.arg(1), PidNamespaces.Kind.TGID);
            case 2 -> c.pid((int) c.arg(1), PidNamespaces.Kind.PGID);
            default -> new Value.Num((int) c.arg(1), Value.Radix.DEC);
        });
        DecodeOptions.Xlat x = c.opt.xlat();
        if (set) {
            int prio = (int) c.arg(2);
            String text = switch (x) {
                case RAW -> Integer.toString(prio);
                case ABBREV -> value(prio, x);
                case VERBOSE -> prio + " /* " + value(prio, x) + " */";
            };
            out.add(new Value.Text(text));
            return Decoded.atEntry(out);
        }
        String result = null;
        if (c.succeeded() && x != DecodeOptions.Xlat.RAW) result = c.rval + " (" + value((int) c.rval, x) + ")";
        return new Decoded(out, out.size(), result);
    }

    /** strace's sprint_ioprio: {@code IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 8191)}, the class under {@code -X}. */
    private static String value(int ioprio, DecodeOptions.Xlat x) {
        long cls = (ioprio & 0xffffffffL) >>> CLASS_SHIFT;
        int data = ioprio & ((1 << CLASS_SHIFT) - 1);
        return "IOPRIO_PRIO_VALUE(" + CLASS.render(cls, x) + ", " + data + ")";
    }
}
