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
 * Proves the aarch64 stub bytes on an x86-64 machine: a static aarch64 C
 * harness (compiled now, with aarch64-linux-gnu-gcc) loads the bytes exactly
 * as they are in {@link SpawnStubCode}, runs op tables built from the real
 * aarch64 syscall numbers, and is run under qemu-user.
 */
class SpawnStubAarch64Test {
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
        String cc = onPath("aarch64-linux-gnu-gcc");
        assumeTrue(cc != null, "aarch64-linux-gnu-gcc is missing (Debian: gcc-aarch64-linux-gnu "
                + "libc6-dev-arm64-cross; scripts/setup-test-tools installs it)");
        String qemu = onPath("qemu-aarch64-static", "qemu-aarch64");
        assumeTrue(qemu != null, "qemu-aarch64-static / qemu-aarch64 is missing (Debian: qemu-user-static; "
                + "scripts/setup-test-tools installs it)");

        Path source = tmp.resolve("spawn_stub_harness.c");
        try (InputStream in = SpawnStubAarch64Test.class.getResourceAsStream("spawn_stub_harness.c")) {
            Files.write(source, in.readAllBytes());
        }
        Path stub = Files.write(tmp.resolve("stub.bin"), SpawnStub.code(Arch.AARCH64));
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
