package dev.jstrace.sink;

import dev.jstrace.Syscall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * strace's {@code -P PATH} / {@code --trace-path}: keeps the calls whose
 * arguments name one of the paths, either as a path string or as a file
 * descriptor open on it.
 *
 * <p>It works on the rendered arguments: a path argument renders as the
 * quoted string, a {@code -y} fd as {@code 3</path>}; a bare fd of a
 * descriptor call is resolved through {@code /proc/TID/fd} when the thread
 * still exists (strace resolves at entry; a descriptor closed in between is
 * missed here).
 */
public final class FilterByPath {
    private final List<String> quoted = new ArrayList<>();
    private final List<String> decorated = new ArrayList<>();
    private final Set<String> paths;
    private final Set<String> descriptorCalls;

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

    /** Whether the call touches one of the paths. */
    public boolean matches(Syscall call) {
        List<String> args = call.argTexts();
        for (String a : args) {
            for (String q : quoted) if (a.equals(q) || a.startsWith(q + "...")) return true;
            for (String d : decorated) if (a.endsWith(d)) return true;
        }
        if (descriptorCalls.contains(call.name()) && !args.isEmpty() && args.getFirst().matches("\\d{1,7}")) {
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
