package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;

/**
 * One captured stretch of tracee memory, addressed as the tracee addresses it:
 * what a decoder walking a buffer of records (netlink messages and attributes)
 * may read, and where the readable part ends.
 */
final class TraceeBytes {
    private final long base;
    private final byte[] data;

    TraceeBytes(long base, byte[] data) {
        this.base = base;
        this.data = data;
    }

    /** The region captured at {@code addr} (empty when nothing was). */
    static TraceeBytes at(Snapshot mem, long addr) {
        Snapshot.Region r = addr == 0 ? null : mem.find(addr, Snapshot.Kind.BYTES);
        return new TraceeBytes(addr, r == null || !r.readable() ? new byte[0] : r.data());
    }

    /** Whether {@code [addr, addr + n)} was read. */
    boolean readable(long addr, long n) {
        return addr != 0 && addr >= base && n >= 0 && addr - base + n <= data.length;
    }

    byte[] bytes(long addr, int n) {
        int off = (int) (addr - base);
        return java.util.Arrays.copyOfRange(data, off, off + n);
    }

    int u8(long addr) {
        return data[(int) (addr - base)] & 0xff;
    }

    int u16(long addr) {
        return MemoryView.u16(data, (int) (addr - base));
    }

    long u32(long addr) {
        return MemoryView.s32(data, (int) (addr - base)) & 0xffffffffL;
    }

    int s32(long addr) {
        return MemoryView.s32(data, (int) (addr - base));
    }

    long u64(long addr) {
        return MemoryView.u64(data, (int) (addr - base));
    }

    /**
     * strace's {@code printstr_ex(..., QUOTE_FORCE_HEX)}: {@code len} bytes in hex, cut to {@code -s} by the
     * renderer; the address when the shown part was not readable.
     */
    Value hexString(long addr, long len, int stringLimit) {
        long shown = Math.min(Math.max(len, 0), Math.max(stringLimit, 0));
        if (len == 0) return Value.Str.buffer(new byte[0], 0, true);
        if (!readable(addr, shown)) return new Value.Ptr(addr);
        return Value.Str.buffer(bytes(addr, (int) shown), len, true);
    }
}
