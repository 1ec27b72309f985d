package dev.jstrace.sink;

import dev.jstrace.Syscall;
import dev.jstrace.decode.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the timeline sinks' process and thread names come from, read off the
 * decoded values of the calls that set them, as the kernel applies them: an
 * exec sets the argv and the comm (the file name, cut to 15 bytes);
 * {@code prctl(PR_SET_NAME)} sets the caller's comm; a write to
 * {@code /proc/.../task/TID/comm} (how {@code pthread_setname_np} names
 * another thread) sets that thread's. Never from rendered text, except for
 * calls that come without decoded values.
 */
final class PerfettoNames {
    private PerfettoNames() {}

    /** TASK_COMM_LEN - 1: the kernel keeps this many bytes of a thread's name. */
    static final int COMM_BYTES = 15;
    /** PR_SET_NAME (include/uapi/linux/prctl.h). */
    private static final long PR_SET_NAME = 15;
    /** The comm files a thread's name can be written through. */
    private static final Pattern COMM_FILE =
            Pattern.compile("/proc/(self|thread-self|\\d+)(?:/task/(\\d+))?/comm");

    /** The program name Perfetto shows for a process: argv[0]'s file name; null when unknown. */
    static String programName(List<String> argv) {
        if (argv == null || argv.isEmpty() || argv.getFirst().isEmpty()) {
            return null;
        }
        String first = argv.getFirst();
        return first.substring(first.lastIndexOf('/') + 1);
    }

    /** The comm the kernel gives a program at exec: its file name, cut to 15 bytes. */
    static String commOf(String path) {
        return commOf(path.substring(path.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8));
    }

    /** A comm from raw bytes: up to a NUL (and a write's trailing newline), cut to 15 bytes. */
    static String commOf(byte[] data) {
        int n = 0;
        while (n < data.length && n < COMM_BYTES && data[n] != 0) {
            n++;
        }
        if (n > 0 && n == data.length && data[n - 1] == '\n') {
            n--; // echo's newline: the kernel strips it from a comm write
        }
        return new String(data, 0, n, StandardCharsets.UTF_8);
    }

    /** The path an execve/execveat ran, from its decoded value; null when it has none. */
    static String execPath(Syscall s) {
        int i = s.name().equals("execveat") ? 1 : 0;
        return i < s.args().size() && s.args().get(i) instanceof Value.Str str ? str.string() : null;
    }

    /**
     * The argv of an execve/execveat from its decoded value, each element as
     * the program received it; an element or list the capture cut short ends
     * in {@code ...}. Null when the call carries no decoded argv.
     */
    static List<String> execArgv(Syscall s) {
        Value.Strings strings = argvValue(s);
        if (strings == null) {
            return null;
        }
        List<String> argv = new ArrayList<>();
        for (Value v : strings.items()) {
            argv.add(v instanceof Value.Str str ? str.string() + (str.cut() ? "..." : "") : "?");
        }
        if (!strings.complete()) {
            argv.add("...");
        }
        return argv;
    }

    /** Whether {@link #execArgv} had to cut something (the capture limit): /proc may know the whole argv. */
    static boolean execArgvCut(Syscall s) {
        Value.Strings strings = argvValue(s);
        return strings == null || !strings.complete()
                || strings.items().stream().anyMatch(v -> !(v instanceof Value.Str str) || str.cut());
    }

    private static Value.Strings argvValue(Syscall s) {
        int i = s.name().equals("execveat") ? 2 : 1;
        return i < s.args().size() && s.args().get(i) instanceof Value.Strings strings ? strings : null;
    }

    /** The name a successful {@code prctl(PR_SET_NAME, name)} gave its caller, or null for any other call. */
    static String prctlName(Syscall s) {
        if (!s.name().equals("prctl") || s.failed() || !s.returned() || s.args().size() < 2
                || !(s.args().get(0) instanceof Value.Sym option) || option.raw() != PR_SET_NAME
                || !(s.args().get(1) instanceof Value.Str name)) {
            return null;
        }
        return commOf(name.bytes());
    }

    /**
     * The thread a successful open of a comm file names ({@code /proc/self/task/TID/comm},
     * {@code /proc/PID/comm} names the main thread), or 0 when the call is not one.
     */
    static int commFileTarget(Syscall s) {
        boolean open = s.name().equals("openat") || s.name().equals("open") || s.name().equals("openat2");
        if (!open || !s.returned() || s.failed() || s.returnValue() < 0) {
            return 0;
        }
        int i = s.name().equals("open") ? 0 : 1;
        if (i >= s.args().size() || !(s.args().get(i) instanceof Value.Str path)) {
            return 0;
        }
        Matcher m = COMM_FILE.matcher(path.string());
        if (!m.matches()) {
            return 0;
        }
        if (m.group(2) != null) {
            return Integer.parseInt(m.group(2));
        }
        return switch (m.group(1)) {
            case "self" -> s.pid();
            case "thread-self" -> s.tid();
            default -> Integer.parseInt(m.group(1));
        };
    }

    /** The bytes a successful write put in its buffer, or null when the call is not a plain write. */
    static byte[] written(Syscall s) {
        if (!(s.name().equals("write") || s.name().equals("pwrite64")) || !s.returned() || s.failed()
                || s.args().size() < 2 || !(s.args().get(1) instanceof Value.Str data)) {
            return null;
        }
        return data.bytes();
    }

    /** The fd argument of a call (a decoded fd or number), or -1. */
    static int fdArg(Syscall s) {
        if (s.args().isEmpty()) {
            return -1;
        }
        return switch (s.args().getFirst()) {
            case Value.Fd fd -> fd.fd();
            case Value.Num n -> (int) n.value();
            default -> -1;
        };
    }
}
