package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -P} crossed with every rendering option that changes how a path prints
 * ({@code -x}, {@code -xx}, {@code -X raw|verbose}, {@code -s 0}, {@code -y},
 * {@code -yy}), for a non-ASCII file name given relative to the working directory
 * (strace resolves it, says so, and matches both forms) and absolute; each run
 * compared with the installed strace, trace and messages. The filter matches the
 * captured bytes, so no rendering option may change what it keeps.
 */
class PathFilterTest {
    private static final String[][] RENDERINGS = {
            {}, {"-x"}, {"-xx"}, {"-X", "raw"}, {"-X", "verbose"}, {"-s", "0"}, {"-y"}, {"-yy", "-x"}, {"-xx", "-y"},
    };

    @Test
    void pathFilterKeepsTheSameCallsAsStraceUnderEveryRendering(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace to compare with");
        // Relative to this JVM's working directory, which the traced command inherits.
        Path dir = Files.createDirectories(Path.of("target", "path-filter-" + ProcessHandle.current().pid()));
        Path file = Files.writeString(dir.resolve("caf\u00e9 \"t\u00e9st\"\t.txt"), "data\n");
        try {
            List<String> differences = new ArrayList<>();
            for (String path : List.of(file.toString(), file.toAbsolutePath().toString())) {
                for (String[] rendering : RENDERINGS) {
                    List<String> opts = new ArrayList<>(List.of(rendering));
                    opts.addAll(List.of("-P", path));
                    String[] cmd = {"sh", "-c", "exec cat \"$0\" \"$0/x\" >/dev/null 2>&1", file.toString()};
                    Run ours = jstrace(tmp, opts, cmd);
                    Run theirs = strace(tmp, opts, cmd);
                    assertFalse(theirs.trace.isEmpty(), "strace kept nothing for " + opts);
                    if (!ours.equals(theirs)) {
                        differences.add(String.join(" ", opts) + "\n  strace:  " + theirs + "\n  jstrace: " + ours);
                    }
                }
            }
            assertEquals("", String.join("\n", differences));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** What a run printed: the trace lines and the messages on standard error, normalised. */
    private record Run(List<String> trace, List<String> messages) {}

    private static Run jstrace(Path tmp, List<String> opts, String[] cmd) throws Exception {
        Path out = tmp.resolve("ours");
        List<String> a = new ArrayList<>(opts);
        a.addAll(List.of("-o", out.toString()));
        a.addAll(List.of(cmd));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.execute(a, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(normalized(Files.readAllLines(out)), messages(err.toString(StandardCharsets.UTF_8), "jstrace"));
    }

    private static Run strace(Path tmp, List<String> opts, String[] cmd) throws Exception {
        Path out = tmp.resolve("theirs");
        List<String> s = new ArrayList<>(List.of("/usr/bin/strace"));
        s.addAll(opts);
        s.addAll(List.of("-o", out.toString()));
        s.addAll(List.of(cmd));
        Process p = new ProcessBuilder(s).start();
        p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return new Run(normalized(Files.readAllLines(out)), messages(err, "/usr/bin/strace"));
    }

    private static List<String> messages(String err, String name) {
        List<String> out = new ArrayList<>();
        for (String l : err.split("\n")) {
            if (l.startsWith(name + ": ")) out.add(l.substring(name.length() + 2));
        }
        return out;
    }

    private static List<String> normalized(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) out.add(l.replaceAll("0x[0-9a-f]{6,}", "0xADDR").replaceAll("pipe:\\[\\d+\\]", "pipe:[N]"));
        return out;
    }
}
