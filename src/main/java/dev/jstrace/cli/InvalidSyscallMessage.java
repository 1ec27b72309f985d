package dev.jstrace.cli;

import dev.jstrace.Syscall;
import dev.jstrace.SyscallEntered;
import dev.jstrace.TraceEvent;
import dev.jstrace.TraceListener;
import dev.jstrace.arch.Arch;
import java.io.PrintStream;

/**
 * Under {@code -d}, strace 6.1's debug message for a syscall it does not know, on stderr:
 * {@code jstrace: pid 1234 invalid syscall 0x1c3} ({@code get_scno}'s {@code debug_msg}, the number in
 * {@code %#lx}). It is the one debug message jstrace prints: the rest of strace's {@code -d} output
 * describes strace's own workings.
 */
final class InvalidSyscallMessage implements TraceListener {
    private final PrintStream stderr;
    private final String program;
    private final boolean atEntry;

    /**
     * @param stderr  where the message goes
     * @param program the program name the message starts with
     * @param atEntry whether entries are delivered (strace prints the message at the entry; under
     *                {@code -c} the trace has only exits, so it is printed there)
     */
    InvalidSyscallMessage(PrintStream stderr, String program, boolean atEntry) {
        this.stderr = stderr;
        this.program = program;
        this.atEntry = atEntry;
    }

    @Override
    public void onEvent(TraceEvent event) {
        if (atEntry && event instanceof SyscallEntered e) {
            message(e.tid(), e.name());
        } else if (!atEntry && event instanceof Syscall s) {
            message(s.tid(), s.name());
        }
    }

    private void message(int tid, String name) {
        if (!Arch.isRawName(name)) return;
        stderr.println(program + ": pid " + tid + " invalid syscall " + name.substring("syscall_".length()));
    }
}
