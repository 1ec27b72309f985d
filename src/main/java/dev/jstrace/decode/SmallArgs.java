package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Arguments strace prints through small shared printers: group lists (print_groups), CPU
 * sets (print_affinitylist) and 64-bit numbers behind a pointer (printnum_int64). Each has its capture rule next to its decoding so the two read the same bytes.
 */
final class SmallArgs {
    /** sysconf(_SC_NGROUPS_MAX) on Linux: a longer group list prints as its address. */
    static final long NGROUPS_MAX = 65536;

    private SmallArgs() {}

    /** {@return the number of groups a list of {@code count} holds, as strace's print_groups takes it} */
    private static long groups(long count) {
        return count & 0xffffffffL;
    }

    /** Copies a group list of {@code count} uid_t. */
    static void captureGroups(DecodeOptions opt, TraceeMemory mem, long a, long count) {
        long n = groups(count);
        if (a != 0 && n > 0 && n <= NGROUPS_MAX) mem.bytes(a, (int) (4 * ArrayDecoder.captureCount(opt, n)));
    }

    /** A group list, {@code [0, 1000]}, each as a uid; the address for more than NGROUPS_MAX. */
    static Value groups(CallContext c, Snapshot mem, long a, long count) {
        long n = groups(count);
        if (n > NGROUPS_MAX) return new Value.Ptr(a);
        return ArrayDecoder.decode(c, mem, a, n, 4, (b, off) -> ArgDecoder.uid(MemoryView.u32(b, off)));
    }

    private static int cpusetSize = -1;

    /**
     * strace's get_cpuset_size: it probes sched_getaffinity from 128 bytes up, doubling while the
     * kernel finds the size too small for its mask (whole longs covering the possible CPUs).
     */
    static synchronized int cpusetSize() {
        if (cpusetSize < 0) {
            int cpus = 1;
            try {
                String s = Files.readString(Path.of("/sys/devices/system/cpu/possible")).trim();
                String last = s.substring(Math.max(s.lastIndexOf(','), s.lastIndexOf('-')) + 1);
                cpus = Integer.parseInt(last) + 1;
            } catch (Exception | Error e) {
                cpus = 64;
            }
            int kernel = (cpus + 63) / 64 * 8, size = 128;
            while (size < kernel) size <<= 1;
            cpusetSize = size;
        }
        return cpusetSize;
    }

    /** Copies a CPU set of {@code len} bytes as strace reads it (no more than the kernel's mask). */
    static void captureCpuSet(TraceeMemory mem, long a, long len) {
        long n = Math.min(len & 0xffffffffL, cpusetSize());
        if (a != 0 && n > 0) mem.bytes(a, (int) n);
    }

    /** A CPU set, {@code [0 1]}: {@code []} for no bytes, {@code ...} when it is longer than the kernel's mask. */
    static Value cpuSet(Snapshot mem, long a, long len) {
        if (a == 0) return new Value.Ptr(0);
        long n = len & 0xffffffffL;
        if (n == 0) return new Value.Text("[]");
        int read = (int) Math.min(n, cpusetSize());
        byte[] b = MemoryView.struct(mem, a, read);
        if (b == null) return new Value.Unreadable(a);
        StringBuilder sb = new StringBuilder("[");
        for (int bit = 0; bit < read * 8; bit++) {
            if ((b[bit >> 3] & (1 << (bit & 7))) != 0) {
                if (sb.length() > 1) sb.append(' ');
                sb.append(bit);
            }
        }
        int size = (read + 7) / 8 * 8;
        if (size < n) sb.append(sb.length() > 1 ? " ..." : "...");
        return new Value.Text(sb.append(']').toString());
    }

    /** A 64-bit signed number behind a pointer, {@code [-1]} (printnum_int64). */
    static Value int64(Snapshot mem, long a) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(mem, a, 8);
        return b == null ? new Value.Unreadable(a)
                : new Value.Array(List.of(new Value.Num(MemoryView.u64(b, 0), Value.Radix.DEC)), false);
    }
}
