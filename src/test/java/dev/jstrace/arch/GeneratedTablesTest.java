package dev.jstrace.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in tables in dev.jstrace.arch.gen are exactly what
 * scripts/gentables/GenTables.java writes from the pinned headers: nobody
 * edited them by hand and nobody changed the generator without regenerating.
 */
class GeneratedTablesTest {
    private static final Path GEN = Path.of("src/main/java/dev/jstrace/arch/gen");
    private static final List<Path> INPUTS = List.of(
            Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h"),
            Path.of("/usr/include/x86_64-linux-gnu/bits/socket.h"),
            Path.of("/usr/aarch64-linux-gnu/include/asm/unistd.h"),
            Path.of("/usr/aarch64-linux-gnu/include/bits/socket.h"));

    @Test
    void regeneratingChangesNothing(@TempDir Path out) throws Exception {
        for (Path p : INPUTS) {
            assumeTrue(Files.exists(p), p + " is missing: install linux-libc-dev, libc6-dev,"
                    + " linux-libc-dev-arm64-cross and libc6-dev-arm64-cross to check the generated tables");
        }
        assumeTrue(Files.isDirectory(GEN), "not run from the project root");
        // The JVM running this test is a JDK >= 22, which the generator needs for FFM and multi-file launch.
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "scripts/gentables/GenTables.java", "--out", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS), "generator timed out");
        assertEquals(0, p.exitValue(), "generator failed:\n" + log);

        Path fresh = out.resolve("dev/jstrace/arch/gen");
        assertEquals(names(GEN), names(fresh), "generated file set");
        for (String f : names(GEN)) {
            assertEquals(Files.readString(fresh.resolve(f)), Files.readString(GEN.resolve(f)),
                    f + " differs from the generator's output: run scripts/gen-tables");
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }
}
