package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sched_* calls as strace prints them (src/sched.c, src/affinity.c): policies by
 * name ({@code = 0 (SCHED_OTHER)}), the priority through its pointer ({@code [0]}),
 * struct sched_attr, CPU sets ({@code [0 1]}) and the round-robin interval.
 */
final class SchedFormats {
    /** glibc's names; SCHED_ISO (4) is reserved in the kernel, so no header defines it. */
    static final ConstTable POLICIES = ConstTable.enumHex("SCHED_???",
            "SCHED_OTHER SCHED_FIFO SCHED_RR SCHED_BATCH SCHED_IDLE SCHED_DEADLINE");
    static final ConstTable FLAGS = ConstTable.flags("SCHED_FLAG_???", """
            SCHED_FLAG_RESET_ON_FORK SCHED_FLAG_RECLAIM SCHED_FLAG_DL_OVERRUN SCHED_FLAG_KEEP_POLICY
            SCHED_FLAG_KEEP_PARAMS SCHED_FLAG_UTIL_CLAMP_MIN SCHED_FLAG_UTIL_CLAMP_MAX""");
    /** sizeof(struct sched_attr): SCHED_ATTR_SIZE_VER0 and VER1 (with the utilization clamps). */
    static final int ATTR_VER0 = CallStructLayouts.SCHED_ATTR_VER0, ATTR_VER1 = CallStructLayouts.SCHED_ATTR_VER1;
    private static final long KEEP_POLICY = HeaderValues.common("SCHED_FLAG_KEEP_POLICY"),
            KEEP_PARAMS = HeaderValues.common("SCHED_FLAG_KEEP_PARAMS");

    /** sched_setattr's -E2BIG: the kernel wrote the size it supports into the struct. */
    private static final long MINUS_E2BIG = -dev.jstrace.arch.gen.Errnos.number("E2BIG");

    private SchedFormats() {}

    static Value pid(CallContext c, int i) {
        return c.pid((int) c.arg(i), PidNamespaces.Kind.TGID); // strace's printpid(..., PT_TGID)
    }

