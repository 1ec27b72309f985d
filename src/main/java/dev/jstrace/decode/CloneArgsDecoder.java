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
            STACK_SIZE = m("stack_size"), TLS = m("tls"), SET_TID = m("set_tid"), SET_TID_SIZE = m("set_tid_size"),
            CGROUP = m("cgroup");
    /** CLONE_ARGS_SIZE_VER0: the struct up to tls, the least a caller passes and all strace prints. */
    static final int VER0 = m("set_tid").offset();
    private static final int PARENT_TID_SIZE = (int) JAVA_INT.byteSize();
    private static final long CLONE_PIDFD = 0x1000, CLONE_CHILD_SETTID = 0x1000000, CLONE_CHILD_CLEARTID = 0x200000,
            CLONE_PARENT_SETTID = 0x100000, CLONE_SETTLS = 0x80000, CLONE_INTO_CGROUP = 0x200000000L;
    /** strace's max_set_tid_size: a longer set_tid array prints as its address. */
    private static final long MAX_SET_TID_SIZE = 32;

    CloneArgsDecoder() {
        super("#include <linux/sched.h>\n", LAYOUT);
    }

    private static Member m(String name) {
        return Member.of(LAYOUT, name);
    }

    /** strace's fetch size: the caller's size, at most the struct strace 6.1 knows (88 bytes). */
    private int fetched(Arch arch, long size) {
        return (int) (Long.compareUnsigned(size, size(arch)) < 0 ? size : size(arch));
    }

    private static long sizeArg(long[] args, int i) {
        return i + 1 < args.length ? args[i + 1] : 0;
    }

    @Override
    void capture(Arch arch, long[] args, int i, long rval, TraceeMemory mem) {
        int fetch = fetched(arch, sizeArg(args, i));
        if (args[i] == 0 || fetch < VER0) return;
        byte[] b = mem.bytes(args[i], fetch).data();
        NonzeroBytes.capture(mem, args[i], fetch, sizeArg(args, i));
        if (b.length >= SET_TID_SIZE.offset() + Long.BYTES) {
            long setTid = SET_TID.u(b), n = SET_TID_SIZE.u(b);
            if (setTid != 0 && n != 0 && Long.compareUnsigned(n, MAX_SET_TID_SIZE) <= 0) {
                mem.bytes(setTid, (int) n * Integer.BYTES);
            }
        }
    }

    @Override
    void captureAfter(Arch arch, long[] args, int i, long rval, TraceeMemory mem) {
        int fetch = fetched(arch, sizeArg(args, i));
        if (args[i] == 0 || fetch < VER0) return;
        var r = mem.bytes(args[i], fetch);
        if (r.data().length < fetch) return;
        long flags = FLAGS.u(r.data());
        long pidfd = PIDFD.u(r.data()), ptid = PARENT_TID.u(r.data());
        boolean readPidfd = (flags & CLONE_PIDFD) != 0 && pidfd != 0;
        if (readPidfd) mem.bytes(pidfd, PARENT_TID_SIZE);
        // glibc's pthread_create points pidfd at the tid as well: it was read above only under CLONE_PIDFD.
        if ((flags & CLONE_PARENT_SETTID) != 0 && ptid != 0 && !(readPidfd && ptid == pidfd)) {
            mem.bytes(ptid, PARENT_TID_SIZE);
        }
        NonzeroBytes.capture(mem, args[i], fetch, sizeArg(args, i));
    }

    @Override
    Value decodeArg(CallContext c, int i, boolean atExit) {
        long a = c.arg(i);
        long size = c.arg(i + 1);
        int fetch = fetched(c.arch, size);
        if (a == 0 || fetch < VER0) return new Value.Ptr(a);
        byte[] b = MemoryView.struct(c.in, a, fetch);
        if (b == null) return new Value.Unreadable(a);
        // strace zeroes its struct, then reads fetch_size bytes into it.
        b = java.util.Arrays.copyOf(b, size(c.arch));
        Value entry = entry(c, a, size, fetch, b);
        if (!c.succeeded()) return entry;
        long flags = FLAGS.u(b);
        if ((flags & (CLONE_PIDFD | CLONE_PARENT_SETTID)) == 0 && Long.compareUnsigned(size, fetch) <= 0) return entry;
        return new Value.Text(c.text(entry) + exit(c, a, size, fetch));
    }

    @Override
    Value decode(CallContext c, Snapshot mem, long addr, byte[] b) {
        return entry(c, addr, b.length, b.length, java.util.Arrays.copyOf(b, size(c.arch)));
    }

    /** The struct as read at entry (strace's SYS_FUNC(clone3) entering part). */
    private Value entry(CallContext c, long addr, long size, int fetch, byte[] b) {
        long flags = FLAGS.u(b);
        List<Value.Field> fs = new ArrayList<>(12);
        fs.add(f("flags", c.sym(Constants.CLONE3_FLAGS, flags)));
        if ((flags & CLONE_PIDFD) != 0) fs.add(f("pidfd", new Value.Ptr(PIDFD.u(b))));
        if ((flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0) {
            fs.add(f("child_tid", new Value.Ptr(CHILD_TID.u(b))));
        }
        if ((flags & CLONE_PARENT_SETTID) != 0) fs.add(f("parent_tid", new Value.Ptr(PARENT_TID.u(b))));
        long sig = EXIT_SIGNAL.u(b);
        // strace compares the __u64 with INT_MAX: a bigger one is not a signal number.
        fs.add(f("exit_signal", Long.compareUnsigned(sig, Integer.MAX_VALUE) >= 0 ? StructDecoders.udec(sig)
                : sig == 0 ? dec(0) : ArgDecoder.signal(c, (int) sig)));
        fs.add(f("stack", new Value.Ptr(STACK.u(b))));
        fs.add(f("stack_size", new Value.Num(STACK_SIZE.u(b), Value.Radix.HEX)));
        if ((flags & CLONE_SETTLS) != 0) fs.add(f("tls", new Value.Ptr(TLS.u(b))));
        long setTid = SET_TID.u(b), setTidSize = SET_TID_SIZE.u(b);
        if (setTid != 0 || setTidSize != 0) {
            if (setTid == 0 || setTidSize == 0 || Long.compareUnsigned(setTidSize, MAX_SET_TID_SIZE) > 0) {
                fs.add(f("set_tid", new Value.Ptr(setTid)));
            } else {
                fs.add(f("set_tid", ArrayDecoder.decode(c, c.in, setTid, setTidSize, Integer.BYTES,
                        (d, off) -> dec(MemoryView.s32(d, off)))));
            }
            fs.add(f("set_tid_size", StructDecoders.udec(setTidSize)));
        }
        if (fetch > CGROUP.offset() && (CGROUP.u(b) != 0 || (flags & CLONE_INTO_CGROUP) != 0)) {
            fs.add(f("cgroup", StructDecoders.udec(CGROUP.u(b))));
        }
        Value tail = NonzeroBytes.decode(c, c.in, addr, fetch, size);
        if (tail != null) fs.add(f(null, tail));
        return new Value.Struct(fs, false);
    }

    /** What the kernel wrote, as strace's exiting part prints it: {@code  => {pidfd=[3], parent_tid=[123]}}. */
    private String exit(CallContext c, long addr, long size, int fetch) {
        byte[] b = MemoryView.struct(c.out, addr, fetch);
        if (b == null) return " => 0x" + Long.toHexString(addr);
        b = java.util.Arrays.copyOf(b, size(c.arch));
        long flags = FLAGS.u(b);
        List<Value.Field> fs = new ArrayList<>(3);
        if ((flags & CLONE_PIDFD) != 0) fs.add(f("pidfd", intAt(c, PIDFD.u(b))));
        if ((flags & CLONE_PARENT_SETTID) != 0) fs.add(f("parent_tid", intAt(c, PARENT_TID.u(b))));
        Value tail = NonzeroBytes.decode(c, c.out, addr, fetch, size);
        if (tail != null) fs.add(f(null, tail));
        return fs.isEmpty() ? "" : " => " + c.text(new Value.Struct(fs, false));
    }

    /** strace's printnum_fd/printnum_pid: {@code NULL}, the address when unreadable, else {@code [n]}. */
    private static Value intAt(CallContext c, long p) {
        if (p == 0) return new Value.Ptr(0);
        byte[] v = MemoryView.struct(c.out, p, PARENT_TID_SIZE);
        return v == null ? new Value.Ptr(p) : new Value.Text("[" + MemoryView.s32(v, 0) + "]");
    }
}
