package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.arch.gen.Constants.Named;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * capget(2) and capset(2) as strace 6.1's src/capability.c prints them: the header
 * {@code {version=_LINUX_CAPABILITY_VERSION_3, pid=0}} and the data, each capability set as
 * {@code 1<<CAP_DAC_OVERRIDE|1<<CAP_WAKE_ALARM} over its two 32-bit words (one for version 1).
 * A header that cannot be read leaves both as addresses. strace's {@code -e verbose=!capget}
 * (both as addresses) is not told apart from the default here: jstrace's options have no
 * per-call verbose set.
 */
final class CapsFormats {
    /** struct __user_cap_header_struct (linux/capability.h). */
    static final StructLayout HEADER = structLayout(JAVA_INT.withName("version"), JAVA_INT.withName("pid"))
            .withName("struct __user_cap_header_struct");
    /** struct __user_cap_data_struct (linux/capability.h). */
    static final StructLayout DATA = structLayout(JAVA_INT.withName("effective"), JAVA_INT.withName("permitted"),
            JAVA_INT.withName("inheritable")).withName("struct __user_cap_data_struct");
    private static final StructLayouts.Member VERSION = StructLayouts.Member.of(HEADER, "version"),
            PID = StructLayouts.Member.of(HEADER, "pid");
    private static final List<String> SETS = List.of("effective", "permitted", "inheritable");
    private static final int HEADER_SIZE = StructLayouts.size(HEADER), DATA_SIZE = StructLayouts.size(DATA);

    static final ConstTable VERSIONS = ConstTable.enumHex("_LINUX_CAPABILITY_VERSION_???",
            "_LINUX_CAPABILITY_VERSION_1 _LINUX_CAPABILITY_VERSION_2 _LINUX_CAPABILITY_VERSION_3");
    private static final long V2 = VERSIONS.parse("_LINUX_CAPABILITY_VERSION_2"),
            V3 = VERSIONS.parse("_LINUX_CAPABILITY_VERSION_3");
    /** strace's cap_mask0 and cap_mask1: {@code 1<<CAP_CHOWN} ... over each 32-bit word. */
    private static final ConstTable LOW = mask(0), HIGH = mask(1);

    /** The formats, by syscall name. */
    static final Map<String, CallFormat> FORMATS = Map.of("capget", new Caps(false), "capset", new Caps(true));

    private CapsFormats() {}

    /** The capabilities of word {@code word} as {@code 1<<NAME} bits, from the generated CAP_* numbers. */
    private static ConstTable mask(int word) {
        StringBuilder decl = new StringBuilder();
        for (Named n : dev.jstrace.arch.gen.Constants.CAPABILITIES) {
            if (n.value() / 32 != word) continue;
            decl.append("1<<").append(n.name()).append("=0x").append(Long.toHexString(1L << (n.value() % 32)))
                    .append(' ');
        }
        return ConstTable.flags("CAP_???", decl.toString());
    }

    /** capget prints its data at exit, capset everything at entry. */
    private record Caps(boolean set) implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (args[0] == 0) return;
            var h = mem.bytes(args[0], HEADER_SIZE);
            if (set && h != null && h.data().length == HEADER_SIZE && args[1] != 0) {
                mem.bytes(args[1], words(VERSION.u(h.data())) * DATA_SIZE);
            }
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            if (set || args[0] == 0) return;
            var h = mem.bytes(args[0], HEADER_SIZE);
            if (h != null && h.data().length == HEADER_SIZE && args[1] != 0) {
                mem.bytes(args[1], words(VERSION.u(h.data())) * DATA_SIZE);
            }
        }

        @Override
        public Decoded decode(CallContext c) {
            byte[] h = MemoryView.struct(c.in, c.arg(0), HEADER_SIZE);
            Value header = h == null ? new Value.Ptr(c.arg(0)) : new Value.Struct(List.of(
                    new Value.Field("version", VERSIONS.sym(VERSION.u(h))),
                    new Value.Field("pid", c.pid((int) PID.s(h), PidNamespaces.Kind.TGID))), false);
            if (set) return Decoded.atEntry(List.of(header, data(c, c.in, h)));
            // capget: the header read again at exit, and only after a success.
            byte[] after = c.succeeded() ? MemoryView.struct(c.out, c.arg(0), HEADER_SIZE) : null;
            return new Decoded(List.of(header, data(c, c.out, after)), 1, null);
        }

        private static Value data(CallContext c, Snapshot mem, byte[] header) {
            long a = c.arg(1);
            if (a == 0 || header == null) return new Value.Ptr(a);
            int words = words(VERSION.u(header));
            byte[] d = MemoryView.struct(mem, a, words * DATA_SIZE);
            if (d == null) return new Value.Ptr(a);
            List<Value.Field> fs = new ArrayList<>(3);
            for (String set : SETS) {
                StructLayouts.Member m = StructLayouts.Member.of(DATA, set);
                long lo = m.u(d), hi = words > 1 ? m.u(d, DATA_SIZE) : 0;
                fs.add(new Value.Field(set, bits(c, lo, hi)));
            }
            return new Value.Struct(fs, false);
        }

        /** strace's print_cap_bits: the low word unless only the high one has bits, then the high word. */
        private static Value bits(CallContext c, long lo, long hi) {
            if (hi == 0) return LOW.sym(lo);
            if (lo == 0) return HIGH.sym(hi);
            return new Value.Text(c.text(LOW.sym(lo)) + "|" + c.text(HIGH.sym(hi)));
        }
    }

    private static int words(long version) {
        return version == V2 || version == V3 ? 2 : 1;
    }
}
