package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.f;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * timer_create(2) as strace 6.1 prints it: the clock, the struct sigevent read at entry
 * ({@code print_sigevent}), and at exit the timer id the kernel stored ({@code [0]}).
 */
final class TimerCreateFormat implements CallFormat {
    /**
     * The bytes strace reads of a struct sigevent: its own struct_sigevent (sigevent.h) ends with the
     * union's largest member, SIGEV_THREAD's function and attributes, short of glibc's padding to 64
     * bytes; a sigevent whose padding is unmapped still prints.
     */
    static final int SIGEVENT_SIZE = CallStructLayouts.SIGEV_ATTRIBUTES.offset() + CallStructLayouts.SIGEV_ATTRIBUTES.size();
    private static final ConstTable SIGEV_NOTIFY = ConstTable.enumHex("SIGEV_???",
            "SIGEV_SIGNAL SIGEV_NONE SIGEV_THREAD SIGEV_THREAD_ID");

    @Override
    public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
        if (args[1] != 0) mem.bytes(args[1], SIGEVENT_SIZE);
    }

    @Override
    public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (args[2] != 0) mem.bytes(args[2], 4);
    }

    @Override
    public Decoded decode(CallContext c) {
        long id = c.arg(2);
        byte[] b = c.succeeded() && id != 0 ? MemoryView.struct(c.out, id, 4) : null;
        Value timer = b == null ? new Value.Ptr(id)
                : new Value.Array(List.of(new Value.Num(MemoryView.s32(b, 0), Value.Radix.DEC)), false);
        return new Decoded(List.of(c.sym(Constants.CLOCK, c.arg(0) & 0xffffffffL), sigevent(c, c.in, c.arg(1)),
                timer), 2, null);
    }

    /** {@return mq_notify's sevp: a struct sigevent printed as {@link #sigevent} prints it} */
    static ArgListFormat.Arg sigeventArg() {
        return new ArgListFormat.Arg() {
            @Override
            public void capture(long a, TraceeMemory mem, DecodeOptions opt) {
                if (a != 0) mem.bytes(a, SIGEVENT_SIZE);
            }

            @Override
            public Value decode(CallContext c, int i) {
                return sigevent(c, c.in, c.arg(i));
            }
        };
    }

    /**
     * strace's print_sigevent: {@code {sigev_value={sival_int=N, sival_ptr=0x...}, sigev_signo=SIGALRM,
     * sigev_notify=SIGEV_SIGNAL}}, the value only when not zero, the signal by name only for the
     * notifications that send one, and the thread id or function and attributes after.
     */
    static Value sigevent(CallContext c, Snapshot mem, long a) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(mem, a, SIGEVENT_SIZE);
        if (b == null) return new Value.Unreadable(a);
        List<Value.Field> fs = new ArrayList<>(5);
        long value = CallStructLayouts.SIGEV_VALUE.u(b);
        if (value != 0) {
            fs.add(f("sigev_value", new Value.Struct(List.of(
                    f("sival_int", new Value.Num((int) value, Value.Radix.DEC)), // sival_int: the union's low half (little-endian)
                    f("sival_ptr", new Value.Num(value, Value.Radix.HEX))), false)));
        }
        int signo = (int) CallStructLayouts.SIGEV_SIGNO.s(b), notify = (int) CallStructLayouts.SIGEV_NOTIFY.s(b);
        String how = SIGEV_NOTIFY.name(notify & 0xffffffffL);
        boolean signals = "SIGEV_SIGNAL".equals(how) || "SIGEV_THREAD".equals(how) || "SIGEV_THREAD_ID".equals(how);
        fs.add(f("sigev_signo", signals ? ArgDecoder.signal(c, signo)
                : new Value.Num(signo & 0xffffffffL, Value.Radix.DEC)));
        fs.add(f("sigev_notify", c.sym(SIGEV_NOTIFY, notify & 0xffffffffL)));
        if ("SIGEV_THREAD_ID".equals(how)) {
            fs.add(f("sigev_notify_thread_id", new Value.Num(CallStructLayouts.SIGEV_THREAD_ID.s(b),
                    Value.Radix.DEC)));
        } else if ("SIGEV_THREAD".equals(how)) {
            fs.add(f("sigev_notify_function", new Value.Ptr(CallStructLayouts.SIGEV_FUNCTION.u(b))));
            fs.add(f("sigev_notify_attributes", new Value.Ptr(CallStructLayouts.SIGEV_ATTRIBUTES.u(b))));
        }
        return new Value.Struct(fs, false);
    }
}
