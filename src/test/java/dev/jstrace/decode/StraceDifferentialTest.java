package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The oracle test of issue 3: runs a corpus of deterministic programs under the
 * installed strace and under jstrace with the same flags, both writing
 * {@code -o FILE}, and requires that at least 98% of the normalised lines agree.
 *
 * <p>Each program runs twice in the same directory path, rebuilt from the same
 * fixture before each run, so paths, sizes and directory orders are the same and
 * only run-to-run noise differs ({@link TraceNormalizer} removes that). The
 * comparison is a multiset of pid-stripped lines, not a sequence diff: threads
 * and the processes of a pipeline interleave differently on every run, strace's
 * included. jstrace runs as a subprocess on this JVM's class path.
 */
class StraceDifferentialTest {
    private static final int DIFF_CAP = 25;
    private static final String JDK17 = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";

    /** {@code setarch -R} (util-linux) when there is one: the tracer runs with ADDR_NO_RANDOMIZE. */
    private static final List<String> NO_ASLR = Files.isExecutable(Path.of("/usr/bin/setarch"))
            ? List.of("/usr/bin/setarch", "-R") : List.of();

    /** One program of the corpus: its name, the tracer flags, and the command. */
    record Case(String name, List<String> flags, List<String> command) {}

    private static List<String> sh(String script) {
        return List.of("/bin/sh", "-c", script);
    }

