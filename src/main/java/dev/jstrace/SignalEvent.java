package dev.jstrace;

/**
 * A signal delivered to a traced thread ({@code --- SIGCHLD {si_signo=SIGCHLD, ...} ---}),
 * or a group-stop ({@code --- stopped by SIGSTOP ---}).
 *
 * @param pid       the process (thread group) id
 * @param tid       the thread id
 * @param timeNanos when it happened, nanoseconds since the epoch
 * @param signo      the signal number
 * @param name       its name, {@code SIGCHLD}
 * @param siginfo    the decoded siginfo as strace prints it, {@code {si_signo=SIGCHLD, ...}}, or
 *                   {@code null} for a group-stop
 * @param groupStop  whether this is a group-stop rather than a delivery
 */
public record SignalEvent(int pid, int tid, long timeNanos, int signo, String name, String siginfo,
                          boolean groupStop) implements TraceEvent {
    /** {@return the line strace prints, without the pid prefix} */
    public String straceText() {
        return groupStop ? "--- stopped by " + name + " ---" : "--- " + name + " " + siginfo + " ---";
    }
}
