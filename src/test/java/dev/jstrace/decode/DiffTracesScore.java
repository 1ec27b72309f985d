package dev.jstrace.decode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Scores the strace differential again from the raw traces a run kept
 * ({@code -Djstrace.diff.keep=DIR}: {@code DIR/CASE/strace.txt} and {@code jstrace.txt}), with the
 * normaliser as it is now: {@code scripts/test-arch.d/rescore ARCH}. Prints each case's figure and
 * every line only one side has (not capped as the test's report is), then the total.
 */
public final class DiffTracesScore {
    private DiffTracesScore() {}

    /**
     * Entry point.
     *
     * @param args the kept traces' directory, and optionally {@code --figures} (no lines)
     * @throws IOException when a trace cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        boolean linesToo = !(args.length > 1 && args[1].equals("--figures"));
        int common = 0;
        int total = 0;
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(p -> Files.exists(p.resolve("strace.txt")) && Files.exists(p.resolve("jstrace.txt")))
                    .sorted().toList();
        }
        for (Path c : cases) {
            var cmp = TraceNormalizer.compare(read(c.resolve("strace.txt")), read(c.resolve("jstrace.txt")));
            common += cmp.common();
            total += cmp.total();
            System.out.printf(Locale.ROOT, "%-26s %6.2f%%  (%d/%d lines)%n", c.getFileName(), 100 * cmp.ratio(),
                    cmp.common(), cmp.total());
            if (!linesToo) continue;
            for (String l : cmp.onlyStrace()) System.out.println("  - " + l);
            for (String l : cmp.onlyJstrace()) System.out.println("  + " + l);
        }
        System.out.printf(Locale.ROOT, "overall %6.2f%% (%d/%d lines, %d cases)%n",
                total == 0 ? 100.0 : 100.0 * common / total, common, total, cases.size());
    }

    private static List<String> read(Path p) throws IOException {
        return TraceNormalizer.normalise(Files.readAllLines(p, StandardCharsets.ISO_8859_1));
    }
}
