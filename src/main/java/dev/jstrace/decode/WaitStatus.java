package dev.jstrace.decode;

/**
 * A wait(2) status word, decoded in this one place: for the process events
 * (exited with N, killed by SIG), strace's {@code +++} line and wait4's
 * {@code [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]}. The bit layout is the
 * kernel's and the same on every architecture (glibc's bits/waitstatus.h).
 *
 * @param raw the status word
 */
public record WaitStatus(int raw) {
    /**
     * WIFEXITED.
     *
     * @return whether the process exited normally
     */
    public boolean exited() {
        return (raw & 0x7f) == 0;
    }

    /**
     * WEXITSTATUS (meaningful when {@link #exited()}).
     *
     * @return the exit code
     */
    public int exitCode() {
        return (raw >> 8) & 0xff;
    }

    /**
     * WIFSIGNALED: ended by a signal.
     *
     * @return whether a signal ended the process
     */
    public boolean signaled() {
        return !exited() && !stopped() && !continued();
    }

    /**
     * WTERMSIG (meaningful when {@link #signaled()}).
     *
     * @return the signal that ended it
     */
    public int termSignal() {
        return raw & 0x7f;
    }

    /**
     * WCOREDUMP.
     *
     * @return whether it dumped core
     */
    public boolean coreDumped() {
        return (raw & 0x80) != 0;
    }

    /**
     * WIFSTOPPED.
     *
     * @return whether the process is stopped
     */
    public boolean stopped() {
        return (raw & 0xff) == 0x7f;
    }

    /**
     * WSTOPSIG (meaningful when {@link #stopped()}).
     *
     * @return the signal that stopped it
     */
    public int stopSignal() {
        return (raw >> 8) & 0xff;
    }

    /**
     * WIFCONTINUED.
     *
     * @return whether the process was continued
     */
    public boolean continued() {
        return (raw & 0xffff) == 0xffff;
    }

    /** {@return {@code SIGSEGV (core dumped)}: how a killed process's signal is described} */
    public String killText() {
        return SignalNames.name(termSignal()) + (coreDumped() ? " (core dumped)" : "");
    }

    /**
     * What strace prints between {@code +++ } and {@code  +++} when a process ends:
     * {@code exited with 0}, {@code killed by SIGKILL}, {@code killed by SIGSEGV (core dumped)}.
     *
     * @return the text, or null when the status is no ending
     */
    public String exitText() {
        return exited() ? "exited with " + exitCode() : "killed by " + killText();
    }

    /** {@return strace's rendering in wait4's {@code [{...}]}} */
    public String straceText() {
        StringBuilder sb = new StringBuilder("[{");
        if (exited()) {
            sb.append("WIFEXITED(s) && WEXITSTATUS(s) == ").append(exitCode());
        } else if (stopped()) {
            sb.append("WIFSTOPPED(s) && WSTOPSIG(s) == ").append(SignalNames.name(stopSignal()));
            if ((raw >>> 16) != 0) sb.append(" && s>>16 == ").append(eventName(raw >>> 16));
        } else if (continued()) {
            sb.append("WIFCONTINUED(s)");
        } else {
            sb.append("WIFSIGNALED(s) && WTERMSIG(s) == ").append(SignalNames.name(termSignal()));
            if (coreDumped()) sb.append(" && WCOREDUMP(s)");
        }
        return sb.append("}]").toString();
    }

    private static String eventName(int e) {
        return switch (e) {
            case 1 -> "PTRACE_EVENT_FORK";
            case 2 -> "PTRACE_EVENT_VFORK";
            case 3 -> "PTRACE_EVENT_CLONE";
            case 4 -> "PTRACE_EVENT_EXEC";
            case 5 -> "PTRACE_EVENT_VFORK_DONE";
            case 6 -> "PTRACE_EVENT_EXIT";
            case 7 -> "PTRACE_EVENT_SECCOMP";
            case 0x80 -> "PTRACE_EVENT_STOP";
            default -> "0x" + Integer.toHexString(e);
        };
    }
}
