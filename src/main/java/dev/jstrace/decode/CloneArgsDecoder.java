package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.dec;
import static dev.jstrace.decode.StructDecoders.f;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * clone3's {@code struct clone_args} as strace 6.1 prints it: {@code {flags=CLONE_VM|...,
 * child_tid=0x7f..., parent_tid=0x7f..., exit_signal=0, stack=0x7f..., stack_size=0x7fff00,
 * tls=0x7f...} => {parent_tid=[28987]}}: the struct at entry, the thread id the kernel
 * stored through parent_tid after the call.
 */
final class CloneArgsDecoder extends StructDecoder {
    /** linux/sched.h's {@code struct clone_args}, every member a __u64 (CLONE_ARGS_SIZE_VER2). */
    static final StructLayout LAYOUT = structLayout(JAVA_LONG.withName("flags"), JAVA_LONG.withName("pidfd"),
            JAVA_LONG.withName("child_tid"), JAVA_LONG.withName("parent_tid"), JAVA_LONG.withName("exit_signal"),
            JAVA_LONG.withName("stack"), JAVA_LONG.withName("stack_size"), JAVA_LONG.withName("tls"),
            JAVA_LONG.withName("set_tid"), JAVA_LONG.withName("set_tid_size"), JAVA_LONG.withName("cgroup"))
            .withName("struct clone_args");
    private static final Member FLAGS = m("flags"), PIDFD = m("pidfd"), CHILD_TID = m("child_tid"),
            PARENT_TID = m("parent_tid"), EXIT_SIGNAL = m("exit_signal"), STACK = m("stack"),
            STACK_SIZE = m("stack_size"), TLS = m("tls");
    /** CLONE_ARGS_SIZE_VER0: the struct up to tls, the least a caller passes and all strace prints. */
    static final int VER0 = m("set_tid").offset();
    private static final int PARENT_TID_SIZE = (int) JAVA_INT.byteSize();
    private static final long CLONE_PIDFD = 0x1000, CLONE_CHILD_SETTID = 0x1000000, CLONE_CHILD_CLEARTID = 0x200000,
            CLONE_PARENT_SETTID = 0x100000, CLONE_SETTLS = 0x80000;

    CloneArgsDecoder() {
        super("#include <linux/sched.h>\n", LAYOUT);
    }

    private static Member m(String name) {
        return Member.of(LAYOUT, name);
    }

    /** The caller's struct: its size argument, at least VER0, at most what is declared here. */
    private int copied(Arch arch, long size) {
        return (int) Math.max(VER0, Math.min(size, size(arch)));
    }

    @Override
    void capture(Arch arch, long[] args, int i, long rval, TraceeMemory mem) {
        if (args[i] != 0) mem.bytes(args[i], copied(arch, i + 1 < args.length ? args[i + 1] : 0));
    }

    @Override
    void captureAfter(Arch arch, long[] args, int i, long rval, TraceeMemory mem) {
        if (args[i] == 0) return;
        var r = mem.bytes(args[i], VER0);
        if (r.data().length >= VER0 && (FLAGS.u(r.data()) & CLONE_PARENT_SETTID) != 0) {
            long ptid = PARENT_TID.u(r.data());
            if (ptid != 0) mem.bytes(ptid, PARENT_TID_SIZE);
        }
    }

    @Override
    Value decodeArg(CallContext c, int i, boolean atExit) {
        long a = c.arg(i);
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(c.in, a, VER0);
        return b == null ? new Value.Unreadable(a) : decode(c, c.in, a, b);
    }

    @Override
    Value decode(CallContext c, Snapshot mem, long addr, byte[] b) {
        long flags = FLAGS.u(b);
        List<Value.Field> fs = new ArrayList<>(9);
        fs.add(f("flags", c.sym(Constants.CLONE_FLAGS, flags)));
        if ((flags & CLONE_PIDFD) != 0) fs.add(f("pidfd", new Value.Ptr(PIDFD.u(b))));
        if ((flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0) {
            fs.add(f("child_tid", new Value.Ptr(CHILD_TID.u(b))));
        }
        if ((flags & CLONE_PARENT_SETTID) != 0) fs.add(f("parent_tid", new Value.Ptr(PARENT_TID.u(b))));
        long sig = EXIT_SIGNAL.u(b);
        fs.add(f("exit_signal", sig == 0 ? dec(0) : ArgDecoder.signal(c, (int) sig)));
        fs.add(f("stack", new Value.Ptr(STACK.u(b))));
        fs.add(f("stack_size", new Value.Num(STACK_SIZE.u(b), Value.Radix.HEX)));
        if ((flags & CLONE_SETTLS) != 0) fs.add(f("tls", new Value.Ptr(TLS.u(b))));
        Value args = new Value.Struct(fs, false);
        long ptid = PARENT_TID.u(b);
        byte[] after = (flags & CLONE_PARENT_SETTID) != 0 && c.succeeded()
                ? MemoryView.struct(c.out, ptid, PARENT_TID_SIZE) : null;
        if (after == null) return args;
        return new Value.Text(c.text(args) + " => {parent_tid=[" + MemoryView.s32(after, 0) + "]}");
    }
}
