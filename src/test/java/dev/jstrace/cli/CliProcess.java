package dev.jstrace.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * jstrace (or the installed strace) as a separate process, for what cannot run
 * inside the test JVM: signals sent to the tracer, and a tracer's own death.
 * Standard error goes to a file so a test can wait for a line in it.
 */
final class CliProcess {
    final Process process;
    final Path stderr;

    private CliProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    /** {@code java ... dev.jstrace.cli.Main ARGS} with this JVM's class path. */
    static CliProcess jstrace(Path dir, String... args) throws IOException {
        return jstraceUnder(dir, List.of(), args);
    }

    /** As {@link #jstrace}, the command line prefixed with {@code wrapper} (another tracer, say). */
    static CliProcess jstraceUnder(Path dir, List<String> wrapper, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "dev.jstrace.cli.Main"));
        cmd.addAll(List.of(args));
        return start(dir, "jstrace", cmd);
    }

    /** The installed strace with {@code args}. */
    static CliProcess strace(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/strace"));
        cmd.addAll(List.of(args));
        return start(dir, "strace", cmd);
    }

    /** {@code cmd} followed by {@code args} (a tracer under a wrapper, say); {@code name} names its stderr file. */
    static CliProcess command(Path dir, String name, List<String> cmd, String... args) throws IOException {
        List<String> all = new ArrayList<>(cmd);
        all.addAll(List.of(args));
        return start(dir, name, all);
    }

    static boolean straceInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/strace"));
    }

    private static CliProcess start(Path dir, String name, List<String> cmd) throws IOException {
        Path err = Files.createTempFile(dir, name, ".err");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        return new CliProcess(p, err);
    }

    /** Waits (at most 20 s, times scripts/test-arch's factor) until {@code ready} holds, or fails naming what was seen. */
    static void await(String what, java.util.concurrent.Callable<Boolean> ready) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L * Long.getLong("jstrace.test.timeoutFactor", 1);
        while (System.nanoTime() < deadline) {
            if (ready.call()) return;
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** Waits until a line of standard error satisfies {@code line}. */
    void awaitStderr(Predicate<String> line) throws Exception {
        await("a line on standard error", () -> errorText().lines().anyMatch(line));
    }

    /** Sends {@code sig} to the tracer and waits for its end; returns {@link Process#exitValue()}. */
    int signalAndWait(String sig) throws Exception {
        new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).start().waitFor();
        return exitValue();
    }

    /** Waits (at most 30 s) for the end; returns the exit value (128 + signal for a signal death). */
    int exitValue() throws Exception {
        // scripts/test-arch raises the factor: under an emulator everything is ~20x slower.
        if (!process.waitFor(30 * Long.getLong("jstrace.test.timeoutFactor", 1), java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the tracer did not end; stderr: " + errorText());
        }
        return process.exitValue();
    }

    /** Starts {@code cmd} as a grandchild of this JVM: see {@link dev.jstrace.Daemons}. */
    static int daemon(Path dir, String... cmd) throws Exception {
        return dev.jstrace.Daemons.start(dir, "daemon.out", cmd);
    }

    /** The daemon's exit status, once it ended. */
    static int daemonStatus(Path dir) throws Exception {
        Path status = dir.resolve("status");
        await("the daemon's end", () -> Files.exists(status));
        return Integer.parseInt(Files.readString(status).trim());
    }

    /** A field of {@code /proc/PID/status} ({@code State}, {@code TracerPid}), or null when the process is gone. */
    static String procStatus(int pid, String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith(field + ":")) return l.substring(field.length() + 1).strip();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** Standard error so far, with strace's name ({@code /usr/bin/strace}, its argv[0]) written as jstrace's. */
    String errorText() throws IOException {
        return Files.readString(stderr).replaceAll("(?m)^(/usr/bin/)?strace: ", "jstrace: ");
    }
}
