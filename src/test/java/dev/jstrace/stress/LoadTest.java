package dev.jstrace.stress;

import static dev.jstrace.stress.StressSupport.compiled;
import static dev.jstrace.stress.StressSupport.reportedCounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.ProcessEvent;
import dev.jstrace.TraceOptions;
import dev.jstrace.TracedProcess;
import dev.jstrace.Tracer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Load: many threads, a burst of children, exec from a non-leader thread,
 * vfork, many open fds, a huge argv. The programs count their own calls; the
 * trace must hold exactly those, every entry must end, and output and exit
 * status must be what the program produces untraced. Sizes are small in the
 * normal suite and the under {@code -Djstrace.stress=full}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LoadTest {
    /** Whether this is the long form; {@link LoadFullTest} says yes. */
    boolean full() {
        return StressSupport.FULL;
    }

    private int size(int small, int large) {
        return full() ? large : small;
    }

    private record Run(String out, int status, StressSupport.Counting counts) {}

    private static Run traced(String... cmd) throws Exception {
        var counts = new StressSupport.Counting(s -> s.name().equals("vfork"));
        TracedProcess p = Tracer.launch(new ProcessBuilder(cmd), TraceOptions.defaults().withEntries(true), counts);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        assertTrue(p.awaitTraceEnd(60_000), "the trace ends");
        return new Run(out, status, counts);
    }

    private static Run untraced(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(out, p.waitFor(), null);
    }

    private static void assertEveryEntryEnded(Run r) {
        assertTrue(r.counts().unmatched().isEmpty(), "entries without their end: " + r.counts().unmatched());
        assertEquals(r.counts().totalEntered(), r.counts().totalEnded());
    }

    @Test
    void threadsEachMakeTheirCountOfCalls() throws Exception {
        int threads = size(8, 32);
        int each = size(500, 5000);
        String exe = compiled("threads").toString();
        Run r = traced(exe, "" + threads, "" + each);
        assertEquals(3, r.status(), r.out());
        assertTrue(r.out().endsWith("done\n"), r.out());
        Map<Integer, Long> reported = reportedCounts(r.out());
        assertEquals(threads, reported.size(), r.out());
        Map<Integer, Long> seen = r.counts().calls("getppid");
        for (var e : reported.entrySet()) {
            assertEquals(e.getValue(), seen.getOrDefault(e.getKey(), 0L), "getppid calls of tid " + e.getKey());
        }
        assertEquals((long) threads * each, r.counts().total("getppid"), "no getppid outside the workers");
        assertEveryEntryEnded(r);
    }

    @Test
    void aBurstOfShortLivedChildren() throws Exception {
        int n = size(40, 200);
        String exe = compiled("forkburst").toString();
        Run r = traced(exe, "" + n, "50");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("reaped " + n + " bad 0"), r.out());
        Map<Integer, Long> reported = reportedCounts(r.out());
        assertEquals(n, reported.size(), r.out());
        for (var e : reported.entrySet()) {
            assertEquals(e.getValue(), r.counts().calls("getppid").getOrDefault(e.getKey(), 0L),
                    "getppid calls of child " + e.getKey());
        }
        long exited = r.counts().processEvents.stream()
                .filter(p -> p.kind() == ProcessEvent.Kind.EXITED && p.lastOfProcess()).count();
        assertEquals(n + 1, exited, "every child's exit and the parent's");
        for (ProcessEvent p : r.counts().processEvents) {
            if (p.kind() == ProcessEvent.Kind.EXITED && reported.containsKey(p.pid())) {
                assertTrue(p.status() >= 0 && p.status() < 200, "child exit status " + p);
            }
        }
        assertEveryEntryEnded(r);
    }

    @Test
    void vforkChildren() throws Exception {
        int n = size(20, 100);
        String exe = compiled("forkburst").toString();
        Run r = traced(exe, "" + n, "20", "vfork");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("reaped " + n + " bad 0"), r.out());
        Map<Integer, Long> reported = reportedCounts(r.out());
        assertEquals(n, reported.size());
        for (var e : reported.entrySet()) {
            assertEquals(e.getValue(), r.counts().calls("getppid").getOrDefault(e.getKey(), 0L),
                    "getppid calls of vfork child " + e.getKey());
        }
        // A SIGCHLD arriving mid-vfork makes the kernel restart it (ERESTARTNOINTR): only successes count.
        assertEquals(n, r.counts().kept.stream().filter(s -> s.returned() && s.returnValue() > 0).count(),
                () -> "every vfork reported: " + r.counts().kept);
        assertTrue(r.counts().kept.stream().allMatch(s -> s.returnValue() > 0 || s.errno().equals("ERESTARTNOINTR")),
                () -> "vforks fail only to be restarted: " + r.counts().kept);
        assertEveryEntryEnded(r);
    }

    @Test
    void execFromANonLeaderThread() throws Exception {
        String exe = compiled("execthread").toString();
        Run plain = untraced(exe, "40");
        Run r = traced(exe, "40");
        assertEquals(7, plain.status(), plain.out());
        assertEquals(7, r.status(), r.out());
        Map<Integer, Long> reported = reportedCounts(r.out());
        assertEquals(2, reported.size(), "the thread before the exec, the new image after: " + r.out());
        for (var e : reported.entrySet()) {
            assertEquals(e.getValue(), r.counts().calls("getppid").getOrDefault(e.getKey(), 0L),
                    "getppid calls of " + e.getKey() + " in " + r.out());
        }
        assertEquals(2, r.counts().total("execve"), "the launch and the thread's exec");
        assertEquals(r.counts().totalEntered(), r.counts().totalEnded(),
                "every entry ends, the leader's pthread_join as = ?: " + r.counts().unmatched());
    }

    @Test
    void aThousandOpenDescriptors() throws Exception {
        String exe = compiled("manyfds").toString();
        Run r = traced(exe, "1000");
        assertEquals(0, r.status(), r.out());
        Map<Integer, Long> reported = reportedCounts(r.out());
        assertEquals(1, reported.size(), r.out());
        var e = reported.entrySet().iterator().next();
        assertEquals(1000L, e.getValue(), r.out());
        assertEquals(1000L, r.counts().calls("fstat").getOrDefault(e.getKey(), 0L)
                + r.counts().calls("newfstatat").getOrDefault(e.getKey(), 0L)
                - countStdioStats(r), "one fstat per descriptor");
        assertTrue(r.counts().calls("dup").getOrDefault(e.getKey(), 0L) >= 1000);
        assertEveryEntryEnded(r);
    }

    /** stdio's own fstat of stdout before the first printf (newfstatat(1, "", …) in glibc). */
    private static long countStdioStats(Run r) {
        return r.counts().total("newfstatat");
    }

    @Test
    void argvOfAHundredThousandBytes() throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/echo"));
        int total = 0;
        for (int i = 0; total < 100_000; i++) {
            String a = "arg" + i + "-" + "x".repeat(90);
            cmd.add(a);
            total += a.length() + 1;
        }
        Run plain = untraced(cmd.toArray(String[]::new));
        Run r = traced(cmd.toArray(String[]::new));
        assertEquals(0, r.status());
        assertEquals(plain.out(), r.out(), "echo prints its argv unchanged");
        assertEquals(total, r.out().length(), "every byte of argv echoed");
        assertEquals(1, r.counts().total("execve"));
        assertEveryEntryEnded(r);
    }
}
