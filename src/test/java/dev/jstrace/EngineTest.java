package dev.jstrace;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end on real programs: spawn, loop, capture, assemble. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineTest {

    private static Trace run(String... cmd) throws Exception {
        TracedProcess p = Tracer.launch(new ProcessBuilder(cmd).redirectErrorStream(true));
        p.getInputStream().readAllBytes();
        p.waitFor();
        return p.trace();
    }

    @Test
    void trueStartsWithItsOwnExecveAndExitsZero() throws Exception {
        TracedProcess p = Tracer.launch(new ProcessBuilder("/bin/true"));
        assertEquals(0, p.waitFor());
        Trace t = p.trace();
        List<Syscall> calls = t.syscalls();
        assertFalse(calls.isEmpty());
        assertEquals("execve", calls.get(0).name(), "the first call is the program's own execve");
        assertEquals(0, calls.get(0).returnValue());
        Syscall last = calls.get(calls.size() - 1);
        assertEquals("exit_group", last.name());
        assertFalse(last.returned(), "exit_group never returns");
        ProcessEvent end = (ProcessEvent) t.events().get(t.events().size() - 1);
        assertEquals(ProcessEvent.Kind.EXITED, end.kind());
        assertEquals(0, end.status());
    }

    @Test
    void echoWritesHelloToStdout() throws Exception {
        TracedProcess p = Tracer.launch(new ProcessBuilder("/bin/echo", "Hello"));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("Hello\n", out, "the traced program's output is untouched");
        List<Syscall> writes = p.trace().syscalls("write");
        assertEquals(1, writes.size(), () -> p.toString());
        Syscall w = writes.get(0);
        assertEquals(6, w.returnValue());
        assertEquals("write(1, \"Hello\\n\", 6) = 6", w.straceText());
    }

    @Test
    void pipelineIsFollowedThroughForksAndExecs() throws Exception {
        TracedProcess p = Tracer.launch(new ProcessBuilder("sh", "-c", "echo hi | tr a-z A-Z"));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("HI\n", out);
        Trace t = p.trace();
        long pids = t.syscalls().stream().map(Syscall::pid).distinct().count();
        assertTrue(pids >= 2, "at least the shell and tr: " + pids);
        assertTrue(t.syscalls().stream().anyMatch(s -> s.name().startsWith("clone") || s.name().equals("fork")
                || s.name().equals("vfork")), "the shell forks");
        assertTrue(t.syscalls("execve").size() >= 2, "sh and tr exec");
        assertTrue(t.syscalls().stream().anyMatch(s -> s.name().equals("wait4")), "the shell waits");
        long started = t.events().stream().filter(e -> e instanceof ProcessEvent pe
                && pe.kind() == ProcessEvent.Kind.STARTED).count();
        assertTrue(started >= 2);
    }

    @Test
    void exitStatusAndSignalDeathAreReported() throws Exception {
        TracedProcess three = Tracer.launch(new ProcessBuilder("sh", "-c", "exit 3"));
        assertEquals(3, three.waitFor());
        TracedProcess killed = Tracer.launch(new ProcessBuilder("sh", "-c", "kill -9 $$"));
        assertEquals(128 + 9, killed.waitFor(), "the JDK's convention: 128 + signal");
        assertEquals(9, killed.terminationSignal());
        Trace t = killed.trace();
        ProcessEvent end = (ProcessEvent) t.events().get(t.events().size() - 1);
        assertEquals(ProcessEvent.Kind.KILLED, end.kind());
        assertEquals("+++ killed by SIGKILL +++", end.straceText());
    }

    @Test
    void missingProgramFailsLikeProcessBuilder() {
        IOException ours = assertThrows(IOException.class, () -> Tracer.launch(new ProcessBuilder("nope-jstrace")));
        IOException theirs = assertThrows(IOException.class, () -> new ProcessBuilder("nope-jstrace").start());
        assertEquals(theirs.getMessage(), ours.getMessage());
    }

    @Test
    void threadsHaveEveryEntryMatchedByAnExit() throws Exception {
        String prog = String.join("\n",
                "import threading, os",
                "def work():",
                "    for _ in range(200): os.getppid()",
                "ts = [threading.Thread(target=work) for _ in range(8)]",
                "[t.start() for t in ts]",
                "[t.join() for t in ts]",
                "print('done')");
        Map<Integer, int[]> perTid = new HashMap<>();
        TraceListener counting = e -> {
            if (e instanceof SyscallEntered s) perTid.computeIfAbsent(s.tid(), k -> new int[2])[0]++;
            if (e instanceof Syscall s) perTid.computeIfAbsent(s.tid(), k -> new int[2])[1] += s.returned() ? 1 : 0;
            if (e instanceof Syscall s && !s.returned()) perTid.computeIfAbsent(s.tid(), k -> new int[2])[1]++;
        };
        TracedProcess p = Tracer.launch(new ProcessBuilder("python3", "-c", prog),
                TraceOptions.defaults().withEntries(true), counting);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        p.awaitTraceEnd();
        assertEquals("done\n", out);
        assertTrue(perTid.size() >= 9, "main thread + 8 workers: " + perTid.size());
        for (var e : perTid.entrySet()) {
            assertEquals(e.getValue()[0], e.getValue()[1], "tid " + e.getKey() + ": entries vs exits");
        }
    }

    @Test
    void jdkChildStartedBesideASessionKeepsItsExitCode() throws Exception {
        TracedProcess traced = Tracer.launch(new ProcessBuilder("sh", "-c", "sleep 0.3; exit 4"));
        Process plain = new ProcessBuilder("sh", "-c", "exit 7").start();
        assertEquals(7, plain.waitFor(), "__WNOTHREAD: the loop must not reap the JDK's children");
        assertEquals(4, traced.waitFor());
    }

    @Test
    void totalCallsAgreeWithStraceCount(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace is not installed");
        Path f = dir.resolve("in.txt");
        Files.writeString(f, "abc\n".repeat(1000));
        String[] cmd = {"/bin/cat", f.toString()};
        Process s = new ProcessBuilder(concat(new String[] {"strace", "-f", "-c", "-o", dir.resolve("c").toString()}, cmd))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, s.waitFor());
        String table = Files.readString(dir.resolve("c"));
        int straceTotal = -1;
        for (String line : table.split("\n")) {
            if (line.endsWith("total")) {
                String[] cols = line.trim().split("\\s+");
                straceTotal = Integer.parseInt(cols[3]); // % time, seconds, usecs/call, calls
            }
        }
        TracedProcess p = Tracer.launch(new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD));
        assertEquals(0, p.waitFor());
        // strace -c counts a call at its exit, so exit_group (which never returns) is not in its table.
        List<Syscall> returned = p.trace().syscalls().stream().filter(Syscall::returned).toList();
        // On a mismatch, jstrace's own per-name counts beside strace's table say which call differs.
        assertEquals(straceTotal, returned.size(), () -> table + "jstrace: " + returned.stream()
                .collect(java.util.stream.Collectors.groupingBy(Syscall::name, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting())));
    }

    @Test
    void environmentKeepsTheOrderThisProcessReceivedItIn() throws Exception {
        TracedProcess p = Tracer.launch(new ProcessBuilder("/usr/bin/env"));
        List<String> keys = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(l -> l.substring(0, Math.max(0, l.indexOf('=')))).toList();
        assertEquals(0, p.waitFor());
        List<String> ours = new java.util.ArrayList<>();
        for (String e : Files.readString(Path.of("/proc/self/environ")).split("\0")) {
            int eq = e.indexOf('=');
            if (eq > 0 && System.getenv().containsKey(e.substring(0, eq))) ours.add(e.substring(0, eq));
        }
        assertEquals(ours, keys, "a C child sees environ in order; ProcessBuilder's hash map must not reorder it");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
