package dev.jstrace.stress;

import static dev.jstrace.stress.StressSupport.compiled;
import static dev.jstrace.stress.StressSupport.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.TraceEvent;
import dev.jstrace.TraceListener;
import dev.jstrace.TraceOptions;
import dev.jstrace.TracedProcess;
import dev.jstrace.Tracer;
import dev.jstrace.ffi.Libc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in jstrace's own process: SIGINT/SIGTERM at a random moment to a
 * jstrace JVM, SIGKILL to it, and a consumer slowed down on purpose. Launched
 * tracees die with it, attached ones run on unstopped, files stay whole.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FaultTest {
    /** Whether this is the long form; {@link FaultFullTest} says yes. */
    boolean full() {
        return StressSupport.FULL;
    }

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    /** Starts {@code jstrace ARGS} in a JVM of its own, on this test's class path. */
    static Process jstrace(Path dir, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.jstrace.cli.Main"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve("jstrace.stdout").toFile())
                .redirectError(dir.resolve("jstrace.stderr").toFile()).start();
    }

    /** Waits until {@code f} holds at least {@code lines} lines. */
    static void awaitLines(Path f, int lines, Process jvm) throws Exception {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            if (Files.exists(f) && Files.readAllLines(f).size() >= lines) return;
            assertTrue(jvm.isAlive(), "jstrace ended early: " + Files.readString(f.resolveSibling("jstrace.stderr")));
            Thread.sleep(10);
        }
        throw new AssertionError("no trace output in " + f);
    }

    /**
     * Without {@code -o} (with {@code -o} and a command strace blocks these signals, and so
     * does jstrace): the trace goes to stderr, TEF and Perfetto to files. The command is a
     * shell whose background job ignores SIGINT, so jstrace must not wait for the tree.
     */
    private void signalLaunched(Path dir, int sig) throws Exception {
        String exe = compiled("signals").toString();
        Path out = dir.resolve("jstrace.stderr");
        Path tef = dir.resolve("trace.json");
        Path pb = dir.resolve("trace.pb");
        Process jvm = jstrace(dir, List.of("-f", "--tef", tef.toString(), "--perfetto",
                pb.toString(), "sh", "-c", exe + " tick 1000 & " + exe + " tick 1000; wait"));
        awaitLines(out, 20, jvm);
        Thread.sleep(random.nextInt(400));
        List<ProcessHandle> tracees = jvm.toHandle().descendants().toList();
        assertFalse(tracees.isEmpty());
        long t0 = System.nanoTime();
        Libc.kill((int) jvm.pid(), sig);
        assertTrue(jvm.waitFor(20, TimeUnit.SECONDS), "jstrace ends on signal " + sig + " (seed " + seed + ")");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 5000, "jstrace ended " + ms + " ms after signal " + sig + ", not at once");
        assertEquals(128 + sig, jvm.exitValue(), "jstrace dies of the signal, as strace re-raises it");
        // strace 6.1's cleanup: the command got the signal, every tracee was detached and runs on untraced.
        assertDetachedThenEnd(tracees);
        List<String> lines = OutputFiles.straceText(out);
        assertTrue(lines.size() >= 20);
        assertTrue(OutputFiles.tef(tef) > 0, "TEF has events");
        assertTrue(OutputFiles.perfetto(pb) > 0, "Perfetto has packets");
    }

    /** Each of {@code tracees} that still runs is untraced and not stopped; then this test ends them. */
    private static void assertDetachedThenEnd(List<ProcessHandle> tracees) throws Exception {
        for (ProcessHandle t : tracees) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            String tracer;
            while ((tracer = StressSupport.tracerPid(t.pid())) != null && !tracer.equals("0")
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(tracer == null || tracer.equals("0"), "tracee " + t.pid() + " still traced by " + tracer);
            Map<Integer, String> states = StressSupport.threadStates(t.pid());
            assertFalse(states.containsValue("t") || states.containsValue("T"), "left stopped: " + states);
        }
        for (ProcessHandle t : tracees) t.destroyForcibly();
    }

    private void signalAttached(Path dir, int sig) throws Exception {
        String exe = compiled("signals").toString();
        int pid = StressSupport.daemon(dir, exe, "tick", "150");
        Path out = dir.resolve("out.txt");
        Path tef = dir.resolve("trace.json");
        Process jvm = jstrace(dir, List.of("-o", out.toString(), "--tef", tef.toString(), "-p", "" + pid));
        awaitLines(out, 5, jvm);
        Thread.sleep(random.nextInt(300));
        Libc.kill((int) jvm.pid(), sig);
        assertTrue(jvm.waitFor(20, TimeUnit.SECONDS), "jstrace ends on signal " + sig + " (seed " + seed + ")");
        Map<Integer, String> states = StressSupport.threadStates(pid);
        assertFalse(states.containsValue("t") || states.containsValue("T"), "attached process left stopped: " + states);
        assertEquals(0, StressSupport.awaitStatus(dir), "the attached process runs on to its normal end");
        assertEquals(150, Files.readAllLines(dir.resolve("out")).size(), "every tick printed");
        OutputFiles.straceText(out);
        assertTrue(OutputFiles.tef(tef) > 0);
    }

    @Test
    void sigintAndSigtermToALaunchingJstrace(@TempDir Path dir) throws Exception {
        int rounds = full() ? 4 : 1;
        for (int i = 0; i < rounds; i++) {
            for (int sig : new int[] {2, 15}) {
                Path d = Files.createDirectory(dir.resolve("launch-" + i + "-" + sig));
                signalLaunched(d, sig);
            }
        }
    }

    @Test
    void sigintAndSigtermToAnAttachedJstrace(@TempDir Path dir) throws Exception {
        int rounds = full() ? 3 : 1;
        for (int i = 0; i < rounds; i++) {
            for (int sig : new int[] {2, 15}) {
                Path d = Files.createDirectory(dir.resolve("attach-" + i + "-" + sig));
                signalAttached(d, sig);
            }
        }
    }

    @Test
    void sigkillToTheTracerJvmLeavesNoTraceeStopped(@TempDir Path dir) throws Exception {
        String exe = compiled("signals").toString();
        Path launchDir = Files.createDirectory(dir.resolve("launch"));
        Path out = launchDir.resolve("out.txt");
        Process jvm = jstrace(launchDir, List.of("-f", "-o", out.toString(), "sh", "-c",
                exe + " tick 1000 & " + exe + " tick 1000; wait"));
        awaitLines(out, 30, jvm);
        List<ProcessHandle> tracees = jvm.toHandle().descendants().toList();
        jvm.destroyForcibly();
        jvm.waitFor();
        // No PTRACE_O_EXITKILL (strace 6.1): the kernel detaches the tracees and they run on.
        assertDetachedThenEnd(tracees);
        Path killDir = Files.createDirectory(dir.resolve("kill-on-exit"));
        Path out3 = killDir.resolve("out.txt");
        Process jvm3 = jstrace(killDir, List.of("-f", "--kill-on-exit", "-o", out3.toString(), "sh", "-c",
                exe + " tick 1000 & " + exe + " tick 1000; wait"));
        awaitLines(out3, 30, jvm3);
        List<ProcessHandle> killed = jvm3.toHandle().descendants().toList();
        jvm3.destroyForcibly();
        jvm3.waitFor();
        for (ProcessHandle t : killed) {
            assertTrue(StressSupport.awaitGone(t.pid(), 5000), "--kill-on-exit ends launched tracee " + t.pid()
                    + ": " + state(t.pid()));
        }
        Path attachDir = Files.createDirectory(dir.resolve("attach"));
        int pid = StressSupport.daemon(attachDir, exe, "tick", "150");
        Path out2 = attachDir.resolve("out.txt");
        Process jvm2 = jstrace(attachDir, List.of("-o", out2.toString(), "-p", "" + pid));
        awaitLines(out2, 5, jvm2);
        jvm2.destroyForcibly();
        jvm2.waitFor();
        Thread.sleep(100);
        Map<Integer, String> states = StressSupport.threadStates(pid);
        assertFalse(states.containsValue("t") || states.containsValue("T"), "left stopped: " + states);
        assertEquals(0, StressSupport.awaitStatus(attachDir), "the kernel detached it and it ran on");
        assertEquals(150, Files.readAllLines(attachDir.resolve("out")).size());
    }

    @Test
    void aSlowConsumerMakesTheTraceeWaitAndLosesNothing() throws Exception {
        int threads = 4;
        int each = full() ? 2000 : 300;
        String exe = compiled("threads").toString();
        var counts = new StressSupport.Counting(s -> false);
        TraceListener slow = new TraceListener() {
            @Override
            public void onEvent(TraceEvent e) {
                LockSupport.parkNanos(50_000);
                counts.onEvent(e);
            }
        };
        TracedProcess p = Tracer.launch(new ProcessBuilder(exe, "" + threads, "" + each),
                TraceOptions.defaults().withEntries(true).withQueueCapacity(16), slow);
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, p.waitFor());
        assertTrue(p.awaitTraceEnd(60_000));
        Map<Integer, Long> reported = StressSupport.reportedCounts(stdout);
        assertEquals(threads, reported.size(), stdout);
        for (var e : reported.entrySet()) {
            assertEquals(e.getValue(), counts.calls("getppid").getOrDefault(e.getKey(), 0L), "tid " + e.getKey());
        }
        assertTrue(counts.unmatched().isEmpty(), "" + counts.unmatched());
    }
}
