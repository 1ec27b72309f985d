package dev.jstrace.decode;

import dev.jstrace.proc.TraceeMemory;
import java.util.List;

/**
 * struct sock_fprog as strace prints a seccomp filter program (prctl's PR_SET_SECCOMP,
 * seccomp's SECCOMP_SET_MODE_FILTER): {@code {len=N, filter=0x...}}; the program's
 * instructions are printed only under {@code -v} (strace's abbrev rule), which this
 * decoder does not do yet, so it prints the address then too.
 */
final class SeccompFilter {
    /** sizeof(struct sock_fprog) on LP64: unsigned short len, padding, struct sock_filter *filter. */
    static final int SIZE = 16;

    private SeccompFilter() {}

    /** Copies the sock_fprog at {@code addr} (entry: the kernel reads it then). */
    static void capture(TraceeMemory mem, long addr, DecodeOptions opt) {
        if (addr != 0) mem.bytes(addr, SIZE);
    }

    /** {@code {len=1, filter=0x...}}, or the address when it cannot be read. */
    static Value decode(CallContext c, long addr) {
        if (addr == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(c.in, addr, SIZE);
        if (b == null) return new Value.Unreadable(addr);
        return new Value.Struct(List.of(
                new Value.Field("len", new Value.Num(MemoryView.u16(b, 0), Value.Radix.DEC)),
                new Value.Field("filter", new Value.Ptr(MemoryView.u64(b, 8)))), false);
    }
}
