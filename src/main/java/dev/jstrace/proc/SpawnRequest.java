package dev.jstrace.proc;

import dev.jstrace.arch.gen.Errnos;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to launch, taken from a {@link ProcessBuilder} (command, directory,
 * environment, redirects, redirectErrorStream), plus extra raw syscalls for
 * the child to make after its own set-up and before it stops itself (e.g.
 * {@code prctl(PR_SET_NO_NEW_PRIVS)} and a seccomp filter).
 *
 * <p>Immutable; {@link #withExtraOps} returns a new request.
 */
public final class SpawnRequest {
    static final int ENOENT = 2;
    static final int EACCES = 13;
    static final int ENOTDIR = 20;

    private final List<String> command;
    private final File directory;
    private final Map<String, String> environment;
    private final ProcessBuilder.Redirect[] redirects;
    private final boolean redirectErrorStream;
    private final List<SpawnOp> extraOps;
    /** Made after the self-stop, i.e. once traced: a seccomp RET_TRACE filter must not see the stub's kill. */
    private final List<SpawnOp> afterStopOps;
    /** The caller's context, for a command line's child; null for a ProcessBuilder's. */
    private final CallerContext caller;
    /** With {@link #caller}: the exact argv bytes and the path to execve. */
    private final List<byte[]> argv;
    private final byte[] program;

    private SpawnRequest(List<String> command, File directory, Map<String, String> environment,
                         ProcessBuilder.Redirect[] redirects, boolean redirectErrorStream, List<SpawnOp> extraOps,
                         List<SpawnOp> afterStopOps, CallerContext caller, List<byte[]> argv, byte[] program) {
        this.command = command;
        this.directory = directory;
        this.environment = environment;
        this.redirects = redirects;
        this.redirectErrorStream = redirectErrorStream;
        this.extraOps = extraOps;
        this.afterStopOps = afterStopOps;
        this.caller = caller;
        this.argv = argv;
        this.program = program;
    }

    private static final ProcessBuilder.Redirect[] INHERIT_ALL = {
        ProcessBuilder.Redirect.INHERIT, ProcessBuilder.Redirect.INHERIT, ProcessBuilder.Redirect.INHERIT};

    /**
     * Snapshots {@code pb}: later changes to it do not affect the request.
     *
     * @throws IndexOutOfBoundsException when the command is empty, as {@code ProcessBuilder.start} does
     */
    public static SpawnRequest of(ProcessBuilder pb) {
        List<String> command = List.copyOf(pb.command());
        if (command.isEmpty()) throw new IndexOutOfBoundsException("empty command");
        return new SpawnRequest(command, pb.directory(), inheritedOrder(pb.environment()),
                new ProcessBuilder.Redirect[] {pb.redirectInput(), pb.redirectOutput(), pb.redirectError()},
                pb.redirectErrorStream(), List.of(), List.of(), null, null, null);
    }

    /**
     * A command line's child, which gets the caller's whole context rather
     * than ProcessBuilder's rules: {@code argv} and the context's environment
     * byte for byte, exactly the caller's descriptors (none of the JVM's), its
     * ignored signals and mask, its limits; cwd, umask, process group and
     * session are this process's, which are the caller's. {@code program} is
     * handed to execve unchecked (strace's order: a directory fails in the
     * traced execve, with EACCES).
     */
    public static SpawnRequest ofCaller(List<byte[]> argv, byte[] program, CallerContext caller) {
        if (argv.isEmpty()) throw new IndexOutOfBoundsException("empty command");
        List<byte[]> raw = argv.stream().map(byte[]::clone).toList();
        List<String> command = raw.stream().map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).toList();
        return new SpawnRequest(command, null, Map.of(), INHERIT_ALL, false, List.of(), List.of(), caller, raw,
                program.clone());
    }

    /** The caller's context for a command line's child, or null for a ProcessBuilder's. */
    public CallerContext caller() {
        return caller;
    }

    /** With {@link #caller}: the argv bytes (shared; do not modify). */
    List<byte[]> argv() {
        return argv;
    }

    /** With {@link #caller}: the path bytes for execve. */
    byte[] program() {
        return program;
    }

    /** A copy of this request whose child also makes {@code ops}, after those already added. */
    public SpawnRequest withExtraOps(List<SpawnOp> ops) {
        List<SpawnOp> all = new ArrayList<>(extraOps);
        all.addAll(ops);
        return new SpawnRequest(command, directory, environment, redirects, redirectErrorStream, List.copyOf(all),
                afterStopOps, caller, argv, program);
    }

    /**
     * A copy of this request whose child also makes {@code ops} after it has
     * stopped itself and been seized, right before its execve. A seccomp
     * filter goes here: installed earlier, its SECCOMP_RET_TRACE would fail
     * the stub's own getpid/kill with ENOSYS while no tracer is attached yet.
     */
    public SpawnRequest withOpsAfterStop(List<SpawnOp> ops) {
        List<SpawnOp> all = new ArrayList<>(afterStopOps);
        all.addAll(ops);
        return new SpawnRequest(command, directory, environment, redirects, redirectErrorStream, extraOps,
                List.copyOf(all), caller, argv, program);
    }

    /** The ops made after the self-stop, before the execve (see {@link #withOpsAfterStop}). */
    public List<SpawnOp> afterStopOps() {
        return afterStopOps;
    }

    /** The command: the program as given, then its arguments. */
    public List<String> command() {
        return command;
    }

    /** The child's working directory, or {@code null} for ours. */
    public File directory() {
        return directory;
    }

    /** The child's environment (unmodifiable view). */
    public Map<String, String> environment() {
        return java.util.Collections.unmodifiableMap(environment);
    }

    /** Where the child's stdin comes from. */
    public ProcessBuilder.Redirect stdin() {
        return redirects[0];
    }

    /** Where the child's stdout goes. */
    public ProcessBuilder.Redirect stdout() {
        return redirects[1];
    }

    /** Where the child's stderr goes (ignored when {@link #redirectErrorStream()}). */
    public ProcessBuilder.Redirect stderr() {
        return redirects[2];
    }

    /** Whether stderr is merged into stdout. */
    public boolean redirectErrorStream() {
        return redirectErrorStream;
    }

    /** The extra ops the child makes after its set-up, before it stops itself. */
    public List<SpawnOp> extraOps() {
        return extraOps;
    }

    /**
     * The path to hand execve, found as {@code ProcessBuilder} finds it: a
     * program with a '/' is used as given (relative to the child's
     * directory); otherwise each entry of <em>our</em> PATH is tried in order
     * (the JDK searches the parent's PATH, not the child's; an unset PATH
     * means {@code ":/bin:/usr/bin"}, an empty entry the child's directory).
     * A directory or a file without execute permission is skipped but makes
     * the final error EACCES instead of ENOENT, as execvp does.
     *
     * @throws IOException shaped like ProcessBuilder's ({@link #startFailure})
     */
    String resolveProgram() throws IOException {
        String prog = command.get(0);
        for (String s : command) {
            if (s.indexOf('\u0000') >= 0) throw new IOException("invalid null character in command");
        }
        if (prog.isEmpty()) throw startFailure(ENOENT);
        if (prog.indexOf('/') >= 0) {
            int err = check(prog);
            if (err != 0) throw startFailure(err);
            return prog;
        }
        String path = System.getenv("PATH");
        if (path == null) path = ":/bin:/usr/bin";
        boolean sawEacces = false;
        for (String dir : path.split(":", -1)) {
            String candidate = dir.isEmpty() ? prog : (dir.endsWith("/") ? dir : dir + "/") + prog;
            int err = check(candidate);
            if (err == 0) return candidate;
            if (err == EACCES) sawEacces = true;
        }
        throw startFailure(sawEacces ? EACCES : ENOENT);
    }

    /** The errno execve would give for {@code candidate}, judged from the file system; 0 when it can run. */
    private int check(String candidate) {
        Path p;
        try {
            p = Path.of(candidate);
            if (!p.isAbsolute() && directory != null) p = directory.toPath().resolve(p);
        } catch (InvalidPathException e) {
            return ENOENT;
        }
        if (Files.isDirectory(p)) return EACCES;
        if (!Files.exists(p)) {
            Path parent = p.toAbsolutePath().getParent();
            while (parent != null && !Files.exists(parent)) parent = parent.getParent();
            return parent != null && !Files.isDirectory(parent) ? ENOTDIR : ENOENT;
        }
        return Files.isExecutable(p) ? 0 : EACCES;
    }

    /**
     * The exception ProcessBuilder.start throws when the child could not run
     * the program (or chdir failed) with {@code errno}:
     * {@code Cannot run program "nope": error=2, No such file or directory}.
     * JDK 25 changed the detail to {@code Exec failed, error: 2 (No such file
     * or directory) } (trailing space included); we follow the running JDK so
     * callers see one shape whichever way the program was started.
     */
    public IOException startFailure(int errno) {
        String msg = Errnos.message(errno);
        if (msg == null) msg = "Unknown error " + errno;
        String detail = Runtime.version().feature() >= 25
                ? "Exec failed, error: " + errno + " (" + msg + ") "
                : "error=" + errno + ", " + msg;
        return startFailure(detail, new IOException(detail));
    }

    /** ProcessBuilder's wrapping: {@code Cannot run program "p" (in directory "d"): detail}. */
    IOException startFailure(String detail, Throwable cause) {
        return new IOException("Cannot run program \"" + command.get(0) + "\""
                + (directory == null ? "" : " (in directory \"" + directory + "\")")
                + ": " + detail, cause);
    }

    /**
     * The environment in the order this process received it: ProcessBuilder
     * keeps it in a hash map, but a C program (and strace's {@code -v} execve
     * line) sees environ in its original order. Inherited variables keep that
     * order, variables the builder added or changed follow.
     */
    static Map<String, String> inheritedOrder(Map<String, String> env) {
        Map<String, String> ordered = new LinkedHashMap<>();
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/self/environ"));
            int start = 0;
            for (int i = 0; i <= raw.length; i++) {
                if (i == raw.length || raw[i] == 0) {
                    String entry = new String(raw, start, i - start, java.nio.charset.StandardCharsets.UTF_8);
                    int eq = entry.indexOf('=');
                    if (eq > 0) {
                        String key = entry.substring(0, eq);
                        if (env.containsKey(key) && !ordered.containsKey(key)) ordered.put(key, env.get(key));
                    }
                    start = i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc: the builder's own order will do.
        }
        for (Map.Entry<String, String> e : env.entrySet()) ordered.putIfAbsent(e.getKey(), e.getValue());
        return ordered;
    }
}
