package dev.jstrace.decode;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * x86's modify_ldt, set_thread_area and get_thread_area as strace 6.1 prints them (src/ldt.c):
 * {@code struct user_desc} with its bit fields; get_thread_area's entry number at entry and the
 * rest at exit ({@code ...} when the call failed); modify_ldt's result, which the kernel returns as
 * an int in a long, read as an error when its low 32 bits are one.
 */
final class LdtFormats {
    /**
     * {@code struct user_desc} (asm/ldt.h): three unsigned ints and a word of bit fields (seg_32bit:1,
     * contents:2, read_exec_only:1, limit_in_pages:1, seg_not_present:1, useable:1, lm:1), which a
     * layout cannot name: it is the struct's last int.
     */
    static final StructLayout USER_DESC = MemoryLayout.structLayout(JAVA_INT.withName("entry_number"),
            JAVA_INT.withName("base_addr"), JAVA_INT.withName("limit"), MemoryLayout.paddingLayout(4))
            .withName("struct user_desc");
    private static final Member ENTRY = Member.of(USER_DESC, "entry_number"),
            BASE = Member.of(USER_DESC, "base_addr"), LIMIT = Member.of(USER_DESC, "limit");
    private static final int SIZE = (int) USER_DESC.byteSize();
    private static final int BITS = SIZE - Integer.BYTES;
    /** The bit fields in C order with their widths. */
    private static final String[] BIT_NAMES = {"seg_32bit", "contents", "read_exec_only", "limit_in_pages",
        "seg_not_present", "useable", "lm"};
    private static final int[] BIT_WIDTHS = {1, 2, 1, 1, 1, 1, 1};
    /** modify_ldt's int result sign-extended by nobody: values from here up are errors (strace's 0xfffff000). */
    private static final long INT_ERRORS = 0xfffff000L;

    /** The formats, by syscall name. */
    static final Map<String, CallFormat> FORMATS = Map.of("modify_ldt", new ModifyLdt(),
            "set_thread_area", new SetThreadArea(), "get_thread_area", new GetThreadArea());

    private LdtFormats() {}

    private static void capture(TraceeMemory mem, long addr) {
        if (addr != 0) mem.bytes(addr, SIZE);
    }

    /** strace's PRINT_FIELD_ID: {@code -1} for all ones, else unsigned. */
    private static Value id(long v) {
        return new Value.Num(v == 0xffffffffL ? -1 : v, Value.Radix.DEC);
    }

    /** strace's PRINT_FIELD_0X of an unsigned int: {@code %#08x}, so 0 is {@code 00000000}. */
    private static Value hex08(long v) {
        if (v == 0) return new Value.Text("00000000");
        String h = Long.toHexString(v);
        return new Value.Text("0x" + "000000".substring(Math.min(6, h.length())) + h);
    }

    /** The whole struct, or its fields after the entry number ({@code rest}). */
    private static List<Value.Field> fields(byte[] b, boolean entry, boolean rest) {
        List<Value.Field> fs = new ArrayList<>(10);
        if (entry) fs.add(new Value.Field("entry_number", id(MemoryView.u32(b, ENTRY.offset()))));
        if (!rest) return fs;
        fs.add(new Value.Field("base_addr", hex08(MemoryView.u32(b, BASE.offset()))));
        fs.add(new Value.Field("limit", hex08(MemoryView.u32(b, LIMIT.offset()))));
        long bits = MemoryView.u32(b, BITS);
        for (int k = 0, shift = 0; k < BIT_NAMES.length; shift += BIT_WIDTHS[k], k++) {
            long v = (bits >>> shift) & ((1L << BIT_WIDTHS[k]) - 1);
            fs.add(new Value.Field(BIT_NAMES[k], new Value.Num(v, Value.Radix.DEC)));
        }
        return fs;
    }

    /** strace's print_user_desc(USER_DESC_BOTH): the struct read at entry. */
    private static Value both(CallContext c, long addr) {
        if (addr == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(c.in, addr, SIZE);
        return b == null ? new Value.Ptr(addr) : new Value.Struct(fields(b, true, true), false);
    }

    /** modify_ldt(func, ptr, bytecount). */
    static final class ModifyLdt implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (args[2] == SIZE) capture(mem, args[1]);
        }

        @Override
        public Decoded decode(CallContext c) {
            Value ptr = c.arg(2) == SIZE ? both(c, c.arg(1)) : new Value.Ptr(c.arg(1));
            String result = null;
            if (c.succeeded() && c.rval >= INT_ERRORS && c.rval <= 0xffffffffL) {
                Errno e = new Errno((int) -(int) c.rval);
                String m = e.message();
                result = c.rval + " " + e.name() + (m == null ? "" : " (" + m + ")");
            }
            return new Decoded(List.of(new Value.Num((int) c.arg(0), Value.Radix.DEC), ptr,
                    new Value.Num(c.arg(2), Value.Radix.UDEC)), 3, result);
        }
    }

    /** set_thread_area(u_info): the struct at entry, the entry number the kernel chose after the result. */
    static final class SetThreadArea implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            capture(mem, args[0]);
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            capture(mem, args[0]);
        }

        @Override
        public Decoded decode(CallContext c) {
            byte[] after = c.succeeded() && c.opt.verbose() ? MemoryView.struct(c.out, c.arg(0), SIZE) : null;
            String result = after == null ? null
                    : c.rval + " (entry_number=" + MemoryView.u32(after, ENTRY.offset()) + ")";
            return new Decoded(List.of(both(c, c.arg(0))), 1, result);
        }
    }

    /** get_thread_area(u_info): the entry number at entry, the rest the kernel filled at exit. */
    static final class GetThreadArea implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (args[0] != 0) mem.bytes(args[0], Integer.BYTES);
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            capture(mem, args[0]);
        }

        @Override
        public Decoded decode(CallContext c) {
            long addr = c.arg(0);
            if (addr == 0) return Decoded.atEntry(List.of(new Value.Ptr(0)));
            byte[] in = MemoryView.struct(c.in, addr, Integer.BYTES);
            byte[] out = c.succeeded() && c.opt.verbose() ? MemoryView.struct(c.out, addr, SIZE) : null;
            if (in == null) {
                if (out == null) return Decoded.atEntry(List.of(new Value.Ptr(addr)));
                return Decoded.atEntry(List.of(new Value.Text(c.text(new Value.Ptr(addr)) + " => "
                        + c.text(new Value.Struct(fields(out, true, true), false)))));
            }
            long entry = MemoryView.u32(in, ENTRY.offset());
            List<Value.Field> fs = new ArrayList<>(10);
            Value number = id(entry);
            if (out != null && MemoryView.u32(out, ENTRY.offset()) != entry) {
                number = new Value.Text(c.text(number) + " => " + c.text(id(MemoryView.u32(out, ENTRY.offset()))));
            }
            fs.add(new Value.Field("entry_number", number));
            if (out != null) fs.addAll(fields(out, false, true));
            return Decoded.atEntry(List.of(new Value.Struct(fs, out == null && c.returned)));
        }
    }
}
