package dev.jstrace.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.arch.Arch;
import dev.jstrace.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seccomp-bpf mode: the filter program's verdicts, read back from its
 * bytes, and real runs compared with {@code strace -f --seccomp-bpf}.
 */
class SeccompFilterTest {
    @Test
    void programTracesExactlyTheChosenCallsOfItsOwnAbi() {
        for (Arch arch : Arch.values()) {
            SeccompFilter f = SeccompFilter.forNames(arch, Set.of("openat", "write"), true);
            int audit = arch.auditArch();
            for (String name : List.of("openat", "write", "execve", "clone")) {
                assertEquals(SeccompFilter.SECCOMP_RET_TRACE, f.evaluate(audit, arch.syscallNumber(name)), name);
            }
            for (String name : List.of("read", "close", "mmap", "getpid")) {
                assertEquals(SeccompFilter.SECCOMP_RET_ALLOW, f.evaluate(audit, arch.syscallNumber(name)), name);
            }
            // Another ABI (i386 is AUDIT_ARCH_I386 = 0x40000003): everything stops, nothing is missed.
            assertEquals(SeccompFilter.SECCOMP_RET_TRACE, f.evaluate(0x40000003, arch.syscallNumber("read")));
            // Without -f the clone family is not needed.
            SeccompFilter noForks = SeccompFilter.forNames(arch, Set.of("openat"), false);
            assertEquals(SeccompFilter.SECCOMP_RET_ALLOW, noForks.evaluate(audit, arch.syscallNumber("clone")));
        }
    }

    @Test
    void allCallsFitTheKernelsInstructionLimit() {
        for (Arch arch : Arch.values()) {
            SeccompFilter f = SeccompFilter.forNames(arch, null, true);
            assertTrue(f.instructions().length <= 4096, arch + ": " + f.instructions().length);
            assertEquals(SeccompFilter.SECCOMP_RET_TRACE, f.evaluate(arch.auditArch(), arch.syscallNumber("read")));
        }
    }

    private static String run(Path out, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Outcome o = Main.execute(List.of(args), new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, o.status(), err.toString(StandardCharsets.UTF_8));
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tracedCommandRunsUnderTheFilterAndPrintsWhatStracePrints(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "needs strace for the reference");
        String script = "grep ^Seccomp: /proc/self/status > " + dir.resolve("mode") + "; cat /etc/hostname > /dev/null;"
                + " (ls / > /dev/null) ; kill -0 $$";
        Path ours = dir.resolve("ours");
        run(ours, "-f", "--seccomp-bpf", "-e", "trace=openat,kill", "-o", ours.toString(), "sh", "-c", script);
        // Mode 2 is SECCOMP_MODE_FILTER: the children ran under our filter.
        assertEquals("Seccomp:\t2", Files.readString(dir.resolve("mode")).strip());
        Path theirs = dir.resolve("theirs");
        Process p = new ProcessBuilder("strace", "-f", "--seccomp-bpf", "-e", "trace=openat,kill", "-o",
                theirs.toString(), "sh", "-c", script).inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(normalise(theirs), normalise(ours));
    }

    @Test
    void attachOrNoFollowDisablesItAsStraceDoes() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.execute(List.of("--seccomp-bpf", "-o", "/dev/null", "true"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("jstrace: --seccomp-bpf cannot be used without -f/--follow-forks, disabling\n",
                err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The lines without pids (they differ between runs), in order. The padding before {@code =}
     * goes too: it follows the pid's width in {@code kill(PID, 0)}, which differs from run to run.
     */
    private static List<String> normalise(Path f) throws Exception {
        return Files.readAllLines(f).stream().map(l -> l.replaceFirst("^\\d+ +", "")
                .replaceAll("kill\\(\\d+", "kill(PID").replaceAll("si_pid=\\d+", "si_pid=PID")
                .replaceFirst("\\) +=", ") =")).toList();
    }
}
