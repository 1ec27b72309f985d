package dev.jstrace.sink;

import dev.jstrace.Syscall;
import java.util.BitSet;

/**
 * One process's I/O counters as the Perfetto sink draws them: total bytes
 * read, total bytes written, and the number of open file descriptors, all
 * derived from syscall return values and arguments.
 *
 * <p>Open fds are tracked as a set, not a count, so that {@code dup2} onto an
 * open fd, a {@code close} of an fd never opened, and {@code execve} closing
 * the close-on-exec fds all come out right. The starting set comes from
 * {@code /proc/PID/fd} when the process is live, from the parent for a fork
 * child, and is otherwise the three standard streams.
 */
final class PerfettoIoCounters {
    /** {@link #apply} result bit: bytes read changed. */
    static final int READ = 1;
    /** {@link #apply} result bit: bytes written changed. */
    static final int WRITTEN = 2;
    /** {@link #apply} result bit: the open-fd count changed. */
    static final int FDS = 4;

    private final BitSet open;
    private final BitSet cloexec;
    long bytesRead;
    long bytesWritten;

    private PerfettoIoCounters(BitSet open, BitSet cloexec) {
        this.open = open;
        this.cloexec = cloexec;
    }

    /** Counters starting from a known fd set, or stdin/stdout/stderr when unknown. */
    static PerfettoIoCounters starting(BitSet fds) {
        BitSet open = fds != null ? (BitSet) fds.clone() : new BitSet();
        if (fds == null) {
            open.set(0, 3);
        }
        return new PerfettoIoCounters(open, new BitSet());
    }

    /** A fork child's counters: its parent's fd table, zero bytes. */
    static PerfettoIoCounters inheriting(PerfettoIoCounters parent) {
        return new PerfettoIoCounters((BitSet) parent.open.clone(), (BitSet) parent.cloexec.clone());
    }

    /** How many fds are open. */
    int openFds() {
        return open.cardinality();
    }

    /**
     * Accounts for one syscall.
     *
     * @return a mask of {@link #READ}, {@link #WRITTEN}, {@link #FDS}: which counters changed
     */
    int apply(Syscall s) {
        if (!s.returned() || s.failed()) {
            return 0;
        }
        long ret = s.returnValue();
        return switch (s.name()) {
            case "read", "pread64", "readv", "preadv", "preadv2", "recvfrom", "recvmsg", "recv" ->
                    ret > 0 ? addRead(ret) : 0;
            case "write", "pwrite64", "writev", "pwritev", "pwritev2", "sendto", "sendmsg", "send" ->
                    ret > 0 ? addWritten(ret) : 0;
            // These move bytes from one fd to another: count both sides.
            case "sendfile", "sendfile64", "splice", "copy_file_range", "tee" ->
                    ret > 0 ? addRead(ret) | addWritten(ret) : 0;
            case "open", "openat", "openat2", "creat", "open_by_handle_at", "socket", "accept", "accept4",
                 "dup", "epoll_create", "epoll_create1", "eventfd", "eventfd2", "signalfd", "signalfd4",
                 "timerfd_create", "inotify_init", "inotify_init1", "memfd_create", "memfd_secret",
                 "userfaultfd", "perf_event_open", "pidfd_open", "pidfd_getfd", "fanotify_init",
                 "io_uring_setup", "fsopen", "fsmount", "fspick", "open_tree", "mq_open",
                 "landlock_create_ruleset" -> opened((int) ret, anyArgSays(s, "CLOEXEC"));
            case "dup2" -> opened((int) ret, false);
            case "dup3" -> opened((int) ret, anyArgSays(s, "O_CLOEXEC"));
            case "fcntl", "fcntl64" -> fcntl(s, ret);
            case "pipe", "pipe2", "socketpair" -> openedPair(s);
            case "close" -> closed(s);
            case "close_range" -> closeRange(s);
            case "execve", "execveat" -> exec();
            default -> 0;
        };
    }

    private int addRead(long n) {
        bytesRead += n;
        return READ;
    }

    private int addWritten(long n) {
        bytesWritten += n;
        return WRITTEN;
    }

