package dev.jstrace.decode;

import static dev.jstrace.decode.MemoryView.s32;
import static dev.jstrace.decode.MemoryView.u16;
import static dev.jstrace.decode.MemoryView.u32;
import static dev.jstrace.decode.MemoryView.u64;
import static dev.jstrace.decode.StructDecoders.dec;
import static dev.jstrace.decode.StructDecoders.f;
import static dev.jstrace.decode.StructDecoders.udec;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** msghdr, pollfd, epoll_event, utsname, sysinfo, rusage and clone_args. */
final class OtherStructs {
    private OtherStructs() {}

    /** sizeof(struct epoll_event): packed (12) on x86-64, naturally aligned (16) elsewhere. */
    static int epollEventSize(Arch arch) {
        return StructLayouts.size(StructLayouts.epollEvent(arch));
    }

    // Entry points, one per argument type (ArgDecoder's exhaustive switch calls them):
    // NULL prints as NULL; an output struct only after a successful return.

    static Value msghdrIn(CallContext c, long a) {
        return MsghdrDecoder.print(c, c.in, a, null, -1L);
    }

    /** SYS_FUNC(recvmsg): after an error only the length given, {@code {msg_namelen=N}}. */
    static Value msghdrOut(CallContext c, long a) {
        byte[] in = a == 0 ? null : MemoryView.struct(c.in, a, StructLayouts.size(StructLayouts.MSGHDR));
        if (in == null) return new Value.Ptr(a);
        int namelen = s32(in, StructLayouts.MSG_NAMELEN);
        if (!c.succeeded()) {
            return c.returned ? new Value.Struct(List.of(f("msg_namelen", dec(namelen))), false) : new Value.Ptr(a);
        }
        return MsghdrDecoder.print(c, c.out, a, namelen, c.rval);
    }

    static Value pollfd(CallContext c, int i, long a) {
        return PollDecoder.pollfds(c, a, c.arg(i + 1));
    }

    /** epoll_ctl's event, read at entry; for EPOLL_CTL_DEL the kernel ignores it and strace prints the address. */
    static Value epollEventIn(CallContext c, long a) {
        if ((c.arg(1) & 0xffffffffL) == EPOLL_CTL_DEL) return new Value.Ptr(a);
        return a == 0 ? new Value.Ptr(0) : epollEvents(c, c.in, a, 1, false);
    }

    private static final long EPOLL_CTL_DEL = Constants.EPOLL_CTL.parse("EPOLL_CTL_DEL");

    static Value epollEventsOut(CallContext c, long a) {
        return a == 0 || !c.succeeded() ? new Value.Ptr(a) : epollEvents(c, c.out, a, (int) c.rval, true);
    }

    private static Value epollEvents(CallContext c, Snapshot mem, long a, int n, boolean array) {
        StructLayout layout = StructLayouts.epollEvent(c.arch);
        int size = StructLayouts.size(layout);
        StructLayouts.Member events = StructLayouts.Member.of(layout, "events");
        StructLayouts.Member data = StructLayouts.Member.of(layout, "data");
        int shown = Math.min(Math.max(n, 0), c.opt.stringLimit());
        byte[] b = MemoryView.struct(mem, a, size * shown);
        if (b == null) return new Value.Unreadable(a);
        List<Value> items = new ArrayList<>(shown);
        for (int k = 0; k < shown; k++) {
            long d = data.u(b, size * k);
            items.add(new Value.Struct(List.of(f("events", c.sym(Constants.EPOLL_EVENTS, events.u(b, size * k))),
                    f("data", new Value.Struct(List.of(f("u32", udec(d & 0xffffffffL)), f("u64", udec(d))),
                            false))), false));
        }
        if (!array) return items.isEmpty() ? new Value.Ptr(a) : items.get(0);
        return new Value.Array(items, n > shown);
    }

