package dev.jstrace.sink;

import dev.jstrace.Syscall;
import dev.jstrace.decode.Value;
import java.util.BitSet;

/**
 * One process's I/O counters as the Perfetto sink draws them: total bytes
 * read, total bytes written, and the number of open file descriptors, all
 * derived from syscall return values and the decoded argument values (never
 * their rendered text).
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
    /** FD_CLOEXEC (include/uapi/asm-generic/fcntl.h). */
    private static final long FD_CLOEXEC = 1;
    /** CLOSE_RANGE_CLOEXEC (include/uapi/linux/close_range.h). */
    private static final long CLOSE_RANGE_CLOEXEC = 1 << 2;

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

    /**
     * After an exec, the fd set the kernel left, when it can be read live:
     * exact, where dropping the close-on-exec fds we know of is not (a
     * spawned child is first seen with its parent's descriptors, whose flags
     * we never saw set). Returns whether the count changed.
     */
    boolean resetTo(BitSet live) {
        int before = open.cardinality();
        open.clear();
        open.or(live);
        cloexec.clear();
        return open.cardinality() != before;
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
        if (s.args().size() < 2 || !(s.args().get(1) instanceof Value.Sym cmd)) {
            return 0;
        }
        if (cmd.has("F_DUPFD") || cmd.has("F_DUPFD_CLOEXEC")) {
            return opened((int) ret, cmd.has("F_DUPFD_CLOEXEC"));
        }
        if (cmd.has("F_SETFD") && s.args().size() > 2) {
            int fd = intArg(s, 0);
            if (fd >= 0) {
                cloexec.set(fd, (numberOf(s.args().get(2)) & FD_CLOEXEC) != 0);
            }
        }
        return 0;
    }

    /** pipe/pipe2/socketpair write the new fds into the array argument ({@code [3, 4]}). */
    private int openedPair(Syscall s) {
        int arrayArg = s.name().equals("socketpair") ? 3 : 0;
        if (s.args().size() <= arrayArg || !(s.args().get(arrayArg) instanceof Value.Array fds)) {
            return 0;
        }
        boolean closeOnExec = anyArgSays(s, "CLOEXEC");
        int changed = 0;
        for (Value fd : fds.items()) {
            long n = numberOf(fd);
            if (n >= 0 && n <= Integer.MAX_VALUE) {
                changed |= opened((int) n, closeOnExec);
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
        if (s.args().size() > 2 && (numberOf(s.args().get(2)) & CLOSE_RANGE_CLOEXEC) != 0) {
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

    /** Whether a flag-set argument (or a structure's, as openat2's open_how) has a name containing {@code flag}. */
    private static boolean anyArgSays(Syscall s, String flag) {
        for (Value v : s.args()) {
            if (says(v, flag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean says(Value v, String flag) {
        return switch (v) {
            case Value.Sym sym -> sym.names().stream().anyMatch(n -> n.contains(flag));
            case Value.Named named -> says(named.value(), flag);
            case Value.Struct st -> st.fields().stream().anyMatch(f -> says(f.value(), flag));
            default -> false;
        };
    }

    private static int intArg(Syscall s, int i) {
        long v = longArg(s, i);
        return v >= 0 && v <= Integer.MAX_VALUE ? (int) v : -1;
    }

    /** An argument's number (a descriptor, a count, a flag set's bits), or -1 when it has none. */
    private static long longArg(Syscall s, int i) {
        return s.args().size() > i ? numberOf(s.args().get(i)) : -1;
    }

    private static long numberOf(Value v) {
        return switch (v) {
            case Value.Num n -> n.value();
            case Value.Fd fd -> fd.fd();
            case Value.Sym sym -> sym.raw();
            case Value.Named named -> numberOf(named.value());
            default -> -1;
        };
    }
}
