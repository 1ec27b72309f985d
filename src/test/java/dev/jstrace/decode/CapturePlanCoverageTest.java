package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CapturePlan's two switches over {@link ArgType} (what to copy at entry, at exit) name every argument
 * type, each once: a new type without a capture rule fails here. javac would check this itself for a
 * switch with {@code case null}, but that makes it a pattern switch whose SwitchBootstraps bootstrap
 * costs every jstrace start ~10 ms (the AOT cache does not keep it), so the check lives here.
 */
@Tag("unit")
class CapturePlanCoverageTest {
    private static final Pattern CASE = Pattern.compile("^\\s*case\\s+([A-Z0-9_,\\s]+?)\\s*->", Pattern.MULTILINE);

    @Test
    void bothSwitchesNameEveryArgumentTypeOnce() throws Exception {
        String src = Files.readString(Path.of("src/main/java/dev/jstrace/decode/CapturePlan.java"));
        List<String> switches = switchBodies(src, "switch (types.get(i)) {");
        assertEquals(2, switches.size(), "the entry and the exit switch");
        Set<String> all = new TreeSet<>();
        for (ArgType t : EnumSet.allOf(ArgType.class)) all.add(t.name());
        for (String body : switches) {
            List<String> named = new ArrayList<>();
            Matcher m = CASE.matcher(body);
            while (m.find()) {
                for (String n : m.group(1).split(",")) named.add(n.trim());
            }
            Set<String> missing = new TreeSet<>(all);
            missing.removeAll(named);
            assertEquals(Set.of(), missing, "argument types without a capture rule");
            assertEquals(new TreeSet<>(named).size(), named.size(), "a type named twice: " + named);
            assertTrue(all.containsAll(named), "names that are not argument types: " + named);
            assertFalse(body.contains("case null ->"), "case null makes it a pattern switch (start-up cost)");
        }
    }

    /** The text of each switch that starts with {@code head}, up to its closing brace. */
    private static List<String> switchBodies(String src, String head) {
        List<String> out = new ArrayList<>();
        for (int at = src.indexOf(head); at >= 0; at = src.indexOf(head, at + 1)) {
            int depth = 0;
            for (int i = at + head.length() - 1; i < src.length(); i++) {
                char c = src.charAt(i);
                if (c == '{') depth++;
                if (c == '}' && --depth == 0) {
                    out.add(src.substring(at + head.length(), i));
                    break;
                }
            }
        }
        return out;
    }
}