    private int opened(int fd, boolean closeOnExec) {
        if (fd < 0) {
            return 0;
        }
        int before = open.cardinality();
        open.set(fd);
        cloexec.set(fd, closeOnExec);
        return open.cardinality() != before ? FDS : 0;
    }

    private int fcntl(Syscall s, long ret) {
        if (s.argTexts().size() < 2) {
            return 0;
        }
        String cmd = s.argTexts().get(1);
        if (cmd.equals("F_DUPFD") || cmd.equals("F_DUPFD_CLOEXEC")) {
            return opened((int) ret, cmd.equals("F_DUPFD_CLOEXEC"));
        }
        if (cmd.equals("F_SETFD") && s.argTexts().size() > 2) {
            int fd = intArg(s, 0);
            if (fd >= 0) {
                cloexec.set(fd, s.argTexts().get(2).contains("FD_CLOEXEC"));
            }
        }
        return 0;
    }

    /** pipe/pipe2/socketpair write the new fds into the array argument, rendered {@code [3, 4]}. */
    private int openedPair(Syscall s) {
        int arrayArg = s.name().equals("socketpair") ? 3 : 0;
        if (s.argTexts().size() <= arrayArg) {
            return 0;
        }
        String text = s.argTexts().get(arrayArg);
        boolean closeOnExec = anyArgSays(s, "CLOEXEC");
        int changed = 0;
        int i = 0;
        while (i < text.length()) {
            if (Character.isDigit(text.charAt(i))) {
                int j = i;
                while (j < text.length() && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                changed |= opened(Integer.parseInt(text, i, j, 10), closeOnExec);
                i = j;
            } else {
                i++;
            }
        }
        return changed;
    }

    private int closed(Syscall s) {
        int fd = intArg(s, 0);
        if (fd < 0 || !open.get(fd)) {
            return 0; // an fd we did not know about: the starting set was incomplete
        }
        open.clear(fd);
        cloexec.clear(fd);
        return FDS;
    }

    private int closeRange(Syscall s) {
        long first = longArg(s, 0);
        long last = longArg(s, 1);
        if (first < 0 || last < first) {
            return 0;
        }
        int to = (int) Math.min(last, Integer.MAX_VALUE - 1) + 1;
        if (anyArgSays(s, "CLOSE_RANGE_CLOEXEC")) {
            cloexec.or(rangeOf(open, (int) first, to));
            return 0;
        }
        int before = open.cardinality();
        open.clear((int) first, Math.min(to, Math.max(open.length(), (int) first)));
        cloexec.clear((int) first, Math.min(to, Math.max(cloexec.length(), (int) first)));
        return open.cardinality() != before ? FDS : 0;
    }

    private int exec() {
        if (cloexec.isEmpty()) {
            return 0;
        }
        open.andNot(cloexec);
        cloexec.clear();
        return FDS;
    }

    private static BitSet rangeOf(BitSet set, int from, int to) {
        BitSet r = set.get(from, Math.max(from, Math.min(to, set.length())));
        BitSet shifted = new BitSet();
        for (int i = r.nextSetBit(0); i >= 0; i = r.nextSetBit(i + 1)) {
            shifted.set(from + i);
        }
        return shifted;
    }

    private static boolean anyArgSays(Syscall s, String flag) {
        for (String a : s.argTexts()) {
            if (a.contains(flag)) {
                return true;
            }
        }
        return false;
    }

    private static int intArg(Syscall s, int i) {
        long v = longArg(s, i);
        return v >= 0 && v <= Integer.MAX_VALUE ? (int) v : -1;
    }

    /** A leading decimal number of an argument's text ({@code 3} or {@code 3</etc/passwd>}), or -1. */
    private static long longArg(Syscall s, int i) {
        if (s.argTexts().size() <= i) {
            return -1;
        }
        String t = s.argTexts().get(i);
        int j = 0;
        while (j < t.length() && j < 18 && Character.isDigit(t.charAt(j))) {
            j++;
        }
        return j == 0 ? -1 : Long.parseLong(t, 0, j, 10);
    }
}
