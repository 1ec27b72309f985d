package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.f;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * io_getevents(2) and io_pgetevents(2) as strace 6.1's aio.c prints them (print_io_getevents): the
 * context as an address and the counts signed at entry; at exit the events the kernel returned
 * (print_array: the address after an error), then the timeout and io_pgetevents' {@code struct
 * __aio_sigset}, both read at entry by the kernel and printed the same whether the call failed or not.
 */
final class AioFormats {
    private static final int IO_EVENT_SIZE = StructLayouts.size(CallStructLayouts.IO_EVENT);
    private static final int SIGSET_PAIR_SIZE = StructLayouts.size(CallStructLayouts.PSELECT6_SIGMASK);
    /** The kernel's sigset_t in bytes (NSIG_BYTES): the largest sigsetsize strace reads. */
    private static final int NSIG_BYTES = dev.jstrace.arch.gen.Signals.NSIG / 8;

    private AioFormats() {}

    /** io_getevents (no signal set) and io_pgetevents. */
    static final class IoGetevents implements CallFormat {
        private final boolean hasSig;

        IoGetevents(boolean hasSig) {
            this.hasSig = hasSig;
        }

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (args[4] != 0) mem.bytes(args[4], StructLayouts.size(StructLayouts.TIMESPEC));
            if (hasSig && args[5] != 0) {
                var r = mem.bytes(args[5], SIGSET_PAIR_SIZE);
                if (r.data().length == SIGSET_PAIR_SIZE) {
                    long set = CallStructLayouts.PS_SS.u(r.data()), len = CallStructLayouts.PS_SS_LEN.u(r.data());
                    if (set != 0 && len > 0 && len <= NSIG_BYTES) mem.bytes(set, (int) len);
                }
            }
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            long n = ArrayDecoder.captureCount(opt, rval);
            if (args[3] != 0 && n > 0) mem.bytes(args[3], (int) (n * IO_EVENT_SIZE));
        }

        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = new ArrayList<>(6);
            out.add(new Value.Ptr(c.arg(0)));
            out.add(new Value.Num(c.arg(1), Value.Radix.DEC));
            out.add(new Value.Num(c.arg(2), Value.Radix.DEC));
            if (!c.returned) return new Decoded(out, 3, null);
            long events = c.arg(3);
            out.add(!c.succeeded() || events == 0 ? new Value.Ptr(events)
                    : ArrayDecoder.decode(c, c.out, events, c.rval, IO_EVENT_SIZE, (b, off) -> new Value.Struct(List.of(
                            f("data", new Value.Num(CallStructLayouts.IOEV_DATA.u(b, off), Value.Radix.HEX)),
                            f("obj", new Value.Num(CallStructLayouts.IOEV_OBJ.u(b, off), Value.Radix.HEX)),
                            f("res", new Value.Num(CallStructLayouts.IOEV_RES.s(b, off), Value.Radix.DEC)),
                            f("res2", new Value.Num(CallStructLayouts.IOEV_RES2.s(b, off), Value.Radix.DEC))), false)));
            out.add(StructDecoders.timespec(c.in, c.arg(4)));
            if (hasSig) out.add(sigset(c, c.arg(5)));
            return new Decoded(out, 3, null);
        }

        /** strace's print_kernel_sigset: {@code {sigmask=[SYS], sigsetsize=8}}, the mask by print_sigset_addr_len. */
        private static Value sigset(CallContext c, long a) {
            if (a == 0) return new Value.Ptr(0);
            byte[] b = MemoryView.struct(c.in, a, SIGSET_PAIR_SIZE);
            if (b == null) return new Value.Unreadable(a);
            long set = CallStructLayouts.PS_SS.u(b), len = CallStructLayouts.PS_SS_LEN.u(b);
            Value mask;
            // print_sigset_addr_len: a size below a word or above the kernel's sigset is the address.
            if (set == 0 || Long.compareUnsigned(len, Long.BYTES) < 0 || Long.compareUnsigned(len, NSIG_BYTES) > 0) {
                mask = new Value.Ptr(set);
            } else {
                byte[] m = MemoryView.struct(c.in, set, (int) len);
                long bits = 0;
                if (m != null) for (int k = 0; k < len && k < Long.BYTES; k++) bits |= (m[k] & 0xffL) << (8 * k);
                mask = m == null ? new Value.Unreadable(set) : new Value.Text(SignalNames.sigset(bits, (int) len * 8,
                        c.opt.xlat()));
            }
            return new Value.Struct(List.of(f("sigmask", mask),
                    f("sigsetsize", new Value.Num(len, Value.Radix.UDEC))), false);
        }
    }
}
