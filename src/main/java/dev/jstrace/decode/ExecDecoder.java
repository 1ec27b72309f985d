package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * execve's argv and envp: {@code ["ls", "-l"]} (at most {@code -s} elements) and
 * {@code 0x7ffd... /* 23 vars * /} (in full with {@code -v}). The pointer arrays
 * are captured in chunks until their NULL; the strings one by one.
 */
final class ExecDecoder {
    /** Pointers read per chunk when following an array to its NULL. */
    static final int CHUNK = 64;
    /** Where counting stops: more variables than this print as this many. */
    static final int MAX_POINTERS = 16 * 1024;

    private ExecDecoder() {}

    /** Captures the array at {@code addr}: its pointers up to NULL (or {@code maxShown} then counting only). */
    static void capture(TraceeMemory mem, long addr, int maxStrings, int stringLimit, boolean countAll) {
        if (addr == 0) return;
        int strings = 0;
        long at = addr;
        for (int total = 0; total < MAX_POINTERS; total += CHUNK) {
            Snapshot.Region r = mem.bytes(at, CHUNK * 8);
            byte[] d = r.data();
            for (int off = 0; off + 8 <= d.length; off += 8) {
                long p = MemoryView.u64(d, off);
                if (p == 0) return;
                if (strings < maxStrings) {
                    mem.string(p, stringLimit + 1);
                    strings++;
                } else if (!countAll) {
                    return;
                }
            }
            if (d.length < CHUNK * 8) return;
            at += CHUNK * 8;
        }
    }

    /** Follows the captured chunks; the pointers in order, stopping at NULL, missing memory or {@code max}. */
    private static List<Long> pointers(Snapshot mem, long addr, int max, boolean[] complete) {
        List<Long> out = new ArrayList<>();
        long at = addr;
        while (out.size() < max) {
            Snapshot.Region r = mem.find(at, Snapshot.Kind.BYTES);
            if (r == null || !r.readable()) {
                complete[0] = false;
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
                return out;
            }
            at += CHUNK * 8;
        }
        complete[0] = false;
        return out;
    }

    static Value argv(CallContext c, long a) {
        if (a == 0) return new Value.Ptr(0);
        if (c.in.find(a, Snapshot.Kind.BYTES) == null) return new Value.Unreadable(a);
        boolean[] complete = new boolean[1];
        // strace abbreviates arrays to -s elements; -v (no abbreviation) prints every one.
        int limit = c.opt.verbose() ? MAX_POINTERS : c.opt.stringLimit();
        List<Long> ps = pointers(c.in, a, limit + 1, complete);
        int shown = Math.min(ps.size(), limit);
        List<Value> items = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) items.add(c.string(c.in, ps.get(i), false));
        return new Value.Array(items, ps.size() > shown);
    }

    static Value envp(CallContext c, long a) {
        if (c.opt.verbose()) return argv(c, a);
        if (a == 0) return new Value.Ptr(0);
        if (c.in.find(a, Snapshot.Kind.BYTES) == null) return new Value.Unreadable(a);
        boolean[] complete = new boolean[1];
        int n = pointers(c.in, a, MAX_POINTERS, complete).size();
        return new Value.Commented(new Value.Ptr(a), n + (n == 1 ? " var" : " vars"));
    }
}
