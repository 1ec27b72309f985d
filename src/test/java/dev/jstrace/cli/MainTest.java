package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process against real programs; strace 6.1's behaviour is the reference. */
class MainTest {
    private record Result(Main.Outcome outcome, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Outcome o = Main.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(o, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void parsesClustersAndQualifiersAsStrace() throws Exception {
        Invocation i = OptionParser.parse(List.of("-fttT", "-etrace=%file,write", "-o", "x", "-s64", "-yy",
                "--quiet=attach", "-E", "A=1", "-E", "B", "--", "ls", "-l"), new ArrayList<>());
        assertEquals(1, i.followForks);
        assertEquals(6, i.absolutePrecision);
        assertTrue(i.durations);
        assertTrue(i.syscalls.contains("openat") && i.syscalls.contains("write") && !i.syscalls.contains("read"));
        assertEquals(64, i.stringLimit);
        assertEquals(2, i.fdPaths);
        assertEquals(List.of("ls", "-l"), i.command);
        assertEquals("1", i.environment.get("A"));
        assertTrue(i.environment.containsKey("B") && i.environment.get("B") == null);
        Invocation neg = OptionParser.parse(List.of("-e", "!all", "-e", "signal=all", "true"), new ArrayList<>());
        assertEquals(0, neg.syscalls.size());
        assertNull(neg.signals);
        Invocation ttt = OptionParser.parse(List.of("-ttt", "-ff", "-o", "f", "-p", "1,2", "-p", "3"), new ArrayList<>());
        assertEquals(dev.jstrace.sink.StraceTimestamps.Absolute.UNIX, ttt.absolute);
        assertEquals(2, ttt.followForks);
        assertEquals(List.of(1, 2, 3), ttt.pids);
    }

    @Test
    void errorsReadAsStracesWithItsStatuses() {
        // Each message and status is strace 6.1's here, with strace's name replaced.
        String[][] cases = {
                {"jstrace: Can't stat 'nope': No such file or directory\n", "nope"},
                {"jstrace: invalid option -- 'Q'\nTry 'jstrace -h' for more information.\n", "-Q", "true"},
                {"jstrace: invalid system call 'foo'\n", "-e", "trace=foo", "true"},
                {"jstrace: invalid system call 'foo=bar'\n", "-e", "foo=bar", "true"},
                {"jstrace: invalid signal 'FOO'\n", "-e", "signal=FOO", "true"},
                {"jstrace: invalid status 'foo'\n", "-e", "status=foo", "true"},
                {"jstrace: unrecognized option '--foo'\nTry 'jstrace -h' for more information.\n", "--foo", "true"},
                {"jstrace: invalid -s argument: 'x'\nTry 'jstrace -h' for more information.\n", "-s", "x", "true"},
                {"jstrace: option requires an argument -- 'a'\nTry 'jstrace -h' for more information.\n", "-a"},
                {"jstrace: must have PROG [ARGS] or -p PID\nTry 'jstrace -h' for more information.\n"},
                {"jstrace: Invalid process id: 'x'\n", "-p", "x"},
                {"jstrace: unknown column name: 'foo'\nTry 'jstrace -h' for more information.\n", "-U", "foo", "true"},
                {"jstrace: invalid sortby: 'foo'\nTry 'jstrace -h' for more information.\n", "-S", "foo", "true"},
        };
        for (String[] c : cases) {
            Result r = run(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(c[0], r.err(), String.join(" ", c));
            assertEquals(new Main.Outcome(1, 0), r.outcome(), String.join(" ", c));
        }
    }

    @Test
    void exitStatusIsTheCommands(@TempDir Path dir) {
        assertEquals(new Main.Outcome(0, 0), run("-o", dir.resolve("a").toString(), "true").outcome());
        assertEquals(new Main.Outcome(3, 0), run("-o", dir.resolve("b").toString(), "sh", "-c", "exit 3").outcome());
        assertEquals(new Main.Outcome(137, 9), run("-o", dir.resolve("c").toString(), "sh", "-c", "kill -KILL $$").outcome());
        assertEquals(new Main.Outcome(139, 11), run("-o", dir.resolve("d").toString(), "sh", "-c", "kill -SEGV $$").outcome());
        assertEquals("jstrace -- version 0.1.0\n", run("-V").out());
        assertTrue(run("-h").out().contains("--perfetto FILE"));
    }

    @Test
    void summaryCountsMatchStraces(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "needs the installed strace");
        Path ours = dir.resolve("ours");
        Path theirs = dir.resolve("theirs");
        // Output to /dev/null inside the command, so both runs see the same stdio (no tty probing differences).
        String[] cmd = {"sh", "-c", "ls /nonexistent-dir / >/dev/null 2>&1; cat /etc/hostname >/dev/null"};
        List<String> args = new ArrayList<>(List.of("-c", "-o", ours.toString()));
        args.addAll(List.of(cmd));
        run(args.toArray(String[]::new));
        List<String> sargs = new ArrayList<>(List.of("/usr/bin/strace", "-c", "-o", theirs.toString()));
        sargs.addAll(List.of(cmd));
        new ProcessBuilder(sargs).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        List<String> a = Files.readAllLines(ours);
        List<String> b = Files.readAllLines(theirs);
        assertEquals(b.get(0), a.get(0));
        assertEquals(b.get(1), a.get(1));
        assertEquals(counts(b), counts(a));
    }

    /** syscall name to "calls errors", from a -c table (name at column 51, calls and errors in 31..50). */
    private static Map<String, String> counts(List<String> table) {
        Map<String, String> m = new TreeMap<>();
        for (String line : table.subList(2, table.size())) {
            if (line.startsWith("---")) continue;
            String name = line.substring(51).trim();
            m.put(name, line.substring(31, 50).trim().replaceAll("\\s+", " "));
        }
        return m;
    }
}
