package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher strace 6.1's suite runs in StraceSuiteSubsetTest behaves as scripts/jstrace does
 * where the suite can see it: its JVM maps no perf data file (two of them at pid 1 of their own pid
 * namespaces collided on /tmp/hsperfdata_root/1 and one printed a warning into a test's expected
 * output), and it passes the options scripts/jstrace passes.
 */
class SuiteLauncherTest {
    @Test
    void theLaunchersJvmKeepsNoPerfDataFile() throws Exception {
        Path launcher = SuiteLauncher.write();
        try {
            // The traced shell's parent is the tracer's JVM: its mappings show a perf data file if it has one.
            Process p = new ProcessBuilder(launcher.toString(), "-o", "/dev/null", "sh", "-c",
                    "tr '\\0' ' ' </proc/$PPID/cmdline; echo; grep -c hsperfdata /proc/$PPID/maps; exit 0")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
            List<String> lines = out.lines().toList();
            assertEquals(2, lines.size(), out);
            assertTrue(lines.get(0).contains("dev.jstrace.cli.Main"), "the tracee's parent is not the tracer: " + out);
            assertEquals("0", lines.get(1), out);
        } finally {
            Files.deleteIfExists(launcher);
        }
    }

    @Test
    void theLauncherPassesScriptsJstracesJvmOptions() throws Exception {
        String script = Files.readString(Path.of(System.getProperty("user.dir"), "scripts/jstrace"));
        String flags = script.lines().filter(l -> l.startsWith("FLAGS=(")).findFirst().orElseThrow();
        List<String> product = Arrays.asList(flags.substring("FLAGS=(".length(), flags.lastIndexOf(')')).split(" "));
        assertTrue(product.containsAll(SuiteLauncher.JVM_OPTIONS), product + " vs " + SuiteLauncher.JVM_OPTIONS);
        assertTrue(SuiteLauncher.JVM_OPTIONS.containsAll(product), product + " vs " + SuiteLauncher.JVM_OPTIONS);
    }
}
