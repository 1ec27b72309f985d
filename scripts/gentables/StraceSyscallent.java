import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syscalls strace 6.1 itself knows on one architecture, read from its own
 * {@code src/linux/ARCH/syscallent.h} (x86-64: {@code x86_64/}; aarch64 and
 * riscv64 include the generic {@code 64/syscallent.h} and add their own rows;
 * every arch includes {@code generic/syscallent-common.h} with BASE_NR 0) in
 * the source tree {@link StraceXlat#directory()} checks is 6.1's. strace
 * prints a number outside this set raw ({@code syscall_0x102(...)}, six
 * arguments) and whatever {@code -e trace=} says; jstrace's tables come from
 * newer kernels and name some of those numbers, so the strace-text path asks
 * this set instead.
 */
final class StraceSyscallent {
    private StraceSyscallent() {}

    /** {@code [ 12] = { 3, TF, SEN(listxattr), "llistxattr" },} and {@code [BASE_NR + 424] = ...}. */
    private static final Pattern ROW = Pattern.compile(
            "^\\[\\s*(?:BASE_NR\\s*\\+\\s*)?(\\d+)\\s*\\]\\s*=\\s*\\{\\s*\\d+\\s*,.*\"(\\w+)\"\\s*\\}\\s*,?\\s*$");
    private static final Pattern INCLUDE = Pattern.compile("^#\\s*include\\s+\"([^\"]+)\"\\s*$");

    /** The source tree's {@code src/linux}. */
    static Path linuxDirectory() throws IOException {
        return StraceXlat.directory().getParent().resolve("linux");
    }

    /** How the generated file names this input. */
    static String describe(String straceArch) {
        return "strace " + StraceXlat.VERSION + " src/linux/" + straceArch + "/syscallent.h (the numbers strace "
                + StraceXlat.VERSION + " knows)";
    }

    /** strace 6.1's names by number for {@code straceArch} (its src/linux directory name: x86_64). */
    static TreeMap<Integer, String> names(String straceArch) throws IOException {
        Path linux = linuxDirectory();
        TreeMap<Integer, String> byNr = new TreeMap<>();
        read(linux, linux.resolve(straceArch).resolve("syscallent.h"), byNr);
        if (byNr.isEmpty()) throw new IllegalStateException("no syscalls in strace's " + straceArch + " table");
        return byNr;
    }

    private static void read(Path linux, Path file, TreeMap<Integer, String> byNr) throws IOException {
        // Comments go first: aarch64's file holds a row ("[244 ... 259] = { },") inside one.
        String text = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "");
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            Matcher inc = INCLUDE.matcher(line);
            if (inc.matches()) {
                // The file's directory first, then -I src/linux/generic as strace's Makefile gives it.
                Path beside = file.getParent().resolve(inc.group(1)).normalize();
                read(linux, Files.exists(beside) ? beside : linux.resolve("generic").resolve(inc.group(1)), byNr);
                continue;
            }
            if (!line.startsWith("[")) continue;
            Matcher m = ROW.matcher(line);
            if (!m.matches()) throw new IllegalStateException(file + ": a row this reader does not know: " + line);
            String old = byNr.put(Integer.parseInt(m.group(1)), m.group(2));
            if (old != null) throw new IllegalStateException(file + ": " + m.group(1) + " twice");
        }
    }

    /**
     * The numbers as inclusive ranges, {@code {first, last, first, last, ...}} ascending.
     *
     * @param numbers the numbers, ascending
     */
    static List<Integer> ranges(Iterable<Integer> numbers) {
        List<Integer> r = new ArrayList<>();
        for (int nr : numbers) {
            if (!r.isEmpty() && r.getLast() == nr - 1) r.set(r.size() - 1, nr);
            else {
                r.add(nr);
                r.add(nr);
            }
        }
        return r;
    }
}