    private static List<String> py(String file) {
        // The real interpreter: a pyenv shim on PATH would add a bash script to every trace.
        return List.of(Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3", file);
    }

    static List<Case> corpus() {
        List<Case> c = new ArrayList<>(List.of(
                new Case("ls", List.of("-f"), List.of("ls", "-la", ".")),
                new Case("cat -y", List.of("-f", "-y"), List.of("cat", "f.txt")),
                new Case("stat -v", List.of("-f", "-v"), List.of("stat", "f.txt")),
                new Case("find -X verbose", List.of("-f", "-X", "verbose"), List.of("find", ".")),
                new Case("sort -x", List.of("-f", "-x"), List.of("sort", "f.txt")),
                new Case("dd -s 8", List.of("-f", "-s", "8"),
                        List.of("dd", "if=f.txt", "of=out.bin", "bs=4", "count=3", "status=none")),
                new Case("file ops", List.of("-f"), sh("cp f.txt g.txt && mv g.txt h.txt && ln -s h.txt l"
                        + " && readlink l && touch t && mkdir -p d/e && rm h.txt l && head -n 2 f.txt")),
                new Case("file ops -e trace=file", List.of("-f", "-e", "trace=file,write"),
                        sh("cp f.txt g.txt; ln g.txt hard; readlink -f hard; rm -r sub g.txt hard")),
                new Case("pipeline", List.of("-f"), sh("cat f.txt | sort | head -n 1")),
                new Case("py imports", List.of("-f"), py("imports.py")),
                new Case("py files -y", List.of("-f", "-y"), py("files.py")),
                new Case("py sockets", List.of("-f"), py("sockets.py")),
                new Case("py threads", List.of("-f"), py("threads.py")),
                new Case("py subprocess", List.of("-f"), py("subproc.py")),
                new Case("py mmap -e", List.of("-f", "-e", "trace=%memory,%file"), py("mm.py")),
                new Case("py signals", List.of("-f"), py("signals.py"))));
        String java = new File(JDK17).canExecute() ? JDK17 : ProcessHandle.current().info().command().orElse("java");
        c.add(new Case("java -version", List.of("-f"), // -Xint and no perf data: no compiler threads or hsperfdata file whose activity follows the tracer's speed.
                List.of(java, "-Xint", "-Xshare:auto", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1", "-version")));
        return c;
    }

    /** Lays the same fixture down in {@code dir} before each run. */
    static void fixture(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("f.txt"), "banana\napple\ncherry\n\tdate \"x\"\n\u00e9t\u00e9\n");
        Files.writeString(dir.resolve("sub/a.txt"), "a\n");
        Files.writeString(dir.resolve("sub/b.txt"), "b\n");
        for (var e : PythonCorpus.SCRIPTS.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
    }

    static List<String> run(List<String> tracer, Case c, Path dir, Path out) throws Exception {
        fixture(dir);
        // Both tracers and so their tracees without ASLR (personality ADDR_NO_RANDOMIZE is inherited): where
        // the heap starts decided malloc's brk, mmap and madvise(MADV_HUGEPAGE) calls, differently each run.
        List<String> cmd = new ArrayList<>(NO_ASLR);
        cmd.addAll(tracer);
        cmd.addAll(c.flags());
        cmd.add("-o");
        cmd.add(out.toString());
        cmd.addAll(c.command());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectInput(new File("/dev/null")).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                // One stderr path for both tracers: -y prints it.
                .redirectError(out.resolveSibling("stderr.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("PYTHONHASHSEED", "0");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("LC_ALL", "C");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        Process p = pb.start();
        // scripts/test-arch raises the factor: under an emulator everything is ~20x slower.
        if (!p.waitFor(60 * Long.getLong("jstrace.test.timeoutFactor", 1), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(c.name() + ": timed out under " + tracer.get(0));
        }
        return Files.exists(out) ? Files.readAllLines(out, StandardCharsets.ISO_8859_1) : List.of();
    }

    private static boolean straceInstalled() {
        try {
            return new ProcessBuilder("strace", "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void jstraceMatchesStraceOnTheCorpus() throws Exception {
        Assumptions.assumeTrue(straceInstalled(), "strace is not installed: nothing to compare against");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jstrace = List.of(javaBin, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.jstrace.cli.Main");
        Path base = Files.createTempDirectory("jstrace-diff");
        String only = System.getProperty("jstrace.diff.only", "");
        int common = 0;
        int total = 0;
        StringBuilder report = new StringBuilder();
        for (Case c : corpus()) {
            if (!only.isEmpty() && !c.name().contains(only)) {
                continue;
            }
            Path dir = base.resolve("w");
            Path outs = Files.createDirectories(base.resolve("out-" + c.name().replaceAll("[^a-z0-9]+", "_")));
            List<String> s = TraceNormalizer.normalise(run(List.of("strace"), c, dir, outs.resolve("strace.txt")));
            List<String> j = TraceNormalizer.normalise(run(jstrace, c, dir, outs.resolve("jstrace.txt")));
            var cmp = TraceNormalizer.compare(s, j);
            common += cmp.common();
            total += cmp.total();
            String figure = String.format(Locale.ROOT, "%-26s %6.2f%%  (%d/%d lines)%n", c.name(),
                    100 * cmp.ratio(), cmp.common(), cmp.total());
            // As each case ends: a run cut short (an emulated machine's time limit) still tells what it found.
            System.out.print("differential: " + figure);
            System.out.flush();
            report.append(figure);
            appendDiff(report, cmp);
            keep(outs, c.name());
        }
        double overall = total == 0 ? 1 : (double) common / total;
        report.append(String.format(Locale.ROOT, "overall %6.2f%% (%d/%d lines)%n", 100 * overall, common, total));
        System.out.println(report);
        assertTrue(total > 0, "the corpus produced no lines");
        assertTrue(overall >= 0.98, "jstrace agrees with strace on less than 98% of lines:\n" + report);
    }

    /**
     * With {@code -Djstrace.diff.keep=DIR} (scripts/test-arch sets it to its results), copies the case's two
     * raw traces to {@code DIR/NAME/}, so a normaliser change can be measured again without a new run.
     */
    private static void keep(Path outs, String name) throws IOException {
        String keep = System.getProperty("jstrace.diff.keep", "");
        if (keep.isEmpty()) return;
        Path to = Files.createDirectories(Path.of(keep, name.replaceAll("[^A-Za-z0-9]+", "_")));
        for (String f : List.of("strace.txt", "jstrace.txt")) {
            if (Files.exists(outs.resolve(f))) {
                Files.copy(outs.resolve(f), to.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void appendDiff(StringBuilder report, TraceNormalizer.Comparison cmp) {
        int shown = 0;
        for (String l : cmp.onlyStrace()) {
            if (shown++ >= DIFF_CAP) {
                break;
            }
            report.append("  - ").append(l).append('\n');
        }
        shown = 0;
        for (String l : cmp.onlyJstrace()) {
            if (shown++ >= DIFF_CAP) {
                break;
            }
            report.append("  + ").append(l).append('\n');
        }
    }
}
