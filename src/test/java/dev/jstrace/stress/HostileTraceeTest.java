package dev.jstrace.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.Syscall;
import dev.jstrace.TraceOptions;
import dev.jstrace.TracedProcess;
import dev.jstrace.Tracer;
import dev.jstrace.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile tracees: random registers through syscall(2) (an allow list of
 * harmless calls), pointers into PROT_NONE and unmapped pages, strings that
 * run into a page edge without a NUL, binary bytes in every string argument.
 * Every call must render as one complete line, valid UTF-8, in the text and
 * the TEF outputs alike, and the program must run as it does untraced.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class HostileTraceeTest {
    /** Whether this is the long form; {@link HostileTraceeFullTest} says yes. */
    boolean full() {
        return StressSupport.FULL;
    }

    private static final Pattern LINE = Pattern.compile("^[a-z_0-9]+\\(.*\\) += (\\?|-?\\d+|0x[0-9a-f]+)(<.*>)?( .*)?$");
    /** The bracketing fcntl(-1, F_GETFD, magic); strace prints F_GETFD without its unused third argument. */
    private static final Pattern MARK = Pattern.compile("^fcntl\\(-1, (F_GETFD|0x1)\\) += -1 EBADF .*");

    @Test
    void garbageArgumentsRenderAsCompleteLines(@TempDir Path dir) throws Exception {
        String exe = StressSupport.compiled("garbage").toString();
        long seed = System.nanoTime();
        int n = full() ? 50_000 : 3_000;
        for (String[] opts : full() ? new String[][] {{}, {"-s", "4096", "-v"}, {"-xx", "-y"}, {"-X", "raw", "-s", "0"}}
                : new String[][] {{}, {"-xx", "-v"}}) {
            Path out = dir.resolve("out" + opts.length + ".txt");
            Path tef = dir.resolve("trace" + opts.length + ".json");
            List<String> args = new java.util.ArrayList<>(List.of("-o", out.toString(), "--tef", tef.toString()));
            args.addAll(List.of(opts));
            args.addAll(List.of("--", exe, "" + n, "" + seed));
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Main.Outcome o = Main.execute(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                    new PrintStream(stderr, true, StandardCharsets.UTF_8));
            String ctx = "seed " + seed + " " + String.join(" ", opts);
            assertEquals(new Main.Outcome(0, 0), o, ctx + ": " + stderr);
            assertEquals("", stderr.toString(StandardCharsets.UTF_8), ctx);
            List<String> lines = OutputFiles.straceText(out);
            List<Integer> marks = java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> MARK.matcher(lines.get(i)).matches()).boxed().toList();
            int first = marks.isEmpty() ? -1 : marks.getFirst();
            int last = marks.isEmpty() ? -1 : marks.getLast();
            assertTrue(first >= 0 && last > first, ctx + ": the markers " + lines.subList(0, Math.min(40, lines.size())));
            List<String> between = lines.subList(first + 1, last);
            assertEquals(n + 10, between.size(), ctx + ": one line per call");
            for (String l : between) assertTrue(LINE.matcher(l).matches(), ctx + ": a whole line: " + l);
            assertTrue(OutputFiles.tef(tef) >= n, ctx);
        }
    }

    @Test
    void theApiRendersEveryCallOnOneLine() throws Exception {
        String exe = StressSupport.compiled("garbage").toString();
        int n = full() ? 20_000 : 2_000;
        var counts = new StressSupport.Counting(s -> true);
        TracedProcess p = Tracer.launch(new ProcessBuilder(exe, "" + n, "" + System.nanoTime()),
                TraceOptions.defaults().withEntries(true), counts);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        p.awaitTraceEnd();
        assertEquals("calls " + (n + 10) + "\n", out);
        assertTrue(counts.unmatched().isEmpty());
        for (Syscall s : counts.kept) {
            String text = s.straceText();
            assertTrue(text.indexOf('\n') < 0 && text.indexOf('\r') < 0, text);
            assertTrue(text.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "printable ASCII: " + text);
        }
    }
}
