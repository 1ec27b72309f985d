package dev.jstrace.proc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * One raw syscall the spawn stub makes in the child before the execve:
 * {@code struct op { long nr; long args[6]; long flags; }} (64 bytes).
 *
 * <p>Arguments are plain numbers: a pointer argument is the address of memory
 * allocated before the clone (the child sees its own copy at the same
 * address).
 *
 * @param nr    the syscall number on the running ABI
 * @param args  exactly six arguments (unused ones 0)
 * @param flags {@link #ARG0_FROM_PREVIOUS} and/or {@link #IGNORE_FAILURE}
 */
public record SpawnOp(long nr, long[] args, long flags) {
    /** Flag bit 0: pass the previous op's result as the first argument (getpid, then kill(that pid)). */
    public static final long ARG0_FROM_PREVIOUS = 1;
    /** Flag bit 1: go on when this op fails, instead of reporting its errno and exiting 127. */
    public static final long IGNORE_FAILURE = 2;
    /** Bytes per op in the table the stub walks. */
    public static final long SIZE = 64;

    /** Checks the shape: six arguments, known flags. */
    public SpawnOp {
        if (args.length != 6) throw new IllegalArgumentException("a SpawnOp takes 6 arguments, got " + args.length);
        if ((flags & ~(ARG0_FROM_PREVIOUS | IGNORE_FAILURE)) != 0) {
            throw new IllegalArgumentException("unknown SpawnOp flags 0x" + Long.toHexString(flags));
        }
        args = args.clone();
    }

    /** An op with no flags; missing trailing arguments are 0. */
    public static SpawnOp of(long nr, long... args) {
        return new SpawnOp(nr, Arrays.copyOf(args, 6), 0);
    }

    /** This op with {@code flag} added. */
    public SpawnOp with(long flag) {
        return new SpawnOp(nr, args, flags | flag);
    }

    @Override
    public long[] args() {
        return args.clone();
    }

    /** Writes this op at {@code index} of a table. */
    void writeTo(MemorySegment table, long index) {
        long base = index * SIZE;
        table.set(ValueLayout.JAVA_LONG_UNALIGNED, base, nr);
        for (int i = 0; i < 6; i++) table.set(ValueLayout.JAVA_LONG_UNALIGNED, base + 8 + 8L * i, args[i]);
        table.set(ValueLayout.JAVA_LONG_UNALIGNED, base + 56, flags);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpawnOp that && nr == that.nr && flags == that.flags && Arrays.equals(args, that.args);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nr) * 31 * 31 + Arrays.hashCode(args) * 31 + Long.hashCode(flags);
    }

    @Override
    public String toString() {
        return "SpawnOp[nr=" + nr + ", args=" + Arrays.toString(args) + ", flags=" + flags + "]";
    }
}
