import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that the pinned headers cannot give, read from strace 6.1's own
 * {@code src/xlat/*.in} lists (the names strace prints with the fallback values
 * it compiles in when a header lacks them): filesystem magics that only
 * strace lists, names defined in one arch's header while strace names them on
 * every arch, enumerators of headers that are not installed. The source tree is
 * the one scripts/strace-suite unpacks: {@code $JSTRACE_SUITE_CACHE} (default
 * {@code ~/.cache/jstrace/strace-6.1}) {@code /strace-6.1/src/xlat}; its
 * {@code .tarball-version} must say 6.1.
 */
final class StraceXlat {
    private StraceXlat() {}

    static final String VERSION = "6.1";
    private static final Pattern LINE = Pattern.compile("^([A-Za-z_]\\w*)\\s+(.+?)\\s*$");

    /** The strace source tree's xlat directory, checked to be strace 6.1's. */
    static Path directory() throws IOException {
        String cache = System.getenv("JSTRACE_SUITE_CACHE");
        Path base = cache != null && !cache.isEmpty() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache/jstrace/strace-6.1");
        Path src = base.resolve("strace-" + VERSION);
        Path version = src.resolve(".tarball-version");
        if (!Files.exists(version)) {
            throw new IllegalStateException("no strace " + VERSION + " source tree at " + src
                    + " (scripts/strace-suite unpacks it; or set JSTRACE_SUITE_CACHE)");
        }
        String v = Files.readString(version).strip();
        if (!v.equals(VERSION)) throw new IllegalStateException(src + " is strace " + v + ", not " + VERSION);
        return src.resolve("src/xlat");
    }

    /** How the generated file names this input. */
    static String describe() {
        return "strace " + VERSION + " src/xlat/*.in (its fallback values) for the groups of source STRACE";
    }

    /**
     * The names of {@code file}.in matching {@code names} with their values, in the file's order.
     * A name given two different values (under the file's #if branches for other arches) is refused.
     */
    static LinkedHashMap<String, Long> values(String file, Pattern names) throws IOException {
        Path p = directory().resolve(file + ".in");
        LinkedHashMap<String, Long> out = new LinkedHashMap<>();
        for (String raw : Files.readAllLines(p)) {
            String line = raw.replaceAll("/\\*.*?\\*/", "").strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line);
            if (!m.matches() || !names.matcher(m.group(1)).matches()) continue;
            Long v = CHeaders.evaluate(m.group(2));
            if (v == null) throw new IllegalStateException(p + ": " + m.group(1) + "'s value " + m.group(2)
                    + " is not an integer constant");
            Long old = out.putIfAbsent(m.group(1), v);
            if (old != null && !old.equals(v)) {
                throw new IllegalStateException(p + " gives " + m.group(1) + " two values (" + old + ", " + v
                        + "): it differs between arches, so it needs a header");
            }
        }
        return out;
    }

    /** Checks that each of {@code wanted} was found: a group of source STRACE names exactly what it needs. */
    static void requireAll(String group, String file, List<String> wanted, Map<String, Long> found) {
        for (String w : wanted) {
            if (!found.containsKey(w)) {
                throw new IllegalStateException("group " + group + ": strace " + VERSION + "'s xlat/" + file
                        + ".in has no value for " + w);
            }
        }
    }
}
