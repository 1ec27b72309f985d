package dev.jstrace.proc;

import static dev.jstrace.proc.SpawnWaits.exitStatus;
import static dev.jstrace.proc.SpawnWaits.expectStopThenContinue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spawns real programs through the stub and checks what ProcessBuilder
 * would give: the self-stop before execve, output, redirects, directory,
 * environment, exit status, and that nothing leaks into the child.
 */
class SpawnerTest {
    @TempDir
    Path tmp;

    /** What a finished child left: exit status and the piped outputs. */
    record Result(int exit, String stdout, String stderr) {}

    /**
     * Spawns, checks the SIGSTOP stop, continues the child, drains its pipes
     * and waits for its exit: the dance the event loop does, minus ptrace.
     */
    static Result run(ProcessBuilder pb, String stdin) throws IOException {
        Spawned s = Spawner.spawn(SpawnRequest.of(pb));
        try (s) {
            expectStopThenContinue(s.pid());
            try (OutputStream in = s.takeStdin()) {
                if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String out;
            String err;
            try (InputStream o = s.takeStdout(); InputStream e = s.takeStderr()) {
                // Outputs here are small (under a pipe buffer), so reading one then the other cannot deadlock.
                out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
                err = new String(e.readAllBytes(), StandardCharsets.UTF_8);
            }
            int exit = exitStatus(s.pid());
            assertEquals(0, Spawner.readSpawnError(s), "a successful execve writes no errno");
            return new Result(exit, out, err);
        }
    }

    @Test
    void echoStopsBeforeExecThenWritesToThePipe() throws IOException {
        Spawned s = Spawner.spawn(SpawnRequest.of(new ProcessBuilder("/bin/echo", "hi")));
        try (s) {
            assertTrue(s.pid() > 0);
            assertTrue(s.stdoutFd() >= 0, "stdout is piped by default");
            expectStopThenContinue(s.pid());
            try (InputStream out = s.takeStdout()) {
                assertEquals("hi\n", new String(out.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(-1, s.stdoutFd(), "taken");
            assertEquals(0, exitStatus(s.pid()));
            assertEquals(0, Spawner.readSpawnError(s));
        }
    }

    @Test
    void streamsCanBeTakenAfterTheChildHasExited() throws IOException {
        // Opening /proc/self/fd/N of a pipe whose other end is gone must not wait for a partner.
        ProcessBuilder pb = new ProcessBuilder("/bin/echo", "late");
        try (Spawned s = Spawner.spawn(SpawnRequest.of(pb))) {
            expectStopThenContinue(s.pid());
            assertEquals(0, exitStatus(s.pid()));
            try (OutputStream in = s.takeStdin(); InputStream out = s.takeStdout()) {
                assertEquals("late\n", new String(out.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void programIsFoundOnPath() throws IOException {
        assertEquals(new Result(0, "a b\n", ""), run(new ProcessBuilder("echo", "a", "b"), null));
    }

    @Test
    void exitStatusAndStderrPipe() throws IOException {
        Result r = run(new ProcessBuilder("sh", "-c", "echo out; echo err >&2; exit 3"), null);
        assertEquals(new Result(3, "out\n", "err\n"), r);
    }

    @Test
    void stdinPipe() throws IOException {
        assertEquals(new Result(0, "fed in\n", ""), run(new ProcessBuilder("cat"), "fed in\n"));
    }

    @Test
    void stdinFromFile() throws IOException {
        Path in = Files.writeString(tmp.resolve("in.txt"), "from a file\n");
        ProcessBuilder pb = new ProcessBuilder("cat").redirectInput(in.toFile());
        assertEquals(new Result(0, "from a file\n", ""), run(pb, null));
    }

    @Test
    void stdoutToFileTruncatesAndAppendAppends() throws IOException {
        Path out = Files.writeString(tmp.resolve("out.txt"), "old contents that must go\n");
        assertEquals(0, run(new ProcessBuilder("echo", "one").redirectOutput(out.toFile()), null).exit());
        assertEquals("one\n", Files.readString(out));
        ProcessBuilder append = new ProcessBuilder("echo", "two").redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        assertEquals(0, run(append, null).exit());
        assertEquals("one\ntwo\n", Files.readString(out));
    }

    @Test
    void stderrToFileAndDiscard() throws IOException {
        Path err = tmp.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "echo out; echo err >&2")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        assertEquals(new Result(0, "", ""), run(pb, null));
        assertEquals("err\n", Files.readString(err));
    }

    @Test
    void redirectErrorStreamMergesIntoStdout() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "echo out; echo err >&2; echo out2").redirectErrorStream(true);
        assertEquals(new Result(0, "out\nerr\nout2\n", ""), run(pb, null));
        try (Spawned s = Spawner.spawn(SpawnRequest.of(pb))) {
            assertEquals(-1, s.stderrFd(), "no stderr pipe when merged");
            expectStopThenContinue(s.pid());
            try (InputStream out = s.takeStdout()) {
                out.readAllBytes();
            }
            assertEquals(0, exitStatus(s.pid()));
        }
    }

    @Test
    void inheritLeavesOurFds() throws IOException {
        // With stdout inherited the child writes to the test JVM's stdout, which surefire captures;
        // all we can check here is that nothing is piped and the program runs.
        ProcessBuilder pb = new ProcessBuilder("true").inheritIO();
        Spawned s = Spawner.spawn(SpawnRequest.of(pb));
        try (s) {
            assertEquals(-1, s.stdinFd());
            assertEquals(-1, s.stdoutFd());
            assertEquals(-1, s.stderrFd());
            expectStopThenContinue(s.pid());
            assertEquals(0, exitStatus(s.pid()));
        }
    }

    @Test
    void directory() throws IOException {
        File dir = tmp.toFile();
        Result r = run(new ProcessBuilder("pwd").directory(dir), null);
        assertEquals(dir.getCanonicalPath() + "\n", r.stdout());
    }

    @Test
    void relativeProgramIsResolvedInTheChildsDirectory() throws IOException {
        Path script = Files.writeString(tmp.resolve("hello.sh"), "#!/bin/sh\necho from script\n");
        assertTrue(script.toFile().setExecutable(true));
        Result r = run(new ProcessBuilder("./hello.sh").directory(tmp.toFile()), null);
        assertEquals(new Result(0, "from script\n", ""), r);
    }

    @Test
    void environmentIsExactlyTheBuildersMap() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/env");
        pb.environment().clear();
        pb.environment().put("ONLY", "this one");
        pb.environment().put("AND", "that=one");
        Set<String> lines = new TreeSet<>(Arrays.asList(run(pb, null).stdout().split("\n")));
        assertEquals(Set.of("ONLY=this one", "AND=that=one"), lines);
    }

    @Test
    void argumentsArriveUnchanged() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("printf", "[%s]", "a b", "", "ü", "*");
        assertEquals("[a b][][ü][*]", run(pb, null).stdout());
    }

    @Test
    void noInheritedFdLeaksIntoTheChild() throws IOException {
        // ls opens one directory fd (3) itself; anything beyond 0-3 would have leaked from the JVM.
        Result r = run(new ProcessBuilder("ls", "/proc/self/fd"), null);
        assertEquals("0\n1\n2\n3\n", r.stdout());
    }

    @Test
    void signalMaskIsEmptyInTheChild() throws IOException {
        // The JVM blocks signals (SIGQUIT) in its threads; a mask would survive execve.
        Result r = run(new ProcessBuilder("grep", "^SigBlk", "/proc/self/status"), null);
        assertEquals("SigBlk:\t0000000000000000\n", r.stdout());
    }
}
