package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.sink.TraceFileChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals to the tracer and the tracer's own death, with jstrace running as a
 * separate JVM; strace 6.1 run the same way is the reference for every exit
 * status and message. (A shell shows a death by SIGINT as 130; so does
 * {@link Process#exitValue()}.)
 */
class CliSignalTest {
    private static final String SLEEPER = "echo $$ > pidfile; exec sleep 20";

    @Test
    void sigintKillsTheLaunchedCommandAndTheTracerDiesOfIt(@TempDir Path dir) throws Exception {
        int ours = interruptLaunch(dir.resolve("j"), true);
        assertEquals(130, ours);
        TraceFileChecks.tefEvents(Files.readAllBytes(dir.resolve("j/t.json")));
        TraceFileChecks.perfettoSlices(Files.readAllBytes(dir.resolve("j/t.pftrace")), true);
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace");
        assertEquals(interruptLaunch(dir.resolve("s"), false), ours);
    }

    /** Runs {@code sh -c SLEEPER} under the tracer, sends SIGINT once it sleeps; the sleeper must be gone after. */
    private static int interruptLaunch(Path dir, boolean jstrace) throws Exception {
        Files.createDirectories(dir);
        CliProcess p = jstrace
                ? CliProcess.jstrace(dir, "--tef", "t.json", "--perfetto", "t.pftrace", "sh", "-c", SLEEPER)
                : CliProcess.strace(dir, "sh", "-c", SLEEPER);
        p.awaitStderr(l -> l.contains("nanosleep("));
        int sleeper = Integer.parseInt(Files.readString(dir.resolve("pidfile")).trim());
        int status = p.signalAndWait("INT");
        CliProcess.await("the sleeper's death", () -> CliProcess.procStatus(sleeper, "State") == null
                || CliProcess.procStatus(sleeper, "State").startsWith("Z"));
        return status;
    }

    @Test
    void withDashOAndACommandSigtermIsIgnoredAsStraceDoes(@TempDir Path dir) throws Exception {
        // strace -o FILE CMD ignores SIGINT/SIGTERM (on a terminal Ctrl-C reaches CMD through the process group).
        int ours = ignoredTerm(dir.resolve("j"), true);
        assertEquals(0, ours);
        List<String> lines = Files.readAllLines(dir.resolve("j/out"));
        assertEquals("+++ exited with 0 +++", lines.getLast());
        assertTrue(TraceFileChecks.tefEvents(Files.readAllBytes(dir.resolve("j/t.json"))) > 0);
        assertTrue(TraceFileChecks.perfettoSlices(Files.readAllBytes(dir.resolve("j/t.pftrace")), true) > 0);
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace");
        assertEquals(ignoredTerm(dir.resolve("s"), false), ours);
        assertEquals("+++ exited with 0 +++", Files.readAllLines(dir.resolve("s/out")).getLast());
    }

    private static int ignoredTerm(Path dir, boolean jstrace) throws Exception {
        Files.createDirectories(dir);
        String cmd = "echo $$ > pidfile; exec sleep 1";
        CliProcess p = jstrace
                ? CliProcess.jstrace(dir, "-o", "out", "--tef", "t.json", "--perfetto", "t.pftrace", "sh", "-c", cmd)
                : CliProcess.strace(dir, "-o", "out", "sh", "-c", cmd);
        CliProcess.await("the command's start", () -> Files.exists(dir.resolve("pidfile"))
                && Files.size(dir.resolve("pidfile")) > 0);
        return p.signalAndWait("TERM");
    }

    @Test
    void sigintDetachesAttachedProcessesWhichRunOn(@TempDir Path dir) throws Exception {
        Result ours = interruptAttach(dir.resolve("j"), true, "INT");
        assertEquals(130, ours.status());
        assertEquals(List.of("jstrace: Process " + ours.pid() + " attached",
                "jstrace: Process " + ours.pid() + " detached"), ours.messages());
        TraceFileChecks.tefEvents(Files.readAllBytes(dir.resolve("j/t.json")));
        TraceFileChecks.perfettoSlices(Files.readAllBytes(dir.resolve("j/t.pftrace")), false);
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace");
        Result theirs = interruptAttach(dir.resolve("s"), false, "INT");
        assertEquals(theirs.status(), ours.status());
        assertEquals(theirs.messages().stream().map(m -> m.replace(Integer.toString(theirs.pid()), "PID")).toList(),
                ours.messages().stream().map(m -> m.replace(Integer.toString(ours.pid()), "PID")).toList());
    }

    @Test
    void sigtermDetachesAsStraceDoes(@TempDir Path dir) throws Exception {
        Result ours = interruptAttach(dir.resolve("j"), true, "TERM");
        assertEquals(143, ours.status());
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace");
        assertEquals(interruptAttach(dir.resolve("s"), false, "TERM").status(), ours.status());
    }

    private record Result(int pid, int status, List<String> messages) {}

    /** Attaches to a sleeping daemon, signals the tracer; the daemon must be untraced, running, and end with 0. */
    private static Result interruptAttach(Path dir, boolean jstrace, String sig) throws Exception {
        Files.createDirectories(dir);
        // Runs until the test says so (a file), not for a fixed time: on a loaded machine the tracer's
        // start and detach took longer than any sleep chosen here. Bounded at 60 s if the test dies.
        Path go = dir.resolve("go");
        int pid = CliProcess.daemon(dir, "sh", "-c", "echo up; i=0; while [ ! -e '" + go
                + "' ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done");
        String p = Integer.toString(pid);
        CliProcess t = jstrace
                ? CliProcess.jstrace(dir, "-o", "out", "--tef", "t.json", "--perfetto", "t.pftrace", "-p", p)
                : CliProcess.strace(dir, "-o", "out", "-p", p);
        t.awaitStderr(l -> l.endsWith(" attached"));
        Thread.sleep(200);
        int status = t.signalAndWait(sig);
        assertEquals("0", CliProcess.procStatus(pid, "TracerPid"), "detached");
        assertFalse(CliProcess.procStatus(pid, "State").startsWith("t"), "not left in a tracing stop");
        Files.createFile(go);
        assertEquals(0, CliProcess.daemonStatus(dir), "the daemon ran on to its normal end");
        return new Result(pid, status, t.errorText().lines().toList());
    }

    @Test
    void aThreadedProcessIsAnnouncedWithItsThreadCount(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace");
        String py = "import threading,time\nts=[threading.Thread(target=time.sleep,args=(3,)) for _ in range(2)]\n"
                + "[t.start() for t in ts]\nprint('up', flush=True)\n[t.join() for t in ts]\n";
        List<String> ours = threadedAttach(dir.resolve("j"), true, py);
        List<String> theirs = threadedAttach(dir.resolve("s"), false, py);
        assertEquals(theirs, ours);
        assertTrue(ours.contains("jstrace: Process PID attached with 3 threads"), ours.toString());
    }

    /** The tracer's messages, sorted (detach order differs), with the process's pid and its threads' ids replaced. */
    private static List<String> threadedAttach(Path dir, boolean jstrace, String py) throws Exception {
        Files.createDirectories(dir);
        int pid = CliProcess.daemon(dir, "python3", "-c", py);
        List<String> tids;
        try (Stream<Path> s = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tids = s.map(x -> x.getFileName().toString()).filter(x -> !x.equals(Integer.toString(pid))).toList();
        }
        CliProcess t = jstrace ? CliProcess.jstrace(dir, "-f", "-o", "out", "-p", Integer.toString(pid))
                : CliProcess.strace(dir, "-f", "-o", "out", "-p", Integer.toString(pid));
        t.awaitStderr(l -> l.contains(" attached"));
        Thread.sleep(200);
        t.signalAndWait("INT");
        CliProcess.daemonStatus(dir);
        return t.errorText().lines().map(l -> {
            for (String tid : tids) l = l.replace("Process " + tid + " ", "Process TID ");
            return l.replace("Process " + pid + " ", "Process PID ");
        }).sorted().toList();
    }

    @Test
    void deathBySegvIsStracesWithoutACore(@TempDir Path dir) throws Exception {
        CliProcess t = CliProcess.jstrace(dir, "-o", "out", "sh", "-c", "kill -SEGV $$");
        int ours = t.exitValue();
        assertEquals(139, ours);
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("core")), "no core file");
        }
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace");
        assertEquals(CliProcess.strace(dir, "-o", "out2", "sh", "-c", "kill -SEGV $$").exitValue(), ours);
    }
}
