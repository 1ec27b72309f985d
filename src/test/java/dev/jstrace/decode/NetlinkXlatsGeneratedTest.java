package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NetlinkXlats.java is exactly what scripts/gen-netlink-xlats writes: the names
 * from strace 6.1's src/xlat files, the values from the UAPI headers by a gcc
 * probe. Skipped, saying why, without gcc, without strace 6.1's source tree, or
 * when this machine's linux-libc-dev is not the one the file names.
 */
class NetlinkXlatsGeneratedTest {
    private static final Path GENERATED = Path.of("src/main/java/dev/jstrace/decode/NetlinkXlats.java");

    @Test
    void regeneratingChangesNothing(@TempDir Path out) throws Exception {
        assumeTrue(Files.exists(GENERATED), "not run from the project root");
        assumeTrue(onPath("gcc"), "gcc is missing: the generator reads the values with a gcc probe");
        Path src = straceSource();
        Path version = src.resolve(".tarball-version");
        assumeTrue(Files.exists(version) && Files.readString(version).strip().equals("6.1"), "no strace 6.1 source"
                + " tree at " + src + " (scripts/strace-suite unpacks it; or set JSTRACE_SUITE_CACHE)");
        String recorded = Files.readAllLines(GENERATED).stream().filter(l -> l.startsWith("// Headers: ")).findFirst()
                .orElseThrow(() -> new AssertionError(GENERATED + " does not name its headers"));
        Process q = new ProcessBuilder("dpkg-query", "-W", "-f", "${Version}", "linux-libc-dev").start();
        String here = "// Headers: linux-libc-dev " + new String(q.getInputStream().readAllBytes()).strip();
        assumeTrue(q.waitFor() == 0 && recorded.equals(here), "generated from " + recorded.substring(12)
                + "; this machine has " + here.substring(12));
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path fresh = out.resolve("NetlinkXlats.java");
        Process p = new ProcessBuilder(java, "scripts/netlinkxlats/GenNetlinkXlats.java", src.toString(),
                "scripts/tables/netlink-xlats.txt", fresh.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor(300, TimeUnit.SECONDS), "generator timed out");
        assertEquals(0, p.exitValue(), "generator failed:\n" + log);
        assertEquals(Files.readString(fresh), Files.readString(GENERATED),
                "NetlinkXlats.java differs from the generator's output: run scripts/gen-netlink-xlats");
    }

    private static Path straceSource() {
        String cache = System.getenv("JSTRACE_SUITE_CACHE");
        Path base = cache != null && !cache.isEmpty() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache/jstrace/strace-6.1");
        return base.resolve("strace-6.1");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

}