    /** printnum_int: {@code [N]} from {@code mem}, NULL, or the address. */
    static Value intIn(dev.jstrace.proc.Snapshot mem, long addr) {
        if (addr == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(mem, addr, 4);
        return b == null ? new Value.Unreadable(addr)
                : new Value.Array(List.of(new Value.Num(MemoryView.s32(b, 0), Value.Radix.DEC)), false);
    }

    private static void copy(TraceeMemory mem, long addr, long n) {
        if (addr != 0 && n > 0) mem.bytes(addr, (int) Math.min(n, 1 << 20));
    }

    /** sched_getscheduler: the policy's name after the result. */
    static final class GetScheduler implements CallFormat {
        @Override
        public Decoded decode(CallContext c) {
            String n = c.succeeded() ? POLICIES.name(c.rval) : null;
            return new Decoded(List.of(pid(c, 0)), 1, n == null ? null : c.rval + " (" + n + ")");
        }
    }

    /** sched_setscheduler and sched_setparam: the priority read at entry. */
    static final class SetParam implements CallFormat {
        private final boolean withPolicy;

        SetParam(boolean withPolicy) {
            this.withPolicy = withPolicy;
        }

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            copy(mem, args[withPolicy ? 2 : 1], 4);
        }

        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = new ArrayList<>(3);
            out.add(pid(c, 0));
            if (withPolicy) out.add(POLICIES.sym(c.arg(1) & 0xffffffffL));
            out.add(intIn(c.in, c.arg(withPolicy ? 2 : 1)));
            return Decoded.atEntry(out);
        }
    }

    /** sched_getparam: the priority the kernel wrote. */
    static final class GetParam implements CallFormat {
        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            copy(mem, args[1], 4);
        }

        @Override
        public Decoded decode(CallContext c) {
            Value v = c.succeeded() ? intIn(c.out, c.arg(1)) : new Value.Ptr(c.arg(1));
            return new Decoded(List.of(pid(c, 0), v), 1, null);
        }
    }

    /** sched_get_priority_min/max: the policy in hex when raw. */
    static final class PriorityLimit implements CallFormat {
        @Override
        public Decoded decode(CallContext c) {
            return Decoded.atEntry(List.of(POLICIES.sym(c.arg(0) & 0xffffffffL)));
        }
    }

    /** sched_rr_get_interval: the timespec at exit. */
    static final class RrGetInterval implements CallFormat {
        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            copy(mem, args[1], StructLayouts.TIMESPEC.byteSize());
        }

        @Override
        public Decoded decode(CallContext c) {
            Value v = c.succeeded() ? StructDecoders.timespec(c.out, c.arg(1)) : new Value.Ptr(c.arg(1));
            return new Decoded(List.of(pid(c, 0), v), 1, null);
        }
    }

    /** sched_setaffinity/sched_getaffinity: the CPU set, {@code [0 1]}, cut to the kernel's cpumask size. */
    static final class Affinity implements CallFormat {
        private final boolean set;

        Affinity(boolean set) {
            this.set = set;
        }

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (set) copy(mem, args[2], Math.min(args[1] & 0xffffffffL, cpusetSize()));
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            if (!set) copy(mem, args[2], rval);
        }

        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = new ArrayList<>(3);
            out.add(pid(c, 0));
            out.add(new Value.Num(c.arg(1) & 0xffffffffL, Value.Radix.DEC));
            if (set) {
                out.add(cpus(c.in, c.arg(2), c.arg(1) & 0xffffffffL, cpusetSize()));
                return Decoded.atEntry(out);
            }
            // A successful sched_getaffinity returns the kernel's cpumask size: all of it is the set.
            out.add(c.succeeded() ? cpus(c.out, c.arg(2), c.rval & 0xffffffffL, c.rval) : new Value.Ptr(c.arg(2)));
            return new Decoded(out, 2, null);
        }

        /** strace's print_affinitylist. */
        private static Value cpus(dev.jstrace.proc.Snapshot mem, long addr, long len, long max) {
            if (addr == 0) return new Value.Ptr(0);
            if (len == 0) return new Value.Text("[]");
            int size = (int) Math.min(len, max);
            byte[] b = MemoryView.struct(mem, addr, size);
            if (b == null) return new Value.Unreadable(addr);
            StringBuilder sb = new StringBuilder("[");
            for (int bit = 0; bit < size * 8; bit++) {
                if ((b[bit >> 3] & (1 << (bit & 7))) != 0) {
                    if (sb.length() > 1) sb.append(' ');
                    sb.append(bit);
                }
            }
            int rounded = (size + 7) / 8 * 8;
            if (rounded < len) sb.append(sb.length() > 1 ? " ..." : "...");
            return new Value.Text(sb.append(']').toString());
        }
    }

    private static int cpusetSize;

    /**
     * The kernel's cpumask size in bytes, which strace learns from a sched_getaffinity call of
     * its own: masks longer than this are cut, and {@code ...} marks the rest. Without that call
     * it is read from sysfs (kernel_max + 1 bits, a long per 64: NR_CPUS, the size kernels
     * without off-stack cpumasks use); a getaffinity result is the kernel's own answer.
     */
    static int cpusetSize() {
        if (cpusetSize == 0) {
            int cpus = 64;
            try {
                cpus = Integer.parseInt(Files.readString(Path.of("/sys/devices/system/cpu/kernel_max")).trim()) + 1;
            } catch (Exception e) {
                // No sysfs: one long, the size on any machine with up to 64 CPUs.
            }
            cpusetSize = (cpus + 63) / 64 * 8;
        }
        return cpusetSize;
    }

    /** sched_setattr/sched_getattr: struct sched_attr. */
    static final class Attr implements CallFormat {
        private final boolean set;

        Attr(boolean set) {
            this.set = set;
        }

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (set) copy(mem, args[1], ATTR_VER1);
        }

        @Override
        public boolean capturesAtFailedExit() {
            return set;
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            if (!set) copy(mem, args[1], Math.min(args[2] & 0xffffffffL, ATTR_VER1));
            // E2BIG: the kernel stored the size it supports in the struct's first field.
            else if (rval == MINUS_E2BIG) copy(mem, args[1], CallStructLayouts.SA_SIZE.size());
        }

        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = new ArrayList<>(4);
            out.add(pid(c, 0));
            if (set) {
                Value attr = attr(c.in, c.arg(1), 0);
                byte[] wanted = c.returned && c.rval == MINUS_E2BIG ? MemoryView.struct(c.out, c.arg(1),
                        CallStructLayouts.SA_SIZE.size()) : null;
                if (wanted != null) {
                    attr = new Value.Text(c.text(attr) + " => {size=" + CallStructLayouts.SA_SIZE.u(wanted) + "}");
                }
                out.add(attr);
                out.add(new Value.Num(c.arg(2) & 0xffffffffL, Value.Radix.DEC));
                // The struct joins the exit part: after E2BIG it carries the kernel's size (" => {size=56}").
                return new Decoded(out, 1, null);
            }
            long size = c.arg(2) & 0xffffffffL;
            long a = c.arg(1);
            out.add(size != 0 && c.succeeded() ? attr(c.out, a, size) : new Value.Ptr(a));
            out.add(new Value.Num(size, Value.Radix.DEC));
            out.add(new Value.Num(c.arg(3) & 0xffffffffL, Value.Radix.DEC));
            return new Decoded(out, 1, null);
        }

        /** strace's print_sched_attr; {@code usize} 0 for sched_setattr (the size comes from the struct). */
        private static Value attr(dev.jstrace.proc.Snapshot mem, long addr, long usize) {
            if (addr == 0) return new Value.Ptr(0);
            boolean isSet = usize == 0;
            Snapshot0 s = Snapshot0.of(mem, addr);
            if (s == null) return new Value.Unreadable(addr);
            long size;
            long declared = s.u(CallStructLayouts.SA_SIZE);
            if (!isSet) {
                size = Math.min(usize, ATTR_VER1);
                if (s.length() < size) return new Value.Unreadable(addr);
                size = declared;
            } else {
                usize = declared == 0 ? ATTR_VER0 : declared;
                size = Math.min(usize, ATTR_VER1);
                if (size >= ATTR_VER0 && s.length() < size) return new Value.Unreadable(addr);
            }
            List<Value.Field> fs = new ArrayList<>(10);
            fs.add(new Value.Field("size", new Value.Num(declared, Value.Radix.DEC)));
            if (size >= ATTR_VER0) {
                long policy = s.u(CallStructLayouts.SA_POLICY), flags = s.u(CallStructLayouts.SA_FLAGS);
                if (!isSet || (int) policy < 0 || (flags & (KEEP_POLICY | KEEP_PARAMS)) == 0) {
                    fs.add(new Value.Field("sched_policy", POLICIES.sym(policy)));
                }
                fs.add(new Value.Field("sched_flags", FLAGS.sym(flags)));
                if (!isSet || (flags & KEEP_PARAMS) == 0) {
                    fs.add(new Value.Field("sched_nice", new Value.Num((int) s.u(CallStructLayouts.SA_NICE),
                            Value.Radix.DEC)));
                    fs.add(new Value.Field("sched_priority", num(s, CallStructLayouts.SA_PRIORITY, Value.Radix.DEC)));
                    fs.add(new Value.Field("sched_runtime", num(s, CallStructLayouts.SA_RUNTIME, Value.Radix.UDEC)));
                    fs.add(new Value.Field("sched_deadline", num(s, CallStructLayouts.SA_DEADLINE, Value.Radix.UDEC)));
                    fs.add(new Value.Field("sched_period", num(s, CallStructLayouts.SA_PERIOD, Value.Radix.UDEC)));
                }
                if (size >= ATTR_VER1) {
                    fs.add(new Value.Field("sched_util_min", num(s, CallStructLayouts.SA_UTIL_MIN, Value.Radix.DEC)));
                    fs.add(new Value.Field("sched_util_max", num(s, CallStructLayouts.SA_UTIL_MAX, Value.Radix.DEC)));
                }
            }
            return new Value.Struct(fs, isSet && usize > size);
        }

        private static Value num(Snapshot0 s, StructLayouts.Member m, Value.Radix radix) {
            return new Value.Num(s.u(m), radix);
        }
    }

    /** The captured bytes at an address, however many were read. */
    private record Snapshot0(byte[] b) {
        static Snapshot0 of(dev.jstrace.proc.Snapshot mem, long addr) {
            byte[] b = MemoryView.struct(mem, addr, 4);
            return b == null ? null : new Snapshot0(b);
        }

        int length() {
            return b.length;
        }

        /** The member, unsigned; 0 when the copy stopped before it (a short sched_attr). */
        long u(StructLayouts.Member m) {
            return m.offset() + m.size() <= b.length ? m.u(b) : 0;
        }
    }
}
