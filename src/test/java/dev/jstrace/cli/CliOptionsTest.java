package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.sink.TraceFileChecks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of the command-line issue on real programs, in-process, each
 * compared with the installed strace given the same options (the comparison
 * is skipped when strace is absent; jstrace's own checks still run).
 */
class CliOptionsTest {
    private record Result(Main.Outcome outcome, String err) {}

    private static Result jstrace(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Outcome o = Main.execute(List.of(args), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(o, err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the installed strace with {@code args} (the test is skipped from here when it is absent). */
    private static int strace(String... args) throws Exception {
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace to compare with");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/strace"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static List<String> lines(Path f) throws IOException {
        return Files.readAllLines(f);
    }

    @Test
    void outputSeparatelyWritesOneFilePerProcessAsStrace(@TempDir Path dir) throws Exception {
        String[] cmd = {"sh", "-c", "/bin/true; /bin/true; exit 0"};
        Files.createDirectories(dir.resolve("j"));
        Files.createDirectories(dir.resolve("s"));
        assertEquals(new Main.Outcome(0, 0), jstrace(args(List.of("-ff", "-o", dir.resolve("j/out").toString()), cmd))
                .outcome());
        List<Integer> ours = lineCounts(dir.resolve("j"));
        assertEquals(3, ours.size(), "the shell and its two children");
        for (Path f : files(dir.resolve("j"))) {
            String first = lines(f).getFirst();
            assertFalse(Character.isDigit(first.charAt(0)), "no pid prefix in a per-process file: " + first);
        }
        strace(args(List.of("-ff", "-o", dir.resolve("s/out").toString()), cmd));
        assertEquals(lineCounts(dir.resolve("s")), ours, "line counts per file, sorted");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> l = s.sorted().toList();
            for (Path f : l) assertTrue(f.getFileName().toString().matches("out\\.\\d+"), f.toString());
            return l;
        }
    }

    private static List<Integer> lineCounts(Path dir) throws IOException {
        List<Integer> counts = new ArrayList<>();
        for (Path f : files(dir)) counts.add(lines(f).size());
        return counts.stream().sorted().toList();
    }

    private static String[] args(List<String> options, String... cmd) {
        List<String> a = new ArrayList<>(options);
        a.addAll(List.of(cmd));
        return a.toArray(String[]::new);
    }

    private static final String[] CAT = {"sh", "-c", "exec cat /etc/hostname /etc/passwd > /dev/null"};

    @Test
    void outputToAPipeAsStrace(@TempDir Path dir) throws Exception {
        jstrace(args(List.of("-e", "trace=openat", "-o", "|cat > " + dir.resolve("ours")), CAT));
        List<String> ours = lines(dir.resolve("ours"));
        assertTrue(ours.contains("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY) = 3"), ours.toString());
        strace(args(List.of("-e", "trace=openat", "-o", "|cat > " + dir.resolve("theirs")), CAT));
        assertEquals(lines(dir.resolve("theirs")), ours);
    }

    @Test
    void appendModeAddsToTheFileAsStrace(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 2; i++) jstrace(args(List.of("-A", "-e", "trace=openat", "-o", dir.resolve("ours").toString()), CAT));
        List<String> ours = lines(dir.resolve("ours"));
        jstrace(args(List.of("-e", "trace=openat", "-o", dir.resolve("once").toString()), CAT));
        assertEquals(2 * lines(dir.resolve("once")).size(), ours.size(), "two runs in one file");
        jstrace(args(List.of("-e", "trace=openat", "-o", dir.resolve("once").toString()), CAT));
        assertEquals(ours.size() / 2, lines(dir.resolve("once")).size(), "without -A the file starts over");
        for (int i = 0; i < 2; i++) strace(args(List.of("-A", "-e", "trace=openat", "-o", dir.resolve("theirs").toString()), CAT));
        assertEquals(lines(dir.resolve("theirs")), ours);
    }

    @Test
    void tracePathKeepsOnlyCallsOnThePathAsStrace(@TempDir Path dir) throws Exception {
        jstrace(args(List.of("-P", "/etc/hostname", "-o", dir.resolve("ours").toString()), CAT));
        List<String> ours = lines(dir.resolve("ours"));
        assertTrue(ours.getFirst().startsWith("openat(AT_FDCWD, \"/etc/hostname\""), ours.toString());
        assertTrue(ours.stream().noneMatch(l -> l.contains("passwd")), ours.toString());
        strace(args(List.of("-P", "/etc/hostname", "-o", dir.resolve("theirs").toString()), CAT));
        assertEquals(lines(dir.resolve("theirs")), ours);
    }

    @Test
    void signalSetsChooseTheSignalLinesAsStrace(@TempDir Path dir) throws Exception {
        String[] cmd = {"sh", "-c", "/bin/true; exit 0"};
        String[] sets = {"all", "SIGCHLD", "!SIGCHLD", "none", "CHLD,SIGUSR1"};
        List<List<String>> ours = new ArrayList<>();
        for (int i = 0; i < sets.length; i++) {
            Path f = dir.resolve("ours" + i);
            jstrace(args(List.of("-e", "trace=none", "-e", "signal=" + sets[i], "-o", f.toString()), cmd));
            ours.add(normalized(f));
        }
        assertTrue(ours.get(0).getFirst().startsWith("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED"), ours.toString());
        assertEquals(List.of("+++ exited with 0 +++"), ours.get(2));
        for (int i = 0; i < sets.length; i++) {
            Path f = dir.resolve("theirs" + i);
            strace(args(List.of("-e", "trace=none", "-e", "signal=" + sets[i], "-o", f.toString()), cmd));
            assertEquals(normalized(f), ours.get(i), "-e signal=" + sets[i]);
        }
    }

    /** Lines with numbers (pids, clock ticks) replaced: they differ from run to run. */
    private static List<String> normalized(Path f) throws IOException {
        // Clock ticks also carry their seconds in a comment ("si_utime=4 /* 0.04 s */").
        return lines(f).stream().map(l -> l.replaceAll(" /\\* [0-9.]+ s \\*/", "").replaceAll("=\\d+", "=N")).toList();
    }

    @Test
    void environmentOptionsSetAndRemoveVariablesAsStrace(@TempDir Path dir) throws Exception {
        String script = "echo \"$JSTRACE_TEST_VAR-${HOME-unset}\" > ";
        jstrace("-E", "JSTRACE_TEST_VAR=set", "-E", "HOME", "-o", "/dev/null", "sh", "-c", script + dir.resolve("ours"));
        assertEquals("set-unset", Files.readString(dir.resolve("ours")).strip());
        strace("-E", "JSTRACE_TEST_VAR=set", "-E", "HOME", "-o", "/dev/null", "sh", "-c", script + dir.resolve("theirs"));
        assertEquals(Files.readString(dir.resolve("theirs")), Files.readString(dir.resolve("ours")));
    }

    @Test
    void tefAndPerfettoFilesBesideTheText(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("text");
        Path alone = dir.resolve("alone");
        Result r = jstrace(args(List.of("-f", "--tef", dir.resolve("t.json").toString(), "--perfetto",
                dir.resolve("t.pftrace").toString(), "-o", text.toString()), CAT));
        assertEquals(new Main.Outcome(0, 0), r.outcome(), r.err());
        jstrace(args(List.of("-f", "-o", alone.toString()), CAT));
        assertEquals(lines(alone).size(), lines(text).size(), "the text is the same with the other sinks on");
        assertTrue(TraceFileChecks.tefEvents(Files.readAllBytes(dir.resolve("t.json"))) >= lines(text).size() / 2);
        assertTrue(TraceFileChecks.perfettoSlices(Files.readAllBytes(dir.resolve("t.pftrace")), true) > 0);
        Result bad = jstrace("--perfetto", dir.resolve("no/such/dir/x").toString(), "true");
        assertEquals("jstrace: Can't fopen '" + dir.resolve("no/such/dir/x") + "': No such file or directory\n",
                bad.err());
        assertEquals(new Main.Outcome(1, 0), bad.outcome());
    }

    @Test
    void attachToSeveralProcessesGivenInListsAndRepeats(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        // The targets run until both are attached (a file), not for a fixed time: in the emulated
        // aarch64 machine the attach took longer than the second they used to sleep. Bounded at 60 s.
        Path go = dir.resolve("go");
        String untilGo = "echo up; i=0; while [ ! -e '" + go + "' ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done";
        int a = CliProcess.daemon(dir.resolve("a"), "sh", "-c", untilGo);
        int b = CliProcess.daemon(dir.resolve("b"), "sh", "-c", untilGo);
        Path out = dir.resolve("out");
        var run = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> jstrace("-o", out.toString(), "-p", a + "," + b, "-p", Integer.toString(a)));
        CliProcess.await("both targets traced", () -> traced(a) && traced(b));
        Files.createFile(go);
        Result r = run.get();
        assertEquals(new Main.Outcome(0, 0), r.outcome(), r.err());
        // A repeated pid is attached once (strace 6.1 tries it twice and reports EPERM for the second).
        assertEquals(Stream.of("jstrace: Process " + a + " attached", "jstrace: Process " + b + " attached")
                .sorted().toList(), r.err().lines().sorted().toList());
        List<String> lines = lines(out);
        // Two processes from the start: strace's "%-5d " pid column on every line of a file.
        assertTrue(lines.contains(String.format("%-5d +++ exited with 0 +++", a)), lines.toString());
        assertTrue(lines.contains(String.format("%-5d +++ exited with 0 +++", b)), lines.toString());
        assertEquals(0, CliProcess.daemonStatus(dir.resolve("a")));
    }

    /** Whether {@code pid} is alive and has a tracer. */
    private static boolean traced(int pid) {
        String tracer = CliProcess.procStatus(pid, "TracerPid");
        return tracer != null && !tracer.equals("0");
    }
}
