package dev.jstrace.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * scripts/test-arch.d/plan, what the emulated machines run without named
 * classes, names every test class of src/test/java once (run in the guest, or
 * skipped with a reason it defines), so a new class is never left out of the
 * other arches' proof without a word.
 */
@Tag("unit")
class TestArchPlanTest {
    private static final Path PLAN = Path.of("scripts/test-arch.d/plan");
    private static final Path TESTS = Path.of("src/test/java");
    private static final Pattern TEST_ANNOTATION =
            Pattern.compile("(?m)^\\s*@(Test|ParameterizedTest|TestFactory|RepeatedTest|Property|Example)\\b");

    private static final Pattern EXTENDS = Pattern.compile("(?m)^(?:public |abstract |final )*class \\w+ extends (\\w+)");

    /** The classes under src/test/java with a test method of their own or inherited, by binary name. */
    private static TreeSet<String> testClasses() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = TESTS.relativize(f).toString();
                sources.put(rel.substring(0, rel.length() - ".java".length()).replace('/', '.'), Files.readString(f));
            }
        }
        TreeSet<String> names = new TreeSet<>();
        sources.forEach((name, text) -> {
            if (TEST_ANNOTATION.matcher(text).find()) names.add(name);
        });
        // A class extending a test class of its package (LoadFullTest extends LoadTest) runs its tests too.
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Map.Entry<String, String> e : sources.entrySet()) {
                java.util.regex.Matcher m = EXTENDS.matcher(e.getValue());
                String pkg = e.getKey().substring(0, e.getKey().lastIndexOf('.') + 1);
                if (!names.contains(e.getKey()) && m.find() && names.contains(pkg + m.group(1))) {
                    grew = names.add(e.getKey());
                }
            }
        }
        return names;
    }

    @Test
    void thePlanNamesEveryTestClassOnceWithADefinedReason() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(PLAN) && Files.isDirectory(TESTS), "not run from the project root");
        Map<String, Integer> seen = new TreeMap<>();
        TreeSet<String> reasons = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        List<String[]> skips = new ArrayList<>();
        List<String> globs = new ArrayList<>();
        for (String line : Files.readAllLines(PLAN)) {
            String[] w = line.strip().split("\\s+");
            if (w[0].isEmpty() || w[0].startsWith("#")) continue;
            switch (w[0]) {
                case "why" -> reasons.add(w[1]);
                case "run" -> seen.merge(w[1], 1, Integer::sum);
                case "skip" -> {
                    if (w[1].contains("*")) globs.add(w[1]);
                    else seen.merge(w[1], 1, Integer::sum);
                    skips.add(w);
                    if (w.length != 3) problems.add("a skip line names one reason: " + line);
                }
                default -> problems.add("not a plan line: " + line);
            }
        }
        for (String[] s : skips) {
            if (s.length == 3 && !reasons.contains(s[2])) problems.add(s[1] + ": no 'why " + s[2] + "' line");
        }
        TreeSet<String> classes = testClasses();
        assertTrue(classes.size() > 50, "test classes found: " + classes.size());
        for (String c : classes) {
            if (!seen.containsKey(c) && globs.stream().noneMatch(g -> globMatches(g, c))) {
                problems.add(c + " is in neither a run nor a skip line");
            }
        }
        for (String g : globs) {
            if (classes.stream().noneMatch(c -> globMatches(g, c))) problems.add(g + " matches no test class");
        }
        seen.forEach((c, n) -> {
            if (n > 1) problems.add(c + " is named " + n + " times");
            if (!classes.contains(c)) problems.add(c + " is not a test class of " + TESTS);
        });
        assertEquals("", String.join("\n", problems));
    }

    /** A skip line's name with {@code *} (any run of characters within one class name) matches by glob. */
    private static boolean globMatches(String glob, String className) {
        return className.matches(Pattern.quote(glob).replace("*", "\\E[^.]*\\Q"));
    }

    @Test
    void theDifferentialRunsLastAndOnlyThere() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(PLAN), "not run from the project root");
        String plan = Files.readString(PLAN);
        assertTrue(plan.contains("\nskip dev.jstrace.decode.StraceDifferentialTest differential\n"), plan);
        assertTrue(Files.readString(Path.of("scripts/test-arch")).contains(
                "classes+=(dev.jstrace.decode.StraceDifferentialTest)"), "scripts/test-arch appends it to the plan");
    }
}
