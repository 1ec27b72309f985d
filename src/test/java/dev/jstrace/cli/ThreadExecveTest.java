package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-leader thread's execve under {@code -f}, as strace 6.1 prints it (its suite's threads-execve,
 * maybe_switch_current_tcp, status-*-threads): the leader's call ends {@code = ?} when the leader
 * starts to exit (PTRACE_EVENT_EXIT), the thread's open execve line ends
 * {@code <pid changed to LEADER ...>}, {@code +++ superseded by execve in pid TID +++} follows
 * ({@code -qqq} hides it) and the result comes as {@code <... execve resumed>} under the leader's id.
 * The program waits, reading /proc, for the leader to be where each case needs it.
 */
class ThreadExecveTest {
    @TempDir
    static Path dir;
    private static Path program;

    @BeforeAll
    static void build() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "needs gcc to build the threaded program");
        Path src = dir.resolve("thread-execve.c");
        try (var in = ThreadExecveTest.class.getResourceAsStream("/dev/jstrace/cli/thread-execve.c")) {
            Files.write(src, in.readAllBytes());
        }
        program = dir.resolve("thread-execve");
        Process cc = new ProcessBuilder("gcc", "-O1", "-pthread", "-o", program.toString(), src.toString())
                .redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes());
        assertEquals(0, cc.waitFor(), "gcc failed: " + ccOut);
    }

    /** The leader blocked in nanosleep: the sleep ends {@code = ?} before the superseded line. */
    @Test
    void leaderInACallIsSuperseded() throws Exception {
        assertEquals(List.of(
                "P0 execve(\"PROG\", [\"PROG\", \"sleep\"], ADDR /* N vars */) = 0",
                "P0 nanosleep({tv_sec=123, tv_nsec=0},  <unfinished ...>",
                "P1 execve(\"PROG\", [\"PROG\", \"done\"], ADDR /* N vars */ <unfinished ...>",
                "P0 <... nanosleep resumed> <unfinished ...>) = ?",
                "P0 +++ superseded by execve in pid P1 +++",
                "P0 <... execve resumed>) = 0",
                "P0 +++ exited with 0 +++"), trace("sleep"));
    }

    /** The leader gone by exit(2): its {@code = ?} came at once, so the execve line is open at the switch. */
    @Test
    void openExecveLineSaysThePidChanged() throws Exception {
        assertEquals(List.of(
                "P0 execve(\"PROG\", [\"PROG\", \"exit\"], ADDR /* N vars */) = 0",
                "P0 exit(42) = ?",
                "P1 execve(\"PROG\", [\"PROG\", \"done\"], ADDR /* N vars */ <pid changed to P0 ...>",
                "P0 +++ superseded by execve in pid P1 +++",
                "P0 <... execve resumed>) = 0",
                "P0 +++ exited with 0 +++"), trace("exit"));
    }

    /** {@code -qqq} (and {@code --quiet=thread-execve}) hide the superseded line; the execve still resumes. */
    @Test
    void quietThreadExecveHidesTheSupersededLine() throws Exception {
        List<String> expected = List.of(
                "P0 execve(\"PROG\", [\"PROG\", \"exit\"], ADDR /* N vars */) = 0",
                "P0 exit(42) = ?",
                "P1 execve(\"PROG\", [\"PROG\", \"done\"], ADDR /* N vars */ <pid changed to P0 ...>",
                "P0 <... execve resumed>) = 0");
        assertEquals(expected, trace("exit", "-qqq"));
        assertEquals(expected, trace("exit", "--quiet=thread-execve,exit"));
    }

    /** The installed strace prints the same lines, where there is one. */
    @Test
    void sameAsStrace() throws Exception {
        assumeTrue(CliProcess.straceInstalled(), "needs the installed strace as the reference");
        for (String mode : List.of("sleep", "exit")) {
            Path out = dir.resolve("strace-" + mode);
            Process p = new ProcessBuilder("/usr/bin/strace", "-f", "-s256", "-o", out.toString(),
                    "-e", "trace=execve,nanosleep,exit", program.toString(), mode).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor());
            assertEquals(normalised(Files.readAllLines(out)), trace(mode), mode);
        }
    }

    /** jstrace's lines for {@code mode}, normalised (see {@link #normalised}). */
    private static List<String> trace(String mode, String... extra) throws Exception {
        Path out = dir.resolve("jstrace-" + mode + extra.length);
        List<String> args = new ArrayList<>(List.of("-f", "-s256", "-o", out.toString(), "-e", "trace=execve,nanosleep,exit"));
        args.addAll(List.of(extra));
        args.add(program.toString());
        args.add(mode);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Outcome o = Main.execute(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(new Main.Outcome(0, 0), o, err.toString(StandardCharsets.UTF_8));
        return normalised(Files.readAllLines(out));
    }

    /** Pids as P0, P1 in order of appearance, the program's path as PROG, addresses and counts masked, padding cut. */
    private static List<String> normalised(List<String> lines) {
        Map<String, String> pids = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String l = line.replace(program.toString(), "PROG").replaceAll("0x[0-9a-f]+ /\\* \\d+ vars", "ADDR /* N vars")
                    .replaceAll("\\) +=", ") =");
            Matcher m = Pattern.compile("^\\d+").matcher(l);
            if (m.find()) l = pids.computeIfAbsent(m.group(), k -> "P" + pids.size()) + l.substring(m.end());
            Matcher n = Pattern.compile("(?<=pid |changed to )\\d+").matcher(l);
            StringBuilder b = new StringBuilder();
            while (n.find()) n.appendReplacement(b, pids.computeIfAbsent(n.group(), k -> "P" + pids.size()));
            n.appendTail(b);
            out.add(b.toString().replaceAll("^(P\\d+) +", "$1 "));
        }
        return out;
    }
}
