package dev.jstrace.proc;

import java.util.List;

/**
 * One tampering rule as the event loop applies it: strace's {@code struct inject_opts}.
 * Built from the API's {@code Tamper} (and so from {@code -e inject=}); checked there.
 *
 * @param result     what the call returns instead of running: nothing changed, an error, or a value
 * @param value      the errno (1..4095) for {@link Result#ERROR}, the return value for {@link Result#RETVAL}
 * @param signal     the signal to raise at the call's entry, or 0
 * @param substitute the syscall run in place of the tampered one ({@code syscall=}, a pure call), or null
 *                   for none (the call is made invalid, so the kernel runs nothing)
 * @param delayEnterNanos how long the tracee waits at the entry, 0 for no delay
 * @param delayExitNanos  how long it waits at the exit, 0 for no delay
 * @param pokes      memory to write at the entry or exit, at the addresses the arguments hold
 * @param first      the first matching call that is tampered with (1 is the first)
 * @param last       the last one, or {@link #NO_LAST}
 * @param step       after {@code first}, every {@code step}-th call; 0: only {@code first}
 */
public record InjectRule(Result result, long value, int signal, String substitute, long delayEnterNanos,
                         long delayExitNanos, List<Poke> pokes, int first, int last, int step) {
    /** {@code last} when the rule never stops firing. */
    public static final int NO_LAST = Integer.MAX_VALUE;

    /** What happens to the call's result. */
    public enum Result { UNCHANGED, ERROR, RETVAL }

    /**
     * Bytes written over the tracee memory argument {@code argIndex} points to.
     *
     * @param atEntry  at the entry (strace's {@code poke_enter}) or the exit ({@code poke_exit})
     * @param argIndex the argument, 1 to 7 as strace counts ({@code @arg1} is the first)
     * @param data     the bytes
     */
    public record Poke(boolean atEntry, int argIndex, byte[] data) {
        /** Copies the bytes. */
        public Poke {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /** Copies the list. */
    public InjectRule {
        pokes = List.copyOf(pokes);
    }

    /** Whether any poke is due at the entry ({@code true}) or at the exit. */
    boolean pokesAt(boolean entry) {
        for (Poke p : pokes) {
            if (p.atEntry() == entry) return true;
        }
        return false;
    }
}
