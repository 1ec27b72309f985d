package dev.jstrace.sink;

import dev.jstrace.Syscall;
import dev.jstrace.decode.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * strace's {@code -P PATH} / {@code --trace-path}: keeps the calls whose
 * arguments name one of the paths, either as a path string or as a file
 * descriptor open on it.
 *
 * <p>It works on the decoded values, never on their rendering: a string argument
 * matches when its captured bytes are the path's bytes, so {@code -x}, {@code -X},
 * {@code -s} change nothing. Like strace, a path that resolves (realpath) to
 * another one is also matched as the resolved path, which is how a relative
 * {@code -P} path matches descriptors. strace resolves a bare fd through
 * {@code /proc} while the tracee is stopped; here calls arrive after the fact
 * (the process may have closed the fd, or exited), so the descriptors that
 * matched calls return (open, openat, creat, dup, fcntl F_DUPFD) are remembered
 * per process until their close. A descriptor opened before the trace (a
 * {@code -p} attach) is resolved through {@code /proc/TID/fd}, which is right
 * while it stays open. Under {@code -y} the path captured with the fd is used.
 * Calls are seen in order, one at a time.
 */
public final class FilterByPath {
    /** fcntl's F_DUPFD and F_DUPFD_CLOEXEC (include/uapi/asm-generic/fcntl.h, linux/fcntl.h). */
    private static final long F_DUPFD = 0, F_DUPFD_CLOEXEC = 1030;
    private final List<byte[]> pathBytes = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();
    private final Map<String, String> resolved = new LinkedHashMap<>();
    private final Set<String> descriptorCalls;
    /** Per process: descriptors known to be open on one of the paths. */
    private final Map<Integer, Set<Integer>> openOnPath = new HashMap<>();
    /** Per process: descriptors this trace saw created; /proc would describe a later file on them. */
    private final Map<Integer, Set<Integer>> seenCreated = new HashMap<>();
    private static final Set<String> CREATES_FD = Set.of("open", "openat", "openat2", "creat", "dup", "dup2", "dup3",
            "fcntl", "socket", "accept", "accept4", "epoll_create", "epoll_create1", "eventfd", "eventfd2",
            "memfd_create", "signalfd4", "timerfd_create", "inotify_init1", "pidfd_open", "open_tree", "fsopen");
    private static final Set<String> RETURNS_FD = Set.of("open", "openat", "openat2", "creat", "dup", "dup2", "dup3",
            "fcntl", "fcntl64");

    /**
     * A filter for {@code -P} paths.
     *
     * @param paths           the paths given with {@code -P}
     * @param descriptorCalls the syscalls whose first argument is a file descriptor (strace's {@code %desc})
     */
    public FilterByPath(Set<String> paths, Set<String> descriptorCalls) {
        this.descriptorCalls = Set.copyOf(descriptorCalls);
        for (String p : paths) {
            add(p);
            String real = realPath(p);
            if (real != null && !real.equals(p)) {
                resolved.put(p, real);
                add(real);
            }
        }
    }

    private void add(String p) {
        if (this.paths.add(p)) pathBytes.add(p.getBytes(StandardCharsets.UTF_8));
    }

    private static String realPath(String p) {
        try {
            return Path.of(p).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return null; // strace: a path realpath cannot resolve is matched only as given
        }
    }

    /**
     * The paths given that resolve to another path, with that path: strace says
     * {@code Requested path "X" resolved into "Y"} for each.
     *
     * @return each requested path that resolves elsewhere, with its resolution
     */
    public Map<String, String> resolvedPaths() {
        return java.util.Collections.unmodifiableMap(resolved);
    }

