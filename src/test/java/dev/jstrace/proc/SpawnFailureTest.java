package dev.jstrace.proc;

import static dev.jstrace.proc.SpawnWaits.exitStatus;
import static dev.jstrace.proc.SpawnWaits.expectStopThenContinue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jstrace.arch.Arch;
import dev.jstrace.ffi.Libc;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How spawning fails, checked against what ProcessBuilder itself throws on
 * this JDK, and the extra-op hook; plus a loop that would catch a hang.
 */
class SpawnFailureTest {
    @TempDir
    Path tmp;

    /** The message ProcessBuilder.start() throws for {@code pb}, which must fail. */
    private static IOException processBuilderFailure(ProcessBuilder pb) {
        return assertThrows(IOException.class, () -> pb.start().destroyForcibly());
    }

    private static void assertFailsLikeProcessBuilder(ProcessBuilder pb) {
        IOException expected = processBuilderFailure(pb);
        IOException actual = assertThrows(IOException.class, () -> Spawner.spawn(SpawnRequest.of(pb)).close());
        assertEquals(expected.getMessage(), actual.getMessage());
        assertNotNull(actual.getCause());
        assertEquals(expected.getCause().getMessage(), actual.getCause().getMessage());
    }

    @Test
    void missingProgramOnPath() {
        assertFailsLikeProcessBuilder(new ProcessBuilder("nope"));
        assertFailsLikeProcessBuilder(new ProcessBuilder("jstrace-no-such-program", "arg"));
    }

    @Test
    void missingProgramByPath() {
        assertFailsLikeProcessBuilder(new ProcessBuilder("/nonexistent/program"));
        assertFailsLikeProcessBuilder(new ProcessBuilder("./nope").directory(tmp.toFile()));
    }

    @Test
    void directoryIsPermissionDenied() {
        assertFailsLikeProcessBuilder(new ProcessBuilder(tmp.toString()));
    }

    @Test
    void nonExecutableFileIsPermissionDenied() throws IOException {
        Path plain = Files.writeString(tmp.resolve("plain.txt"), "not a program\n");
        assertFailsLikeProcessBuilder(new ProcessBuilder(plain.toString()));
    }

    @Test
    void unopenableRedirectFile() {
        File missing = new File(tmp.toFile(), "no/such/dir/out.txt");
        assertFailsLikeProcessBuilder(new ProcessBuilder("true").redirectOutput(missing));
        assertFailsLikeProcessBuilder(new ProcessBuilder("cat").redirectInput(missing));
    }

    @Test
    void failingChdirIsReportedThroughTheErrorPipe() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/bin/true").directory(new File(tmp.toFile(), "missing-dir"));
        SpawnRequest request = SpawnRequest.of(pb);
        try (Spawned s = Spawner.spawn(request)) {
            // chdir comes before the self-stop: the child exits 127 without stopping.
            assertEquals(SpawnStub.FAILURE_EXIT, exitStatus(s.pid()));
            int errno = Spawner.readSpawnError(s);
            assertEquals(SpawnRequest.ENOENT, errno);
            assertEquals(processBuilderFailure(pb).getMessage(), request.startFailure(errno).getMessage());
        }
    }

    @Test
    void execveFailingAfterTheStopIsReportedToo() throws IOException {
        // Executable but no #! and no ELF header: execve says ENOEXEC (ProcessBuilder would retry with
        // /bin/sh; a tracer wants to show the failed execve instead).
        Path junk = Files.writeString(tmp.resolve("junk"), "\u0001\u0002 not a program\n");
        junk.toFile().setExecutable(true);
        try (Spawned s = Spawner.spawn(SpawnRequest.of(new ProcessBuilder(junk.toString())))) {
            expectStopThenContinue(s.pid());
            assertEquals(SpawnStub.FAILURE_EXIT, exitStatus(s.pid()));
            assertEquals(8, Spawner.readSpawnError(s), "ENOEXEC");
        }
    }

    private static SpawnOp prctl(long option, long arg2) {
        return SpawnOp.of(SpawnSyscall.PRCTL.number(Arch.current()), option, arg2, 0, 0, 0);
    }

    @Test
    void extraOpsRunBeforeTheExec() throws IOException {
        SpawnRequest request = SpawnRequest.of(new ProcessBuilder("grep", "^NoNewPrivs", "/proc/self/status"))
                .withExtraOps(List.of(prctl(Libc.PR_SET_NO_NEW_PRIVS, 1)));
        try (Spawned s = Spawner.spawn(request)) {
            expectStopThenContinue(s.pid());
            try (InputStream out = s.takeStdout()) {
                assertEquals("NoNewPrivs:\t1\n", new String(out.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(0, exitStatus(s.pid()));
        }
    }

    @Test
    void failingExtraOpStopsTheChildWithItsErrno() throws IOException {
        SpawnRequest request = SpawnRequest.of(new ProcessBuilder("/bin/true"))
                .withExtraOps(List.of(prctl(-1, 0)));
        try (Spawned s = Spawner.spawn(request)) {
            assertEquals(SpawnStub.FAILURE_EXIT, exitStatus(s.pid()));
            assertEquals(22, Spawner.readSpawnError(s), "EINVAL");
        }
    }

    @Test
    void ignorableExtraOpFailureIsSkipped() throws IOException {
        SpawnRequest request = SpawnRequest.of(new ProcessBuilder("/bin/true"))
                .withExtraOps(List.of(prctl(-1, 0).with(SpawnOp.IGNORE_FAILURE)));
        try (Spawned s = Spawner.spawn(request)) {
            expectStopThenContinue(s.pid());
            assertEquals(0, exitStatus(s.pid()));
            assertEquals(0, Spawner.readSpawnError(s));
        }
    }

    @Test
    void fiftySpawnsInARowNeverHang() throws IOException {
        // fork() from Java hung 2 runs in 5; every wait here has its own deadline (SpawnWaits).
        for (int i = 0; i < 50; i++) {
            try (Spawned s = Spawner.spawn(SpawnRequest.of(new ProcessBuilder("/bin/true")))) {
                expectStopThenContinue(s.pid());
                assertEquals(0, exitStatus(s.pid()), "run " + i);
            }
        }
    }
}
