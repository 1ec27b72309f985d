package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * seccomp(2) as strace prints it (src/seccomp.c): the operation, then the flags and the
 * argument as the operation shapes them (a filter program, an action, the notification
 * sizes the kernel wrote).
 */
final class SeccompFormat implements CallFormat {
    static final ConstTable OPS = ConstTable.enumHex("SECCOMP_SET_MODE_???", """
            SECCOMP_SET_MODE_STRICT SECCOMP_SET_MODE_FILTER SECCOMP_GET_ACTION_AVAIL SECCOMP_GET_NOTIF_SIZES""");
    static final ConstTable FILTER_FLAGS = ConstTable.flags("SECCOMP_FILTER_FLAG_???", """
            SECCOMP_FILTER_FLAG_TSYNC SECCOMP_FILTER_FLAG_LOG SECCOMP_FILTER_FLAG_SPEC_ALLOW
            SECCOMP_FILTER_FLAG_NEW_LISTENER SECCOMP_FILTER_FLAG_TSYNC_ESRCH SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV""");
    private static final int SET_MODE_FILTER = 1, GET_ACTION_AVAIL = 2, GET_NOTIF_SIZES = 3;
    /** sizeof(struct seccomp_notif_sizes) ({@link CallStructLayouts#SECCOMP_NOTIF_SIZES}). */
    private static final int NOTIF_SIZES = StructLayouts.size(CallStructLayouts.SECCOMP_NOTIF_SIZES);

    @Override
    public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
        switch ((int) args[0]) {
            case SET_MODE_FILTER -> SeccompFilter.capture(mem, args[2], opt);
            case GET_ACTION_AVAIL -> {
                if (args[2] != 0) mem.bytes(args[2], 4);
            }
            default -> { }
        }
    }

    @Override
    public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
        if ((int) args[0] == GET_NOTIF_SIZES && args[2] != 0) mem.bytes(args[2], NOTIF_SIZES);
    }

    @Override
    public Decoded decode(CallContext c) {
        int op = (int) c.arg(0);
        long flags = c.arg(1) & 0xffffffffL;
        long a = c.arg(2);
        List<Value> out = new ArrayList<>(3);
        out.add(OPS.sym(op & 0xffffffffL));
        switch (op) {
            case GET_ACTION_AVAIL -> {
                out.add(new Value.Num(flags, Value.Radix.HEX));
                byte[] b = MemoryView.struct(c.in, a, 4);
                out.add(a == 0 ? new Value.Ptr(0) : b == null ? new Value.Unreadable(a)
                        : new Value.Array(List.of(SeccompFilter.RET_ACTION.sym(MemoryView.u32(b, 0))), false));
            }
            case GET_NOTIF_SIZES -> {
                out.add(new Value.Num(flags, Value.Radix.HEX));
                byte[] b = c.succeeded() ? MemoryView.struct(c.out, a, NOTIF_SIZES) : null;
                if (a == 0) {
                    out.add(new Value.Ptr(0));
                } else if (b == null) {
                    out.add(new Value.Unreadable(a));
                } else {
                    out.add(new Value.Struct(List.of(
                            new Value.Field("seccomp_notif", num(CallStructLayouts.NOTIF_SIZE, b)),
                            new Value.Field("seccomp_notif_resp", num(CallStructLayouts.NOTIF_RESP_SIZE, b)),
                            new Value.Field("seccomp_data", num(CallStructLayouts.NOTIF_DATA_SIZE, b))),
                            false));
                }
                return new Decoded(out, 2, null);
            }
            case SET_MODE_FILTER -> {
                out.add(FILTER_FLAGS.sym(flags));
                out.add(SeccompFilter.decode(c, a));
            }
            default -> {
                out.add(new Value.Num(flags, Value.Radix.HEX));
                out.add(new Value.Ptr(a));
            }
        }
        return Decoded.atEntry(out);
    }

    private static Value num(StructLayouts.Member m, byte[] b) {
        return new Value.Num(m.u(b), Value.Radix.DEC);
    }
}
