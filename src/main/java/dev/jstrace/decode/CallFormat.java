package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.List;

/**
 * A syscall strace prints through one function of its own (its {@code SYS_FUNC}) rather
 * than argument by argument: the later arguments depend on an earlier one (prctl's
 * option, ioprio's class), or the result carries a decoration ({@code = 0
 * (IOPRIO_PRIO_VALUE(...))}, {@code time}'s date). One implementation captures what it
 * will print, at entry and at exit, and decodes it; {@link CallFormats} names them.
 */
interface CallFormat {
    /**
     * Copies, at entry and while the tracee is stopped, what the entry part will print.
     *
     * @param arch the arch
     * @param args the entry registers (not to be kept)
     * @param mem where to copy from
     * @param opt the options ({@code -s})
     */
    default void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {}

    /**
     * {@return whether {@link #captureExit} runs after a failed call too (sched_setattr's E2BIG
     * reports the size the kernel wanted through the struct)}
     */
    default boolean capturesAtFailedExit() {
        return false;
    }

    /**
     * Copies, at a successful exit (or a failed one, see {@link #capturesAtFailedExit}), what the
     * exit part will print.
     *
     * @param arch the arch
     * @param args the entry registers (not to be kept)
     * @param rval the result
     * @param mem where to copy from
     * @param opt the options
     */
    default void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {}

    /**
     * Decodes the call.
     *
     * @param c the call
     * @return the arguments strace prints, how many of them at entry, and the result decoration
     */
    Decoded decode(CallContext c);

    /**
     * One call as strace prints it.
     *
     * @param args       the printed arguments
     * @param entryCount how many of them strace prints at entry (the rest after {@code resumed>})
     * @param result     the whole text after {@code = } on success ({@code 0x3 (SECBIT_NOROOT)}),
     *                   or null for the signature's rule
     */
    record Decoded(List<Value> args, int entryCount, String result) {
        /** Copies the arguments. */
        public Decoded {
            args = List.copyOf(args);
        }

        /** {@return every argument printed at entry, the result by the signature's rule} */
        static Decoded atEntry(List<Value> args) {
            return new Decoded(args, args.size(), null);
        }
    }
}
