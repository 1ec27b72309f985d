package dev.jstrace.sink;

import dev.jstrace.Syscall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * strace's {@code -P PATH} / {@code --trace-path}: keeps the calls whose
 * arguments name one of the paths, either as a path string or as a file
 * descriptor open on it.
 *
 * <p>It works on the rendered arguments: a path argument renders as the
 * quoted string, a {@code -y} fd as {@code 3</path>}. strace resolves a bare
 * fd through {@code /proc} while the tracee is stopped; here calls arrive after
 * the fact (the process may have closed the fd, or exited), so the descriptors
 * that matched calls return (open, openat, creat, dup, fcntl F_DUPFD) are
 * remembered per process until their close. A descriptor opened before the
 * trace (a {@code -p} attach) is resolved through {@code /proc/TID/fd}, which
 * is right while it stays open. Calls are seen in order, one at a time.
 */
public final class FilterByPath {
    private final List<String> quoted = new ArrayList<>();
    private final List<String> decorated = new ArrayList<>();
    private final Set<String> paths;
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
     * @param paths           the paths given with {@code -P}
     * @param descriptorCalls the syscalls whose first argument is a file descriptor (strace's {@code %desc})
     */
    public FilterByPath(Set<String> paths, Set<String> descriptorCalls) {
        this.paths = Set.copyOf(paths);
        this.descriptorCalls = Set.copyOf(descriptorCalls);
        for (String p : paths) {
            quoted.add(quote(p));
            decorated.add("<" + p + ">");
        }
    }

    /** Whether the call touches one of the paths (and, for calls that open or close one, remembers it). */
    public synchronized boolean matches(Syscall call) {
        boolean match = named(call);
        if (call.returned() && call.returnValue() >= 0 && call.returnValue() < Integer.MAX_VALUE
                && CREATES_FD.contains(call.name())) {
            seenCreated.computeIfAbsent(call.pid(), k -> new HashSet<>()).add((int) call.returnValue());
        }
        List<String> args = call.argTexts();
        Integer fd = descriptorCalls.contains(call.name()) && !args.isEmpty() && args.getFirst().matches("\\d{1,7}")
                ? Integer.valueOf(args.getFirst()) : null;
        Set<Integer> known = openOnPath.get(call.pid());
        if (!match && fd != null && known != null && known.contains(fd)) match = true;
        if (fd != null && call.name().equals("close") && known != null) known.remove(fd);
        if (match && call.returned() && call.returnValue() >= 0 && RETURNS_FD.contains(call.name())
                && (!call.name().startsWith("fcntl") || args.size() > 1 && args.get(1).startsWith("F_DUPFD"))) {
            openOnPath.computeIfAbsent(call.pid(), k -> new HashSet<>()).add((int) call.returnValue());
        }
        return match;
    }

    /** The path appears in an argument, or a bare fd is open on it now ({@code /proc}). */
    private boolean named(Syscall call) {
        List<String> args = call.argTexts();
        for (String a : args) {
            for (String q : quoted) if (a.equals(q) || a.startsWith(q + "...")) return true;
            for (String d : decorated) if (a.endsWith(d)) return true;
        }
        if (descriptorCalls.contains(call.name()) && !args.isEmpty() && args.getFirst().matches("\\d{1,7}")) {
            // Calls arrive after the fact: an fd this trace saw created may by now name
            // another file, so /proc is asked only about fds older than the trace (-p).
            Set<Integer> seen = seenCreated.get(call.pid());
            if (seen != null && seen.contains(Integer.valueOf(args.getFirst()))) return false;
            try {
                Path target = Files.readSymbolicLink(Path.of("/proc", Integer.toString(call.tid()), "fd",
                        args.getFirst()));
                return paths.contains(target.toString());
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return false;
    }

    /** The path as strace quotes a C string (printable ASCII kept, the rest escaped). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (byte by : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = by & 0xff;
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) b.append((char) c);
                    else b.append('\\').append(Integer.toOctalString(c));
                }
            }
        }
        return b.append('"').toString();
    }
}
