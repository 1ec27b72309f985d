package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code --tips}: strace 6.1's print_totd layout and parse_tips_arg rules (its suite's strace--tips). */
@Tag("unit")
class TipsTest {
    @Test
    void boxSitsBesideTheBirdAsStraceDrawsIt() {
        List<String> compact = Tips.render(new Tips.Choice(0, Tips.Format.COMPACT)).lines().toList();
        assertEquals("  ______________________________________________         ____", compact.get(0));
        assertEquals(" /                                              \\       /    \\", compact.get(1));
        // Text lines: " | " + 44 columns + the right edge, then the bird's line.
        assertTrue(compact.get(2).matches(" \\| .{44} \\|      \\|-\\. \\.-\\.\\|"), compact.get(2));
        assertTrue(compact.get(3).matches(" \\| .{44} \\\\      \\(_@\\)\\(_@\\)"), compact.get(3));
        assertEquals(" \\______________________________________________/        |   [", compact.get(8));
        assertEquals(10, compact.size(), "compact: one line of the bird after the box");
        List<String> full = Tips.render(new Tips.Choice(0, Tips.Format.FULL)).lines().toList();
        assertEquals(compact.subList(0, 10), full.subList(0, 10));
        assertEquals(" ".repeat(52) + "    -\"     \"-", full.getLast(), "full: the bird to its feet");
        assertEquals("", Tips.render(new Tips.Choice(0, Tips.Format.NONE)));
    }

    @Test
    void idsWrapAndRandomVaries() {
        Set<String> seen = new HashSet<>();
        int n = 0;
        while (seen.add(Tips.render(new Tips.Choice(n, Tips.Format.COMPACT)))) n++;
        assertTrue(n > 1, "several tips");
        assertEquals(Tips.render(new Tips.Choice(0, Tips.Format.COMPACT)),
                Tips.render(new Tips.Choice(n, Tips.Format.COMPACT)), "id N is id 0 again");
        Set<String> random = new HashSet<>();
        for (int i = 0; i < 50; i++) random.add(Tips.render(new Tips.Choice(Tips.RANDOM, Tips.Format.COMPACT)));
        assertTrue(random.size() > 1, "random tips vary");
    }

    @Test
    void argumentsParseAsStraceParsesThem() {
        assertEquals(new Tips.Choice(Tips.RANDOM, Tips.Format.COMPACT), Tips.parse("", null));
        assertEquals(new Tips.Choice(3, Tips.Format.FULL), Tips.parse("id:3,full", null));
        assertEquals(new Tips.Choice(7, Tips.Format.FULL), Tips.parse("7", new Tips.Choice(1, Tips.Format.FULL)));
        assertEquals(new Tips.Choice(Tips.RANDOM, Tips.Format.NONE), Tips.parse("format:none", null));
        assertNull(Tips.parse("id:full", null));
        assertNull(Tips.parse("format:3", null));
        assertNull(Tips.parse("bogus", null));
    }
}
