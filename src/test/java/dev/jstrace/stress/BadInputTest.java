package dev.jstrace.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.Attachment;
import dev.jstrace.Tracer;
import dev.jstrace.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on the command line: each case gets strace 6.1's message (with
 * jstrace's name) and exit status, compared with the installed strace where
 * there is one, and no process is left stopped and no file half-written.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BadInputTest {
    private record Result(int status, int signal, String err) {}

    private static final boolean STRACE = Files.isExecutable(Path.of("/usr/bin/strace"));

    private static Result jstrace(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Outcome o = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(o.status(), o.signal(), err.toString(StandardCharsets.UTF_8));
    }

    private static Result strace(Path dir, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("strace"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return new Result(p.exitValue(), 0, err.replaceAll("(?m)^strace: ", "jstrace: ").replace("Try 'strace -h'", "Try 'jstrace -h'"));
    }

    /**
     * Runs both tools; jstrace must fail with status 1 and say something, and
     * match strace's message and status where strace is installed.
     * Relative paths resolve against the test's working directory for jstrace,
     * so the cases pass absolute ones.
     */
    private static Result compare(Path dir, String... args) throws Exception {
        Result ours = jstrace(List.of(args));
        assertEquals(1, ours.status(), () -> String.join(" ", args) + ": " + ours.err());
        assertEquals(0, ours.signal());
        assertFalse(ours.err().isBlank(), "an error is explained");
        assertTrue(ours.err().startsWith("jstrace: ") || ours.err().contains("\njstrace: "), ours.err());
        if (STRACE) {
            Result theirs = strace(dir, List.of(args));
            assertEquals(theirs.status(), ours.status(), "status as strace's for " + String.join(" ", args));
            assertEquals(normalize(theirs.err()), normalize(ours.err()), "message as strace's for "
                    + String.join(" ", args));
        }
        return ours;
    }

    /**
     * The messages only: for a program that cannot be exec'd strace also traces its
     * child's failed execve and "+++ exited with 1 +++"; jstrace's spawner reports the
     * failure before the child is traced, so those trace lines are not compared.
     */
    private static String normalize(String s) {
        StringBuilder b = new StringBuilder();
        for (String l : s.split("\n")) {
            if (l.startsWith("jstrace: ") || l.startsWith("Try ")) b.append(l).append('\n');
        }
        return b.toString();
    }

    @Test
    void programsThatCannotRun(@TempDir Path dir) throws Exception {
        compare(dir, "nope-missing-program");
        compare(dir, dir.resolve("nope").toString());
        compare(dir, dir.toString());
        Path noExec = dir.resolve("noexec");
        Files.writeString(noExec, "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(noExec, PosixFilePermissions.fromString("rw-r--r--"));
        compare(dir, noExec.toString());
    }

    @Test
    void badPids(@TempDir Path dir) throws Exception {
        compare(dir, "-p", "0");
        compare(dir, "-p", "-1");
        compare(dir, "-p", "999999999");
        compare(dir, "-p", "x1");
    }

    @Test
    void aZombieIsRefused(@TempDir Path dir) throws Exception {
        Path zp = dir.resolve("zpid");
        // The child outlives the shell's exec, so no shell is left to reap it: sleep 30 never does.
        new ProcessBuilder("sh", "-c", "(sh -c 'sleep 0.3 & echo $! > " + zp + "; exec sleep 30' &)").start().waitFor();
        long end = System.nanoTime() + 5_000_000_000L;
        while (!(Files.exists(zp) && Files.size(zp) > 0) && System.nanoTime() < end) Thread.sleep(10);
        int zombie = Integer.parseInt(Files.readString(zp).trim());
        while (!"Z".equals(StressSupport.state(zombie)) && System.nanoTime() < end) Thread.sleep(10);
        assertEquals("Z", StressSupport.state(zombie));
        compare(dir, "-p", "" + zombie);
        // The zombie's parent (the exec'd sleep) is not needed any more.
        ProcessHandle.of(zombie).flatMap(ProcessHandle::parent).ifPresent(ProcessHandle::destroy);
    }

    @Test
    void ownPidIsRefusedAndNothingStops() throws Exception {
        long self = ProcessHandle.current().pid();
        Result r = jstrace(List.of("-p", "" + self));
        assertEquals(1, r.status(), r.err());
        assertEquals("jstrace: attach: ptrace(PTRACE_SEIZE, " + self + "): Operation not permitted\n", r.err(),
                "strace -p of its own pid says this (exec strace from sh -c to see it)");
        Map<Integer, String> states = StressSupport.threadStates(self);
        assertFalse(states.containsValue("t") || states.containsValue("T"), "" + states);
    }

    @Test
    void aProcessTracedByAnotherTracer(@TempDir Path dir) throws Exception {
        int pid = StressSupport.daemon(dir, "sh", "-c", "echo up; exec sleep 2");
        try (Attachment other = Tracer.attach(pid)) {
            compare(dir, "-p", "" + pid);
        }
        Map<Integer, String> states = StressSupport.threadStates(pid);
        assertFalse(states.containsValue("t") || states.containsValue("T"), "" + states);
        assertEquals(0, StressSupport.awaitStatus(dir));
    }

    @Test
    void malformedOptions(@TempDir Path dir) throws Exception {
        compare(dir, "-e", "trace=/[", "true");
        compare(dir, "-e", "foo=bar", "true");
        compare(dir, "-e", "trace=nosuchcall", "true");
        compare(dir, "-s", "-1", "true");
        compare(dir, "-s", "x", "true");
    }

    @Test
    void unwritableOutputCreatesNothing(@TempDir Path dir) throws Exception {
        compare(dir, "-o", dir.resolve("no/such/dir/out").toString(), "true");
        compare(dir, "-o", dir.toString(), "true");
        compare(dir, "-o", dir.resolve("out").toString(), "--", dir.resolve("missing").toString());
        if (STRACE) {
            Result theirs = strace(dir, List.of("-o", dir.resolve("s-out").toString(), dir.resolve("missing").toString()));
            assertEquals(1, theirs.status());
            assertEquals(Files.exists(dir.resolve("s-out")), Files.exists(dir.resolve("out")),
                    "an -o file is created for a missing program exactly when strace creates one");
        }
        if (Files.exists(dir.resolve("out"))) assertEquals(0, Files.size(dir.resolve("out")));
    }
}
