package dev.jstrace.decode;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * futex_waitv(waiters, nr_futexes, flags, timeout, clockid) as strace 6.1 prints it
 * (src/futex_waitv.c): the waiters as an array of {@code {val, uaddr, flags}} (with
 * {@code __reserved} when it is not 0) of at most FUTEX_WAITV_MAX elements, the count, the
 * flags in hex, the timeout and the clock.
 */
final class FutexWaitvFormat implements CallFormat {
    /** {@code struct futex_waitv} (linux/futex.h). */
    static final StructLayout FUTEX_WAITV = MemoryLayout.structLayout(JAVA_LONG.withName("val"),
            JAVA_LONG.withName("uaddr"), JAVA_INT.withName("flags"), JAVA_INT.withName("__reserved"))
            .withName("struct futex_waitv");
    private static final Member VAL = Member.of(FUTEX_WAITV, "val"), UADDR = Member.of(FUTEX_WAITV, "uaddr"),
            FLAGS = Member.of(FUTEX_WAITV, "flags"), RESERVED = Member.of(FUTEX_WAITV, "__reserved");
    private static final int SIZE = (int) FUTEX_WAITV.byteSize();
    static final ConstTable WAITER_FLAGS = ConstTable.flags("FUTEX_???", "FUTEX_32 FUTEX_PRIVATE_FLAG");
    /** strace prints at most this many waiters, then {@code ...}. */
    private static final long WAITV_MAX = HeaderValues.common("FUTEX_WAITV_MAX");

    @Override
    public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
        long n = Math.min(args[1] & 0xffffffffL, WAITV_MAX);
        long count = ArrayDecoder.captureCount(opt, n);
        if (args[0] != 0 && count > 0) mem.bytes(args[0], (int) (count * SIZE));
        if (args[3] != 0) mem.bytes(args[3], StructLayouts.size(StructLayouts.TIMESPEC));
    }

    @Override
    public Decoded decode(CallContext c) {
        long n = c.arg(1) & 0xffffffffL;
        Value waiters = ArrayDecoder.decode(c, c.in, c.arg(0), Math.min(n, WAITV_MAX), SIZE, FutexWaitvFormat::waiter);
        if (n > WAITV_MAX && waiters instanceof Value.Array a && !a.more()) {
            // strace's print_waiter stops after FUTEX_WAITV_MAX elements with "...".
            waiters = new Value.Array(a.items(), true);
        }
        List<Value> out = new ArrayList<>(5);
        out.add(waiters);
        out.add(new Value.Num(n, Value.Radix.UDEC));
        out.add(new Value.Num(c.arg(2) & 0xffffffffL, Value.Radix.HEX));
        out.add(StructDecoders.timespec(c.in, c.arg(3)));
        out.add(Constants.CLOCK.sym(c.arg(4) & 0xffffffffL));
        return Decoded.atEntry(out);
    }

    private static Value waiter(byte[] b, int off) {
        List<Value.Field> fs = new ArrayList<>(4);
        fs.add(new Value.Field("val", new Value.Num(MemoryView.u64(b, off + VAL.offset()), Value.Radix.HEX)));
        fs.add(new Value.Field("uaddr", new Value.Ptr(MemoryView.u64(b, off + UADDR.offset()))));
        fs.add(new Value.Field("flags", WAITER_FLAGS.sym(MemoryView.u32(b, off + FLAGS.offset()))));
        long reserved = MemoryView.u32(b, off + RESERVED.offset());
        if (reserved != 0) fs.add(new Value.Field("__reserved", new Value.Num(reserved, Value.Radix.HEX)));
        return new Value.Struct(fs, false);
    }
}
