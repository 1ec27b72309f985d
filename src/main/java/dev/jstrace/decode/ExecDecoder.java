package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * execve's argv and envp, captured whole for the exec (bounded: {@link #MAX_POINTERS}
 * pointers, {@link #BYTES_PER_ARRAY} bytes of strings per array), so that a sink can
 * name a process from its full argv whatever {@code -s} is. strace's abbreviation
 * ({@code -s} elements, envp as {@code /* 23 vars * /} unless {@code -v}) is the
 * renderer's. The pointer arrays are captured in chunks until their NULL; the
 * strings one by one.
 */
final class ExecDecoder {
    /** Pointers read per chunk when following an array to its NULL. */
    static final int CHUNK = 64;
    /** Where counting stops: more variables than this print as this many. */
    static final int MAX_POINTERS = 16 * 1024;
    /** String bytes copied per array; past it strings are copied only as far as strace prints them. */
    static final int BYTES_PER_ARRAY = 256 * 1024;
    /** The kernel's MAX_ARG_STRLEN: no argument or variable is longer. */
    static final int MAX_ARG_STRLEN = 32 * 4096;

    private ExecDecoder() {}

    /**
     * Captures the array at {@code addr}: its pointers up to NULL and every string, whole
     * while the array's byte budget lasts, then up to {@code stringLimit}+1 bytes.
     */
    static void capture(TraceeMemory mem, long addr, int stringLimit) {
        if (addr == 0) return;
        long budget = BYTES_PER_ARRAY;
        long at = addr;
        for (int total = 0; total < MAX_POINTERS; total += CHUNK) {
            Snapshot.Region r = mem.bytes(at, CHUNK * 8);
            byte[] d = r.data();
            for (int off = 0; off + 8 <= d.length; off += 8) {
                long p = MemoryView.u64(d, off);
                if (p == 0) return;
                int limit = (int) Math.max(stringLimit + 1, Math.min(budget, MAX_ARG_STRLEN));
                budget -= mem.string(p, limit).data().length + 1;
            }
            if (d.length < CHUNK * 8) return;
            at += CHUNK * 8;
        }
    }

    /**
     * Follows the captured chunks; the pointers in order, stopping at NULL, missing memory or {@code max}.
     * {@code unreadable[0]}: the address of the first pointer that could not be read whole (strace's umoven
     * of one word), 0 when none was.
     */
    private static List<Long> pointers(Snapshot mem, long addr, int max, boolean[] complete, long[] unreadable) {
        List<Long> out = new ArrayList<>();
        long at = addr;
        while (out.size() < max) {
            Snapshot.Region r = mem.find(at, Snapshot.Kind.BYTES);
            if (r == null || !r.readable()) {
                complete[0] = false;
                unreadable[0] = at;
                return out;
            }
            byte[] d = r.data();
            for (int off = 0; off + 8 <= d.length; off += 8) {
                long p = MemoryView.u64(d, off);
                if (p == 0) {
                    complete[0] = true;
                    return out;
                }
                out.add(p);
                if (out.size() >= max) break;
            }
            if (d.length < CHUNK * 8) {
                complete[0] = false;
                unreadable[0] = at + d.length / 8 * 8L;
                return out;
            }
            at += CHUNK * 8;
        }
        complete[0] = false;
        return out;
    }

    static Value argv(CallContext c, long a) {
        return strings(c, a, false);
    }

    static Value envp(CallContext c, long a) {
        return strings(c, a, true);
    }

    private static Value strings(CallContext c, long a, boolean environment) {
        if (a == 0) return new Value.Ptr(0);
        boolean[] complete = new boolean[1];
        long[] unreadable = new long[1];
        List<Long> ps = pointers(c.in, a, MAX_POINTERS, complete, unreadable);
        // strace's printargv and printargc: an array whose first pointer cannot be read is its address.
        if (ps.isEmpty() && !complete[0]) return new Value.Unreadable(a);
        List<Value> items = new ArrayList<>(ps.size());
        for (long p : ps) items.add(c.string(c.in, p, false));
        return new Value.Strings(a, items, complete[0], environment, unreadable[0]);
    }
}