    /**
     * {@return whether the call touches one of the paths (and, for calls that open or close one, remembers it)}
     *
     * @param call the call
     */
    public synchronized boolean matches(Syscall call) {
        boolean match = named(call);
        if (call.returned() && call.returnValue() >= 0 && call.returnValue() < Integer.MAX_VALUE
                && CREATES_FD.contains(call.name())) {
            seenCreated.computeIfAbsent(call.pid(), k -> new HashSet<>()).add((int) call.returnValue());
        }
        Integer fd = firstFd(call);
        Set<Integer> known = openOnPath.get(call.pid());
        if (!match && fd != null && known != null && known.contains(fd)) match = true;
        if (fd != null && call.name().equals("close") && known != null) known.remove(fd);
        boolean dup2 = call.name().equals("dup2") || call.name().equals("dup3");
        if (dup2 && call.args().size() > 1 && call.args().get(1) instanceof Value.Num target && known != null) {
            // strace checks both of dup2's descriptors; the new one stops naming the path when replaced.
            int newFd = (int) target.value();
            if (known.contains(newFd)) match = true;
            if (call.returned() && call.returnValue() >= 0 && (fd == null || !known.contains(fd))) known.remove(newFd);
        }
        if (match && call.returned() && call.returnValue() >= 0 && RETURNS_FD.contains(call.name())
                && (!call.name().startsWith("fcntl") || dupCommand(call))) {
            openOnPath.computeIfAbsent(call.pid(), k -> new HashSet<>()).add((int) call.returnValue());
        }
        return match;
    }

    /** The first argument as a descriptor number, for the calls whose first argument is one. */
    private Integer firstFd(Syscall call) {
        if (!descriptorCalls.contains(call.name()) || call.args().isEmpty()) return null;
        return call.args().getFirst() instanceof Value.Fd f && f.name() == null ? f.fd() : null;
    }

    private static boolean dupCommand(Syscall call) {
        if (call.args().size() < 2) return false;
        long cmd = switch (call.args().get(1)) {
            case Value.Sym s -> s.raw();
            case Value.Num n -> n.value();
            default -> -1;
        };
        return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC;
    }

    /** The path appears in an argument, or a bare fd is open on it now ({@code /proc}). */
    private boolean named(Syscall call) {
        if (call.name().equals("fsconfig")) return fsconfigNames(call);
        for (Value a : call.args()) {
            if (names(a)) return true;
        }
        Integer fd = firstFd(call);
        if (fd != null && !(call.args().getFirst() instanceof Value.Fd f && f.path() != null)) {
            // Calls arrive after the fact: an fd this trace saw created may by now name
            // another file, so /proc is asked only about fds older than the trace (-p).
            Set<Integer> seen = seenCreated.get(call.pid());
            if (seen != null && seen.contains(fd)) return false;
            try {
                Path target = Files.readSymbolicLink(Path.of("/proc", Integer.toString(call.tid()), "fd",
                        Integer.toString(fd)));
                return paths.contains(target.toString());
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * strace's pathtrace.c for fsconfig: only its value and aux name files, and only for the commands
     * that take a path (FSCONFIG_SET_PATH, FSCONFIG_SET_PATH_EMPTY: value and the dirfd in aux) or an fd
     * (FSCONFIG_SET_FD: aux); the filesystem fd in front is not matched.
     */
    private boolean fsconfigNames(Syscall call) {
        List<Value> a = call.args();
        if (a.size() < 5 || !(a.get(1) instanceof Value.Sym cmd)) return false;
        return switch ((int) cmd.raw()) {
            case 3, 4 -> names(a.get(3)) || names(a.get(4));
            case 5 -> names(a.get(4));
            default -> false;
        };
    }

    /** A whole string equal to a path, or a descriptor whose captured path is one. */
    private boolean names(Value v) {
        return switch (v) {
            case Value.Str s -> !s.cut() && s.kind() != Value.Str.Kind.BUFFER && s.kind() != Value.Str.Kind.HEX
                    && isPath(s.bytes());
            case Value.Fd f -> f.path() != null && paths.contains(f.path());
            case Value.Named n -> names(n.value());
            default -> false;
        };
    }

    private boolean isPath(byte[] b) {
        for (byte[] p : pathBytes) if (java.util.Arrays.equals(p, b)) return true;
        return false;
    }
}
