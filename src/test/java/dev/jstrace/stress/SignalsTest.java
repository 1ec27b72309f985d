package dev.jstrace.stress;

import static dev.jstrace.stress.StressSupport.compiled;
import static dev.jstrace.stress.StressSupport.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.ProcessEvent;
import dev.jstrace.SignalEvent;
import dev.jstrace.Syscall;
import dev.jstrace.Trace;
import dev.jstrace.TraceEvent;
import dev.jstrace.TraceOptions;
import dev.jstrace.TracedProcess;
import dev.jstrace.Tracer;
import dev.jstrace.ffi.Libc;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Signals and job control under trace: group-stops stay stopped until
 * continued, interrupted calls restart as untraced, SIGKILL mid-call ends
 * every call, ignored and blocked signals stay ignored and blocked.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SignalsTest {
    private static final int SIGSTOP = 19;
    private static final int SIGCONT = 18;

    /** Collects a stream on a thread so the test can watch output grow. */
    private static final class Drain {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in) {
            thread = Thread.ofPlatform().daemon(true).start(() -> {
                byte[] b = new byte[4096];
                try {
                    for (int n; (n = in.read(b)) > 0; ) {
                        synchronized (buf) {
                            buf.write(b, 0, n);
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the stream closed: done
                }
            });
        }

        String text() {
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }

        String awaitContains(String s, long millis) throws InterruptedException {
            long end = System.nanoTime() + millis * 1_000_000;
            while (!text().contains(s) && System.nanoTime() < end) Thread.sleep(5);
            return text();
        }

        String all() throws InterruptedException {
            thread.join(20_000);
            return text();
        }
    }

    private static String awaitState(long pid, String letters, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        String s = state(pid);
        while ((s == null || !letters.contains(s)) && System.nanoTime() < end) {
            Thread.sleep(5);
            s = state(pid);
        }
        return s;
    }

    @Test
    void groupStopStaysStoppedUntilContinued() throws Exception {
        String exe = compiled("signals").toString();
        TracedProcess p = Tracer.launch(new ProcessBuilder(exe, "tick", "60"));
        Drain out = new Drain(p.getInputStream());
        out.awaitContains("tick 3", 5000);
        Libc.kill((int) p.pid(), SIGSTOP);
        String st = awaitState(p.pid(), "Tt", 5000);
        assertTrue("Tt".contains(st), "stopped: " + st);
        Thread.sleep(50); // a tick already past the stop check may still land
        String before = out.text();
        Thread.sleep(400);
        assertTrue("Tt".contains(state(p.pid())), "still stopped after 400 ms: " + state(p.pid()));
        assertEquals(before, out.text(), "no progress while stopped");
        Libc.kill((int) p.pid(), SIGCONT);
        assertEquals(0, p.waitFor());
        String all = out.all();
        assertTrue(all.endsWith("tick 59\n"), all);
        assertEquals(60, all.lines().count(), "every tick once");
        Trace t = p.trace();
        assertTrue(t.events().stream().anyMatch(e -> e instanceof SignalEvent s && s.groupStop() && s.signo() == SIGSTOP),
                "--- stopped by SIGSTOP --- reported");
        assertTrue(t.events().stream().anyMatch(e -> e instanceof SignalEvent s && !s.groupStop() && s.signo() == SIGCONT),
                "--- SIGCONT --- reported");
    }

    @Test
    void sigtstpUnderAShellStopsAsUntraced() throws Exception {
        String exe = compiled("signals").toString();
        String script = exe + " tick 40 > /dev/null & p=$!; sleep 0.15; kill -TSTP $p; sleep 0.3;"
                + " sed -n 's/^State:[[:space:]]*\\(.\\).*/state \\1/p' /proc/$p/status; sleep 0.2;"
                + " sed -n 's/^State:[[:space:]]*\\(.\\).*/state \\1/p' /proc/$p/status;"
                + " kill -CONT $p; wait $p; echo status $?";
        Process plain = new ProcessBuilder("sh", "-c", script).start();
        String plainOut = new String(plain.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, plain.waitFor());
        Assumptions.assumeTrue(plainOut.startsWith("state T\nstate T\n"),
                "SIGTSTP does not stop an untraced background job here: " + plainOut);
        TracedProcess p = Tracer.launch(new ProcessBuilder("sh", "-c", script));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        // Under ptrace a group-stop shows as 't' (tracing stop) rather than 'T'.
        assertEquals(plainOut, out.replace("state t", "state T"));
        assertTrue(p.trace().events().stream().anyMatch(e -> e instanceof SignalEvent s && s.groupStop()
                && s.signo() == 20), "--- stopped by SIGTSTP ---");
    }

    @Test
    void interruptedCallsRestartAsUntraced() throws Exception {
        String exe = compiled("signals").toString();
        Process plain = new ProcessBuilder(exe, "restart").start();
        String plainOut = new String(plain.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, plain.waitFor());
        TracedProcess p = Tracer.launch(new ProcessBuilder(exe, "restart"));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("restarted read 5 handled 1\nplain read -1 EINTR handled 2\nslept 0\n", plainOut);
        assertEquals(plainOut, out, "the program sees what it sees untraced");
        int main = (int) p.pid();
        List<Syscall> calls = p.trace().syscalls().stream().filter(s -> s.tid() == main).toList();
        int interrupted = indexOf(calls, s -> s.name().equals("read") && "ERESTARTSYS".equals(s.errno()));
        assertTrue(interrupted >= 0, "read = ? ERESTARTSYS: " + calls);
        assertTrue(calls.get(interrupted).result().startsWith("? ERESTARTSYS"), calls.get(interrupted).result());
        List<Syscall> after = calls.subList(interrupted + 1, calls.size());
        assertEquals("rt_sigreturn", after.get(0).name(), "the handler returns: " + after);
        int restarted = indexOf(after, s -> s.name().equals("read"));
        assertEquals(5, after.get(restarted).returnValue(), "the restarted read gets the 5 bytes");
        assertTrue(calls.stream().anyMatch(s -> s.name().equals("restart_syscall") && s.returnValue() == 0),
                "the stopped nanosleep resumes through restart_syscall: " + calls);
        assertTrue(calls.stream().anyMatch(s -> "ERESTART_RESTARTBLOCK".equals(s.errno())));
        assertTrue(p.trace().events().stream().anyMatch(e -> e instanceof SignalEvent s && s.name().equals("SIGALRM")));
    }

    private static int indexOf(List<Syscall> calls, java.util.function.Predicate<Syscall> p) {
        for (int i = 0; i < calls.size(); i++) if (p.test(calls.get(i))) return i;
        return -1;
    }

    @Test
    void sigkillMidSyscallEndsEveryCall() throws Exception {
        String exe = compiled("signals").toString();
        var counts = new StressSupport.Counting(s -> !s.returned());
        TracedProcess p = Tracer.launch(new ProcessBuilder(exe, "block", "4"),
                TraceOptions.defaults().withEntries(true), counts);
        Drain out = new Drain(p.getInputStream());
        out.awaitContains("blocked", 5000);
        Thread.sleep(100); // every thread into its read
        Libc.kill((int) p.pid(), 9);
        assertEquals(128 + 9, p.waitFor());
        assertEquals(9, p.terminationSignal());
        assertTrue(p.awaitTraceEnd(10_000));
        assertTrue(counts.unmatched().isEmpty(), "every entry ends: " + counts.unmatched());
        long killedReads = counts.kept.stream().filter(s -> s.name().equals("read") && s.result().equals("?")).count();
        assertEquals(5, killedReads, "four threads and main died inside read: " + counts.kept);
        assertTrue(counts.processEvents.stream().anyMatch(e -> e.kind() == ProcessEvent.Kind.KILLED
                && e.lastOfProcess() && e.status() == 9));
    }

    @Test
    void ignoredAndBlockedSignalsStaySo() throws Exception {
        String exe = compiled("signals").toString();
        TracedProcess p = Tracer.launch(new ProcessBuilder(exe, "ignore"));
        Drain out = new Drain(p.getInputStream());
        out.awaitContains("ready", 5000);
        int pid = (int) p.pid();
        Libc.kill(pid, 15);
        Libc.kill(pid, 2);
        Libc.kill(pid, 10);
        Thread.sleep(200);
        assertTrue(p.isAlive(), "SIGTERM and SIGINT are ignored");
        String st = state(pid);
        assertNotNull(st);
        assertFalse("Tt".contains(st), "not left stopped: " + st);
        p.getOutputStream().close();
        assertEquals(0, p.waitFor());
        assertEquals("ready\npending USR1 1\n", out.all(), "SIGUSR1 stays blocked and pending");
        List<TraceEvent> ev = p.trace().events();
        assertTrue(ev.stream().anyMatch(e -> e instanceof SignalEvent s && s.signo() == 15),
                "the ignored SIGTERM is seen (a tracer sees ignored signals)");
        assertFalse(ev.stream().anyMatch(e -> e instanceof SignalEvent s && s.signo() == 10),
                "a blocked signal is never delivered");
    }
}
