package dev.jstrace;

import dev.jstrace.decode.SignalNames;

/**
 * What tampering ({@link Tamper}, {@code -e inject=}) did to one {@link Syscall}.
 *
 * @param injected the result is an injected error or value: the call itself did not run
 *                 (or its {@code syscall=} substitute ran in its place)
 * @param poked    tracee memory was overwritten at the entry or exit
 * @param delayed  the call was held at its entry or exit
 * @param signal   the signal raised at its entry, or 0
 */
public record Tampering(boolean injected, boolean poked, boolean delayed, int signal) {
    /** Nothing was done to the call. */
    public static final Tampering NONE = new Tampering(false, false, false, 0);

    /** From the loop's bits ({@code RawEvent.SyscallExit.tampering()}). */
    static Tampering of(int bits) {
        if (bits == 0) return NONE;
        return new Tampering((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits >> 8) & 0xff);
    }

    /** {@return whether anything was done} */
    public boolean any() {
        return injected || poked || delayed || signal != 0;
    }

    /** {@return the signal's name ({@code SIGUSR1}), or null when none was raised} */
    public String signalName() {
        return signal == 0 ? null : SignalNames.name(signal);
    }

    /**
     * What strace appends to the result: {@code " (INJECTED)"}, {@code " (INJECTED: args)"},
     * {@code " (INJECTED: args, retval)"}, then {@code " (DELAYED)"}; empty for none (a signal
     * alone adds nothing: strace shows it as its own {@code ---} line).
     *
     * @return the note
     */
    public String straceNote() {
        String s = injected && poked ? " (INJECTED: args, retval)" : poked ? " (INJECTED: args)"
                : injected ? " (INJECTED)" : "";
        return delayed ? s + " (DELAYED)" : s;
    }
}
