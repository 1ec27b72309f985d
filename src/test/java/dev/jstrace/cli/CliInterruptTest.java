package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signal to the tracer, as strace 6.1 handles it: the command it started
 * gets the signal, every tracee is detached, the tracer exits; the program's
 * handler then runs to its end untraced. The command traps the signal,
 * sleeps in the trap and writes {@code cleaned-up}: a tracer that killed the
 * traced tree would leave no such file. strace run the same way gives the
 * expected status and messages.
 */
class CliInterruptTest {
    /** Records its pids, traps the signals, waits for a background sleep (a trap runs during wait). */
    private static final String TRAPPING = "echo $$ > pidfile; trap 'sleep 1; echo cleaned-up > done; kill $!; exit 5'"
            + " INT TERM HUP; sleep 30 & echo $! > sleeper; wait";

    private record Result(int status, boolean cleanedUp, List<String> messages) {}

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM", "HUP"})
    void theCommandGetsTheSignalAndItsHandlerRunsUntraced(String sig, @TempDir Path dir) throws Exception {
        Result ours = interrupt(dir.resolve("j"), true, sig, List.of());
        assertTrue(ours.cleanedUp(), "the trap ran to its end: " + ours);
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace");
        assertEquals(interrupt(dir.resolve("s"), false, sig, List.of()), ours);
    }

    @Test
    void withDashOAndDashI2TheSignalIsHandledAsWithoutDashO(@TempDir Path dir) throws Exception {
        Result ours = interrupt(dir.resolve("j"), true, "INT", List.of("-o", "out", "-I", "2"));
        assertEquals(130, ours.status());
        assertTrue(ours.cleanedUp(), ours.toString());
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace");
        assertEquals(interrupt(dir.resolve("s"), false, "INT", List.of("-o", "out", "-I", "2")), ours);
    }

    /** Starts the trapping command under the tracer, sends {@code sig} once it waits, collects what happened. */
    private static Result interrupt(Path dir, boolean jstrace, String sig, List<String> options) throws Exception {
        Files.createDirectories(dir);
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("-f", "sh", "-c", TRAPPING));
        CliProcess p = jstrace ? CliProcess.jstrace(dir, args.toArray(String[]::new))
                : CliProcess.strace(dir, args.toArray(String[]::new));
        Path trace = options.contains("-o") ? dir.resolve("out") : p.stderr;
        CliProcess.await("the command's wait", () -> Files.exists(dir.resolve("sleeper"))
                && Files.readString(trace).contains("wait4("));
        Thread.sleep(300);
        int status = p.signalAndWait(sig);
        int sh = Integer.parseInt(Files.readString(dir.resolve("pidfile")).trim());
        CliProcess.await("the trap's end", () -> CliProcess.procStatus(sh, "State") == null
                || CliProcess.procStatus(sh, "State").startsWith("Z"));
        boolean cleaned = Files.exists(dir.resolve("done"))
                && Files.readString(dir.resolve("done")).equals("cleaned-up\n");
        List<String> messages = messages(p);
        return new Result(status, cleaned, messages);
    }

    /** The tracer's own messages, wherever they fall (strace's may end a line of trace), pids as N, sorted. */
    private static List<String> messages(CliProcess p) throws java.io.IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:/usr/bin/)?j?strace: ([^\n]*)")
                .matcher(Files.readString(p.stderr));
        List<String> found = new ArrayList<>();
        while (m.find()) found.add("tracer: " + m.group(1).replaceAll("\\d+", "N"));
        return found.stream().sorted().toList();
    }

    @Test
    void anInheritedIgnoredSigintStillInterruptsTheTracer(@TempDir Path dir) throws Exception {
        Result ours = ignoredAtStart(dir.resolve("j"), true);
        assertEquals(130, ours.status());
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace");
        assertEquals(ignoredAtStart(dir.resolve("s"), false), ours);
    }

    /**
     * The tracer starts with SIGINT ignored (as every {@code &} job of a script): it still ends on SIGINT,
     * detached; the command, which inherited the ignored SIGINT, runs on untraced until TERM ends it.
     */
    private static Result ignoredAtStart(Path dir, boolean jstrace) throws Exception {
        Files.createDirectories(dir);
        List<String> wrapper = List.of("sh", "-c", "trap '' INT; exec \"$@\"", "sh");
        String[] args = {"-f", "sh", "-c", TRAPPING};
        CliProcess p;
        if (jstrace) {
            p = CliProcess.jstraceUnder(dir, wrapper, args);
        } else {
            List<String> cmd = new ArrayList<>(wrapper);
            cmd.add("/usr/bin/strace");
            p = CliProcess.command(dir, "strace", cmd, args);
        }
        CliProcess.await("the command's wait", () -> Files.exists(dir.resolve("sleeper"))
                && Files.readString(p.stderr).contains("wait4("));
        Thread.sleep(300);
        int status = p.signalAndWait("INT");
        int sh = Integer.parseInt(Files.readString(dir.resolve("pidfile")).trim());
        assertEquals("0", CliProcess.procStatus(sh, "TracerPid"), "detached and still running");
        assertFalse(Files.exists(dir.resolve("done")), "SIGINT was ignored by the command, as inherited");
        new ProcessBuilder("kill", "-TERM", Integer.toString(sh)).start().waitFor();
        CliProcess.await("the trap's end", () -> Files.exists(dir.resolve("done")));
        List<String> messages = messages(p);
        return new Result(status, true, messages);
    }

    @Test
    void killingTheTracerLeavesItsTraceesRunningUntracedUnlessKillOnExit(@TempDir Path dir) throws Exception {
        assertTrue(survivesKill9(dir.resolve("plain"), List.of()), "no PTRACE_O_EXITKILL by default");
        assertFalse(survivesKill9(dir.resolve("kill"), List.of("--kill-on-exit")), "--kill-on-exit kills it");
    }

    private static boolean survivesKill9(Path dir, List<String> options) throws Exception {
        Files.createDirectories(dir);
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("-o", "out", "sh", "-c", "echo $$ > pidfile; exec sleep 30"));
        CliProcess p = CliProcess.jstrace(dir, args.toArray(String[]::new));
        CliProcess.await("the command", () -> Files.exists(dir.resolve("pidfile"))
                && Files.size(dir.resolve("pidfile")) > 0);
        int sleeper = Integer.parseInt(Files.readString(dir.resolve("pidfile")).trim());
        CliProcess.await("the exec", () -> "sleep".equals(comm(sleeper)));
        p.signalAndWait("KILL");
        CliProcess.await("the tracer's end as seen by the tracee", () -> comm(sleeper) == null
                || "0".equals(CliProcess.procStatus(sleeper, "TracerPid")));
        Thread.sleep(200);
        String state = CliProcess.procStatus(sleeper, "State");
        boolean alive = state != null && !state.startsWith("Z");
        if (alive) new ProcessBuilder("kill", "-KILL", Integer.toString(sleeper)).start().waitFor();
        return alive;
    }

    private static String comm(int pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).strip();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
