package dev.jstrace.cli;

import dev.jstrace.Syscall;
import dev.jstrace.TraceEvent;
import dev.jstrace.TraceListener;
import dev.jstrace.arch.gen.Errnos;
import java.io.PrintStream;

/**
 * strace's {@code exec: Permission denied}: when the launched command's own
 * execve fails (a directory, a file without execute permission), strace's
 * child prints that line after the traced {@code execve(...) = -1 EACCES} and
 * exits 1. Here the child is the spawn stub, which prints nothing, so this
 * sink, placed after the text sink, prints the line in the same place.
 */
final class ExecFailureMessage implements TraceListener {
    private final PrintStream stderr;
    private boolean firstCallSeen;

    ExecFailureMessage(PrintStream stderr) {
        this.stderr = stderr;
    }

    @Override
    public void onEvent(TraceEvent event) {
        // Nothing of the child is reported before its execve: the first call is that execve.
        if (firstCallSeen || !(event instanceof Syscall s)) return;
        firstCallSeen = true;
        if (s.failed() && s.name().startsWith("execve")) {
            String reason = Errnos.message((int) -s.returnValue());
            stderr.println(Main.NAME + ": exec: " + (reason != null ? reason : s.errno()));
            stderr.flush();
        }
    }
}
