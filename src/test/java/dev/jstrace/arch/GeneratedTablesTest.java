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
 * Each generated file names the header packages it came from; on a machine
 * with other versions the output would differ for that reason alone, so the
 * test is skipped, saying which versions differ.
 */
class GeneratedTablesTest {
    private static final Path GEN = Path.of("src/main/java/dev/jstrace/arch/gen");
    private static final List<Path> INPUTS = List.of(
            Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h"),
            Path.of("/usr/include/x86_64-linux-gnu/bits/socket.h"),
            Path.of("/usr/aarch64-linux-gnu/include/asm/unistd.h"),
            Path.of("/usr/aarch64-linux-gnu/include/bits/socket.h"),
            Path.of("/usr/riscv64-linux-gnu/include/asm/unistd.h"),
            Path.of("/usr/riscv64-linux-gnu/include/bits/socket.h"));

    @Test
    void regeneratingChangesNothing(@TempDir Path out) throws Exception {
        for (Path p : INPUTS) {
            assumeTrue(Files.exists(p), p + " is missing: install linux-libc-dev, libc6-dev,"
                    + " linux-libc-dev-arm64-cross, libc6-dev-arm64-cross, linux-libc-dev-riscv64-cross and"
                    + " libc6-dev-riscv64-cross to check the generated tables");
        }
        assumeTrue(Files.isDirectory(GEN), "not run from the project root");
        for (String cc : List.of("gcc", "aarch64-linux-gnu-gcc", "riscv64-linux-gnu-gcc")) {
            assumeTrue(onPath(cc), cc + " is missing: the COMPILED groups of scripts/gentables/ConstantGroups.java"
                    + " are evaluated by each target's compiler (apt-get install gcc gcc-aarch64-linux-gnu"
                    + " gcc-riscv64-linux-gnu)");
        }
        Path xlat = straceSource().resolve(".tarball-version");
        assumeTrue(Files.exists(xlat) && Files.readString(xlat).strip().equals("6.1"), "no strace 6.1 source tree at "
                + xlat.getParent() + ": the STRACE groups take their values from its src/xlat (scripts/strace-suite"
                + " unpacks it; or set JSTRACE_SUITE_CACHE)");
        String recorded = packagesLine(GEN.resolve("Constants.java"));
        String here = packagesHere();
        assumeTrue(recorded.equals(here), "the tables were generated from " + recorded + "; this machine has "
                + here + ", so regenerating here would change them for that reason alone");
        // The JVM running this test is a JDK >= 22, which the generator needs for FFM and multi-file launch.
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "scripts/gentables/GenTables.java", "--out", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor(600, TimeUnit.SECONDS), "generator timed out");
        assertEquals(0, p.exitValue(), "generator failed:\n" + log);

        Path fresh = out.resolve("dev/jstrace/arch/gen");
        assertEquals(names(GEN), names(fresh), "generated file set");
        for (String f : names(GEN)) {
            assertEquals(Files.readString(fresh.resolve(f)), Files.readString(GEN.resolve(f)),
                    f + " differs from the generator's output: run scripts/gen-tables");
        }
    }

    /** Where scripts/gentables/StraceXlat.java looks for strace 6.1's source tree. */
    private static Path straceSource() {
        String cache = System.getenv("JSTRACE_SUITE_CACHE");
        Path base = cache != null && !cache.isEmpty() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache/jstrace/strace-6.1");
        return base.resolve("strace-6.1");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    private static final String PACKAGES_LINE = "// Header packages: ";

    private static String packagesLine(Path generated) throws IOException {
        for (String l : Files.readAllLines(generated)) {
            if (l.startsWith(PACKAGES_LINE)) return l.substring(PACKAGES_LINE.length());
        }
        throw new AssertionError(generated + " does not name the header packages it was generated from");
    }

    /** The same list the generator writes, from this machine's dpkg. */
    private static String packagesHere() throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (String pkg : List.of("linux-libc-dev", "libc6-dev", "linux-libc-dev-arm64-cross", "libc6-dev-arm64-cross",
                "linux-libc-dev-riscv64-cross", "libc6-dev-riscv64-cross")) {
            Process p;
            try {
                p = new ProcessBuilder("dpkg-query", "-W", "-f", "${Version}", pkg).redirectErrorStream(true).start();
            } catch (IOException e) {
                assumeTrue(false, "no dpkg-query to tell the header packages' versions: " + e.getMessage());
                return null;
            }
            String v = new String(p.getInputStream().readAllBytes()).strip();
            out.add(pkg + " " + (p.waitFor() == 0 && !v.isEmpty() ? v : "(not installed)"));
        }
        return String.join(", ", out);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }
}
