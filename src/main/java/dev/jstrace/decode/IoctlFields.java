package dev.jstrace.decode;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The field printers strace's ioctl family decoders share (its PRINT_FIELD_* macros
 * over a struct copied with umove_or_printaddr), for {@link IoctlFamily} decoders: a struct
 * read whole or not at all, unsigned and hex fields, fixed-size C strings, arrays
 * inside the struct, and the {@code entry => exit} form of an argument the kernel
 * updates.
 */
final class IoctlFields {
    private IoctlFields() {}

    /** The struct's bytes when all {@code size} of them were copied at {@code addr}, else null. */
    static byte[] struct(Snapshot mem, long addr, int size) {
        return MemoryView.struct(mem, addr, size);
    }

    /** strace's umove_or_printaddr failure: {@code NULL} or the address. */
    static Value addr(long addr) {
        return new Value.Ptr(addr);
    }

    /** {@code PRINT_FIELD_U} of the member {@code m} (its width from the layout). */
    static Value.Field u(String name, byte[] b, Member m) {
        return new Value.Field(name, new Value.Num(m.u(b), Value.Radix.UDEC));
    }

    /** {@code PRINT_FIELD_D} of the member {@code m}, sign-extended from its width. */
    static Value.Field d(String name, byte[] b, Member m) {
        return new Value.Field(name, new Value.Num(m.s(b), Value.Radix.DEC));
    }

    /** {@code PRINT_FIELD_X} of the member {@code m}. */
    static Value.Field x(String name, byte[] b, Member m) {
        return new Value.Field(name, new Value.Num(m.u(b), Value.Radix.HEX));
    }

    /** {@code PRINT_FIELD_FLAGS} (or {@code _XVAL}) of the member {@code m}. */
    static Value.Field flags(String name, ConstTable t, byte[] b, Member m) {
        return new Value.Field(name, t.sym(m.u(b)));
    }

    /** {@code PRINT_FIELD_CSTRING} of the char array member {@code m} (see {@link #cstring(String, byte[], int, int)}). */
    static Value.Field cstring(String name, byte[] b, Member m) {
        return cstring(name, b, m.offset(), m.size());
    }

    /** {@code PRINT_FIELD_U} of a u32. */
    static Value.Field u32(String name, byte[] b, int off) {
        return new Value.Field(name, new Value.Num(MemoryView.u32(b, off), Value.Radix.UDEC));
    }

    /** {@code PRINT_FIELD_U} of a u64. */
    static Value.Field u64(String name, byte[] b, int off) {
        return new Value.Field(name, new Value.Num(MemoryView.u64(b, off), Value.Radix.UDEC));
    }

    /** {@code PRINT_FIELD_D} of an s32. */
    static Value.Field s32(String name, byte[] b, int off) {
        return new Value.Field(name, new Value.Num(MemoryView.s32(b, off), Value.Radix.DEC));
    }

    /** {@code PRINT_FIELD_D} of an s64. */
    static Value.Field s64(String name, byte[] b, int off) {
        return new Value.Field(name, new Value.Num(MemoryView.u64(b, off), Value.Radix.DEC));
    }

    /** {@code PRINT_FIELD_X} of a u32. */
    static Value.Field x32(String name, byte[] b, int off) {
        return new Value.Field(name, new Value.Num(MemoryView.u32(b, off), Value.Radix.HEX));
    }

    /** {@code PRINT_FIELD_X} of a u64. */
    static Value.Field x64(String name, byte[] b, int off) {
        return new Value.Field(name, new Value.Num(MemoryView.u64(b, off), Value.Radix.HEX));
    }

    /** {@code PRINT_FIELD_FLAGS} (or {@code _XVAL}) of a u32. */
    static Value.Field flags32(String name, ConstTable t, byte[] b, int off) {
        return new Value.Field(name, t.sym(MemoryView.u32(b, off)));
    }

    /** {@code PRINT_FIELD_FLAGS} of a u64. */
    static Value.Field flags64(String name, ConstTable t, byte[] b, int off) {
        return new Value.Field(name, t.sym(MemoryView.u64(b, off)));
    }

    /**
     * {@code PRINT_FIELD_CSTRING}: a char array printed up to its NUL, whole (no {@code -s});
     * an array with no NUL prints its first {@code size - 1} bytes and strace's {@code ...}
     * (print_quoted_cstring expects the last byte to be the terminator).
     */
    static Value.Field cstring(String name, byte[] b, int off, int size) {
        int end = off;
        while (end < off + size && b[end] != 0) end++;
        boolean unterminated = end == off + size;
        return new Value.Field(name, Value.Str.whole(Arrays.copyOfRange(b, off, unterminated ? end - 1 : end),
                unterminated));
    }

    /** Prints one element of an array inside a struct. */
    @FunctionalInterface
    interface Element {
        /**
         * {@return the element}
         *
         * @param b   the struct's bytes
         * @param off the element's offset
         */
        Value print(byte[] b, int off);
    }

    /**
     * strace's print_local_array_upto: {@code count} (clamped to {@code capacity}) elements of
     * {@code size} bytes at {@code off}, {@code []} for none, at most {@code -s} of them and
     * {@code ...} unless {@code -v}.
     */
    static Value localArray(CallContext c, byte[] b, int off, long count, int capacity, int size, Element e) {
        long n = Math.max(0, Math.min(count, capacity));
        long shown = c.opt.verbose() ? n : Math.min(n, c.opt.stringLimit());
        List<Value> items = new ArrayList<>((int) shown);
        for (int i = 0; i < shown; i++) items.add(e.print(b, off + i * size));
        return new Value.Array(items, shown < n);
    }

    /** {@code PRINT_FIELD_X_ARRAY}: every element of a u32 array in hex, never abbreviated. */
    static Value hexArray32(byte[] b, int off, int count) {
        List<Value> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) items.add(new Value.Num(MemoryView.u32(b, off + 4 * i), Value.Radix.HEX));
        return new Value.Array(items, false);
    }

    /** Whether {@code len} bytes at {@code off} are all zero (strace's IS_ARRAY_ZERO). */
    static boolean zero(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) if (b[i] != 0) return false;
        return true;
    }

    /** strace's {@code entry => exit} (tprint_value_changed) for an argument the kernel updated. */
    static Value changed(CallContext c, Value entry, Value exit) {
        return new Value.Text(c.text(entry) + " => " + c.text(exit));
    }

    /** A struct value of the fields. */
    static Value struct(List<Value.Field> fields) {
        return new Value.Struct(fields, false);
    }
}
