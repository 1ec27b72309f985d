package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error and warning path of the command line against the installed
 * strace given the same arguments: the same messages (with strace's name as
 * jstrace's) and the same exit status. The commands are {@code true}, so a
 * case that traces is fast; only the tracer's own messages are compared.
 */
class CliErrorsTest {
    /** Argument lists; {@code DIR} becomes a fresh directory. */
    private static final String[][] CASES = {
            {},
            {"nope"}, {"./nope"}, {"/etc/passwd"}, {"/etc"},
            {"-Q", "true"}, {"--foo", "true"}, {"-a"}, {"-p"}, {"-P"}, {"-o"}, {"-e"}, {"--output"},
            {"-p", "x"}, {"-p", "0"}, {"-p", "1,,2"}, {"--attach=x"}, {"-p", "99999"}, {"-p", "99999,99998"},
            {"-s", "x", "true"}, {"-s", "-1", "true"}, {"--string-limit=x", "true"}, {"-a", "x", "true"},
            {"--columns=-1", "true"}, {"-X", "foo", "true"}, {"--const-print-style=x", "true"}, {"-O", "x", "true"},
            {"-e", "trace=foo", "true"}, {"-e", "foo=bar", "true"}, {"-e", "trace=", "true"},
            {"-e", "trace=%foo", "true"}, {"-e", "signal=FOO", "true"}, {"-e", "status=foo", "true"},
            {"-e", "abbrev=foo", "true"}, {"-e", "verbose=foo", "true"}, {"-e", "raw=foo", "true"},
            {"-e", "decode-fds=foo", "true"}, {"--decode-fds=foo", "true"}, {"--quiet=foo", "true"},
            {"-U", "foo", "-c", "true"}, {"-S", "foo", "-c", "true"},
            {"-c", "-C", "true"}, {"-C", "-c", "true"}, {"-c", "-ff", "true"}, {"-C", "-ff", "-o", "DIR/x", "true"},
            {"-w", "true"}, {"-U", "calls", "true"},
            {"-h", "-p", "x"}, {"-V", "-p", "x"}, {"-E", "true"},
            {"-o", "DIR/no/such/x", "true"}, {"-ff", "-o", "DIR/no/such/x", "true"},
            // Warnings, then the trace: the same messages and the same status 0.
            {"-A", "-o", "/dev/null", "-A", "true"}, {"-A", "-e", "trace=none", "true"},
            {"-S", "calls", "-e", "trace=none", "true"},
            {"-r", "-t", "-T", "-y", "-c", "-o", "/dev/null", "true"},
            {"-O", "5", "-o", "/dev/null", "true"},
    };

    @Test
    void messagesAndStatusesAreStraces(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace to compare with");
        List<String> differences = new ArrayList<>();
        for (String[] c : CASES) {
            List<String> args = new ArrayList<>();
            for (String a : c) args.add(a.replace("DIR", dir.toString()));
            String theirs = strace(args, dir);
            String ours = jstrace(args);
            if (!theirs.equals(ours)) differences.add(args + "\n  strace:  " + theirs + "\n  jstrace: " + ours);
        }
        assertEquals("", String.join("\n", differences));
    }

    /** The tracer's own lines (those starting with its name, and the Try line) and the status. */
    private static String tracerLines(String stderr, int status) {
        StringBuilder b = new StringBuilder();
        for (String l : stderr.lines().toList()) {
            String n = l.replaceAll("^(/usr/bin/)?strace: ", "jstrace: ").replaceAll("'(/usr/bin/)?strace -h'", "'jstrace -h'")
                    .replaceAll("(x\\.)\\d+'", "$1PID'");
            if (n.startsWith("jstrace: ") || n.startsWith("Try ")) b.append(n).append(" | ");
        }
        return b.append("status ").append(status).toString();
    }

    private static String strace(List<String> args, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/strace"));
        cmd.addAll(args);
        Path err = dir.resolve("strace.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        int status = p.waitFor();
        return tracerLines(Files.readString(err), status);
    }

    private static String jstrace(List<String> args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Outcome o = Main.execute(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return tracerLines(err.toString(StandardCharsets.UTF_8), o.status());
    }

    @Test
    void helpAndVersionExitZeroAsStraces() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.Outcome o = Main.execute(List.of("-V"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(new Main.Outcome(0, 0), o);
        // strace's first line is "strace -- version 6.1".
        assertTrue(out.toString(StandardCharsets.UTF_8).matches("jstrace -- version \\d+\\.\\d+\\.\\d+\\n"));
        out.reset();
        o = Main.execute(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(new Main.Outcome(0, 0), o);
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.startsWith("Usage: jstrace "), help);
        // Every option the command line accepts is in the help text.
        for (String opt : List.of("-A", "-a", "-C", "-c", "-E", "-e", "-f", "-ff", "-h", "-o", "-P", "-p", "-q",
                "-qq", "-r", "-S", "-s", "-T", "-t", "-U", "-u", "-V", "-v", "-w", "-X", "-x", "-y", "-Z", "-z",
                "--tef", "--perfetto", "--seccomp-bpf", "--quiet", "--absolute-timestamps", "--relative-timestamps",
                "--syscall-times", "--decode-fds", "--trace-path")) {
            assertTrue(help.contains(opt + " ") || help.contains(opt + ",") || help.contains(opt + "=")
                    || help.contains(opt + "["), opt);
        }
    }

    /**
     * A jstrace that is itself traced cannot seize its child: it says so as
     * strace would, exits 1 at once, and the child it made (stopped before its
     * execve, waiting to be seized) does not outlive the refusal.
     */
    @Test
    void aTracedTracerReportsTheRefusalAndEndsItsChild(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "strace is not installed: it is the outer tracer here");
        // The outer strace only has to hold the child first: --seccomp-bpf with trace=none stops
        // no syscall, only the forks it follows, so a whole JVM start under it costs what it costs
        // untraced (stopping at each of its syscalls took longer than the test's limit in the
        // riscv64 guest).
        CliProcess p = CliProcess.jstraceUnder(dir,
                List.of("/usr/bin/strace", "-f", "--seccomp-bpf", "-e", "trace=none", "-o", "/dev/null"),
                "-o", dir.resolve("trace").toString(), "true");
        assertEquals(1, p.exitValue(), () -> "stderr: " + p.stderr);
        String err = p.errorText();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?m)^jstrace: ptrace\\(PTRACE_SEIZE, (\\d+)\\): Operation not permitted$").matcher(err);
        assertTrue(m.find(), err);
        assertEquals(null, CliProcess.procStatus(Integer.parseInt(m.group(1)), "State"),
                "the refused child is still there");
    }
}
