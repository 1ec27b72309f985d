package dev.jstrace.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jstrace.arch.Arch;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the aarch64 and riscv64 stub bytes on an x86-64 machine: a static C
 * harness for that architecture (compiled now, with its Debian cross gcc)
 * loads the bytes exactly as they are in {@link SpawnStubCode}, runs op
 * tables built from that architecture's real syscall numbers, and is run
 * under qemu-user.
 */
class SpawnStubForeignArchTest {
    @TempDir
    Path tmp;

    private static String onPath(String... names) {
        for (String name : names) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                if (!dir.isEmpty() && new File(dir, name).canExecute()) return new File(dir, name).getPath();
            }
        }
        return null;
    }

    private static String run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " timed out; output so far:\n" + out);
        }
        assertEquals(0, p.exitValue(), () -> command + " failed:\n" + out);
        return out;
    }

    @Test
    void aarch64StubWalksTablesUnderQemu() throws Exception {
        walksTables(Arch.AARCH64, "aarch64-linux-gnu", "arm64", "qemu-aarch64");
    }

    @Test
    void riscv64StubWalksTablesUnderQemu() throws Exception {
        walksTables(Arch.RISCV64, "riscv64-linux-gnu", "riscv64", "qemu-riscv64");
    }

    private void walksTables(Arch arch, String triplet, String debArch, String qemuName) throws Exception {
        String cc = onPath(triplet + "-gcc");
        assumeTrue(cc != null, triplet + "-gcc is missing (Debian: gcc-" + triplet + " libc6-dev-" + debArch
                + "-cross; scripts/setup-test-tools installs it)");
        String qemu = onPath(qemuName + "-static", qemuName);
        assumeTrue(qemu != null, qemuName + "-static / " + qemuName + " is missing (Debian: qemu-user-static; "
                + "scripts/setup-test-tools installs it)");

        Path source = tmp.resolve("spawn_stub_harness.c");
        try (InputStream in = SpawnStubForeignArchTest.class.getResourceAsStream("spawn_stub_harness.c")) {
            Files.write(source, in.readAllBytes());
        }
        Path stub = Files.write(tmp.resolve("stub.bin"), SpawnStub.code(arch));
        run(List.of(cc, "-static", "-O1", "-Wall", "-Werror", "-o", "harness", source.toString()), tmp);

        String out = run(List.of(qemu, tmp.resolve("harness").toString(), stub.toString()), tmp);
        assertEquals(String.join("\n",
                "ok",                              // the child's write(1, "ok\n", 3)
                "write exit=0 errno=none",         // then exit_group(0)
                "flags stopped=19",                // close(-1) ignored; getpid; kill(that pid, SIGSTOP)
                "flags exit=127 errno=2",          // execve of a missing path: ENOENT on the pipe
                "badclose exit=127 errno=9",       // close(-1) not ignored: EBADF, the write never ran
                "runsout exit=127 errno=none",     // a table without an exit: 127, nothing written
                ""), out);
    }
}