    /** sizeof(stack_t) on 64-bit: ss_sp, ss_flags (padded), ss_size. */
    private static final ConstTable SS_FLAGS = ConstTable.flags("SS_???",
            "SS_ONSTACK SS_DISABLE SS_AUTODISARM");

    /**
     * struct itimerval or itimerspec (two timevals or timespecs, {@code unit} naming the second field):
     * {@code {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=1, tv_usec=500000}}}.
     */
    static Value itimer(Snapshot mem, long a, String unit) {
        if (a == 0) return new Value.Ptr(0);
        boolean nanos = unit.equals("tv_nsec");
        var layout = nanos ? StructLayouts.ITIMERSPEC : StructLayouts.ITIMERVAL;
        byte[] b = MemoryView.struct(mem, a, StructLayouts.size(layout));
        if (b == null) return new Value.Unreadable(a);
        List<Value.Field> fs = new ArrayList<>(2);
        String[] names = {"it_interval", "it_value"};
        int[] at = nanos ? new int[] {StructLayouts.ITS_INTERVAL, StructLayouts.ITS_VALUE}
                : new int[] {StructLayouts.IT_INTERVAL, StructLayouts.IT_VALUE};
        int sec = nanos ? StructLayouts.TS_SEC : StructLayouts.TV_SEC;
        int frac = nanos ? StructLayouts.TS_NSEC : StructLayouts.TV_USEC;
        for (int k = 0; k < 2; k++) {
            fs.add(new Value.Field(names[k], new Value.Struct(List.of(
                    new Value.Field("tv_sec", new Value.Num(MemoryView.u64(b, at[k] + sec), Value.Radix.DEC)),
                    new Value.Field(unit, new Value.Num(MemoryView.u64(b, at[k] + frac), Value.Radix.UDEC))), false)));
        }
        return new Value.Struct(fs, false);
    }

    /** USER_HZ: the kernel reports clock_t in these ticks per second on every supported arch. */
    private static final long USER_HZ = 100;

    /** times(2)'s struct tms: {@code {tms_utime=11 /* 0.11 s * /, tms_stime=0, ...}}. */
    static Value tms(CallContext c, long a) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(c.out, a, StructLayouts.size(StructLayouts.TMS));
        if (b == null) return new Value.Unreadable(a);
        List<Value.Field> fs = new ArrayList<>(4);
        for (var m : StructLayouts.TMS.memberLayouts()) {
            String name = m.name().orElseThrow();
            long ticks = u64(b, StructLayouts.offset(StructLayouts.TMS, name));
            Value v = new Value.Num(ticks, Value.Radix.UDEC);
            // strace adds the seconds, "%llu.%02llu s" for USER_HZ 100, to a non-zero count.
            // ... but not under -X raw (print_clock_t).
            boolean plain = ticks == 0 || c.opt.xlat() == DecodeOptions.Xlat.RAW;
            fs.add(f(name, plain ? v : new Value.Commented(v, Long.toUnsignedString(ticks / USER_HZ) + "."
                    + String.format("%02d", ticks % USER_HZ) + " s")));
        }
        return new Value.Struct(fs, false);
    }

    /** sigaltstack's stack_t: {@code {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}}. */
    static Value stack(CallContext c, Snapshot mem, long a) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(mem, a, StructLayouts.size(StructLayouts.STACK));
        if (b == null) return new Value.Unreadable(a);
        long sp = MemoryView.u64(b, StructLayouts.SS_SP);
        return new Value.Struct(List.of(
                new Value.Field("ss_sp", sp == 0 ? new Value.Ptr(0) : new Value.Num(sp, Value.Radix.HEX)),
                new Value.Field("ss_flags", c.sym(SS_FLAGS, MemoryView.s32(b, StructLayouts.SS_FLAGS) & 0xffffffffL)),
                new Value.Field("ss_size", new Value.Num(MemoryView.u64(b, StructLayouts.SS_SIZE), Value.Radix.UDEC))),
                false);
    }
}
