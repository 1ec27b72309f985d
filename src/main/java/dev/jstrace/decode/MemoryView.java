package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;

/**
 * Reads captured tracee memory for decoding: little-endian fields of copied
 * structs (both supported ABIs are little-endian, LP64), and lookups that turn a
 * missing or short region into {@code null} so callers print the pointer.
 */
final class MemoryView {
    private MemoryView() {}

    /** The bytes captured at {@code addr}, when at least {@code size} were read; else null. */
    static byte[] struct(Snapshot mem, long addr, int size) {
        if (mem == null || addr == 0) return null;
        Snapshot.Region r = mem.find(addr, Snapshot.Kind.BYTES);
        if (r == null || !r.readable() || r.data().length < size) return null;
        return r.data();
    }

    static long u64(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xff);
        return v;
    }

    static long u32(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }

    static int s32(byte[] b, int off) {
        return (int) u32(b, off);
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }

    /** A 32-bit big-endian (network order) word, unsigned. */
    static long u32be(byte[] b, int off) {
        return (b[off] & 0xffL) << 24 | (b[off + 1] & 0xffL) << 16 | (b[off + 2] & 0xffL) << 8 | (b[off + 3] & 0xffL);
    }

    static int u16be(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }
}
