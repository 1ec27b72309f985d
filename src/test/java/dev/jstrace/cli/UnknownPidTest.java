package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes jstrace meets without tracing them (no {@code -f}), as strace 6.1's maybe_allocate_tcb
 * handles them (its suite's clone_parent and clone_ptrace): a tracee's {@code CLONE_PARENT} child is
 * jstrace's own child, reaped with {@code Exit of unknown pid N ignored} ({@code -qq} hides it); a
 * {@code CLONE_PTRACE} child starts traced by jstrace and is let go at once with
 * {@code Detached unknown pid N} ({@code -q} hides it). jstrace used to keep the latter stopped
 * for ever, and the tracee, waiting for it, with it.
 */
class UnknownPidTest {
    @TempDir
    static Path dir;
    private static Path program;

    @BeforeAll
    static void build() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "needs gcc to build the cloning program");
        Path src = dir.resolve("unknown-pid.c");
        try (var in = UnknownPidTest.class.getResourceAsStream("/dev/jstrace/cli/unknown-pid.c")) {
            Files.write(src, in.readAllBytes());
        }
        program = dir.resolve("unknown-pid");
        Process cc = new ProcessBuilder("gcc", "-O1", "-o", program.toString(), src.toString())
                .redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes());
        assertEquals(0, cc.waitFor(), "gcc failed: " + ccOut);
    }

    /** The CLONE_PARENT child's exit is reported once, under its pid; -qq hides it, -q does not. */
    @Test
    void untracedChildsExitIsReported() throws Exception {
        Run r = run("parent", "-q");
        assertEquals("jstrace: Exit of unknown pid " + r.child + " ignored\n", r.stderr);
        assertEquals("", run("parent", "-qq").stderr);
    }

    /** The CLONE_PTRACE child is detached at its first stop, so the tracee's wait for it returns. */
    @Test
    void uninvitedTraceeIsDetached() throws Exception {
        Run r = run("ptrace", "--quiet=personality");
        assertEquals("jstrace: Detached unknown pid " + r.child + "\n", r.stderr);
        assertEquals("", run("ptrace", "-q").stderr);
    }

    private record Run(String child, String stderr) {}

    /** Traces the program (its status must be 0) with -e trace=none and {@code quiet}. */
    private static Run run(String mode, String quiet) throws Exception {
        Path out = dir.resolve("stdout-" + mode + quiet);
        List<String> args = new ArrayList<>(List.of("-o", dir.resolve("trace").toString(), "-e", "trace=none", quiet,
                "sh", "-c", "exec " + program + " " + mode + " > " + out));
        CliProcess p = CliProcess.jstrace(dir, args.toArray(String[]::new));
        assertEquals(0, p.exitValue(), p.errorText());
        return new Run(Files.readString(out).strip(), p.errorText());
    }
}
