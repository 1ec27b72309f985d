package dev.jstrace.junit;

import dev.jstrace.Syscall;
import dev.jstrace.SyscallClasses;
import dev.jstrace.Trace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The system calls one test method made, with assertions that say what the
 * code must (not) do. A failed assertion throws an {@link AssertionError}
 * that prints the offending calls as strace prints them.
 */
public final class RecordedSyscalls {
    private static final Set<String> OPENS = Set.of("open", "openat", "openat2", "creat");
    private final Trace trace;

    RecordedSyscalls(Trace trace) {
        this.trace = trace;
    }

    /**
     * Everything recorded.
     *
     * @return the trace of the test method
     */
    public Trace trace() {
        return trace;
    }

    /**
     * The calls in the order they returned.
     *
     * @return every recorded syscall
     */
    public List<Syscall> syscalls() {
        return trace.syscalls();
    }

    /**
     * The names of the calls made, each once.
     *
     * @return the distinct syscall names, sorted
     */
    public Set<String> distinctSyscalls() {
        Set<String> names = new TreeSet<>();
        for (Syscall s : trace.syscalls()) names.add(s.name());
        return names;
    }

    /**
     * Fails when the code made any call of strace's {@code %network} class
     * ({@code socket}, {@code connect}, {@code sendto}, …).
     *
     * @return this, for more assertions
     */
    public RecordedSyscalls assertNoNetworkCalls() {
        Set<String> network = SyscallClasses.members("%network");
        return refuse(s -> network.contains(s.name()), "expected no network calls");
    }

    /**
     * Fails when the code opened a file outside {@code dir} (a relative path
     * is taken from the working directory; a path relative to another
     * directory descriptor cannot be placed and counts as outside).
     *
     * @param dir the directory every opened file must be in
     * @return this, for more assertions
     */
    public RecordedSyscalls assertNoFileOpenedOutside(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        return refuse(s -> {
            Path p = openedPath(s);
            return OPENS.contains(s.name()) && (p == null || !p.startsWith(root));
        }, "expected no file opened outside " + root);
    }

    /**
     * Fails when the code made more than {@code max} calls named
     * {@code syscall} (or of the class, such as {@code %network}).
     *
     * @param max     the most calls allowed
     * @param syscall a syscall name ({@code fsync}) or class ({@code %file})
     * @return this, for more assertions
     */
    public RecordedSyscalls assertAtMost(int max, String syscall) {
        Set<String> names = SyscallClasses.members(syscall);
        Set<String> match = names != null ? names : Set.of(syscall);
        if (names == null && !SyscallClasses.allNames().contains(syscall)) {
            throw new IllegalArgumentException("assertAtMost: unknown system call '" + syscall + "'");
        }
        List<Syscall> calls = select(s -> match.contains(s.name()));
        if (calls.size() > max) {
            throw new AssertionError(lines("expected at most " + max + " " + syscall + " call" + (max == 1 ? "" : "s")
                    + ", but the code made " + calls.size(), calls));
        }
        return this;
    }

    /**
     * Fails unless the code opened {@code file}, and opened it read-only every time.
     *
     * @param file the file
     * @return this, for more assertions
     */
    public RecordedSyscalls assertOpenedReadOnly(Path file) {
        Path want = file.toAbsolutePath().normalize();
        List<Syscall> opens = select(s -> OPENS.contains(s.name()) && want.equals(openedPath(s)));
        if (opens.isEmpty()) {
            throw new AssertionError(lines("expected " + want + " to be opened read-only, but it was not opened;"
                    + " the opens were", select(s -> OPENS.contains(s.name()))));
        }
        List<Syscall> writable = opens.stream().filter(s -> !readOnly(s)).toList();
        if (!writable.isEmpty()) {
            throw new AssertionError(lines("expected " + want + " to be opened read-only, but the code opened it"
                    + " for writing", writable));
        }
        return this;
    }

    private RecordedSyscalls refuse(Predicate<Syscall> bad, String expectation) {
        List<Syscall> calls = select(bad);
        if (!calls.isEmpty()) {
            throw new AssertionError(lines(expectation + ", but the code made " + calls.size(), calls));
        }
        return this;
    }

    private List<Syscall> select(Predicate<Syscall> p) {
        List<Syscall> out = new ArrayList<>();
        for (Syscall s : trace.syscalls()) {
            if (p.test(s)) out.add(s);
        }
        return out;
    }

    private static String lines(String head, List<Syscall> calls) {
        StringBuilder b = new StringBuilder(head).append(':');
        for (Syscall s : calls) b.append("\n    ").append(s.straceText());
        if (calls.isEmpty()) b.append(" (none)");
        return b.toString();
    }

    /** The file an open-like call names, made absolute; null when it cannot be placed. */
    private static Path openedPath(Syscall s) {
        if (!OPENS.contains(s.name())) return null;
        boolean at = s.name().startsWith("openat");
        List<String> a = s.argTexts();
        if (a.size() < (at ? 2 : 1)) return null;
        String text = unquote(a.get(at ? 1 : 0));
        if (text == null) return null;
        if (!text.startsWith("/") && at && !a.get(0).equals("AT_FDCWD")) return null;
        return Path.of(System.getProperty("user.dir")).resolve(text).normalize();
    }

    private static boolean readOnly(Syscall s) {
        int flagsArg = switch (s.name()) {
            case "open" -> 1;
            case "openat", "openat2" -> 2;
            default -> -1; // creat: O_CREAT|O_WRONLY|O_TRUNC
        };
        if (flagsArg < 0 || s.argTexts().size() <= flagsArg) return false;
        String flags = s.argTexts().get(flagsArg);
        return flags.contains("O_RDONLY") && !flags.contains("O_WRONLY") && !flags.contains("O_RDWR");
    }

    /** A C string as strace prints it, back to its characters; null for anything else (a pointer, truncated). */
    private static String unquote(String text) {
        if (text.length() < 2 || text.charAt(0) != '"' || !text.endsWith("\"")) return null;
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length() - 1) {
                b.append(c);
                continue;
            }
            char n = text.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'x' -> {
                    b.append((char) Integer.parseInt(text.substring(i + 1, Math.min(i + 3, text.length() - 1)), 16));
                    i += 2;
                }
                default -> {
                    if (n >= '0' && n <= '7') {
                        int end = i;
                        while (end < Math.min(i + 3, text.length() - 1) && text.charAt(end) >= '0'
                                && text.charAt(end) <= '7') {
                            end++;
                        }
                        b.append((char) Integer.parseInt(text.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        b.append(n);
                    }
                }
            }
        }
        return b.toString();
    }
}
