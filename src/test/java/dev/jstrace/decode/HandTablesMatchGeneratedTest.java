package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.arch.Arch;
import dev.jstrace.arch.gen.Constants.ByArch;
import dev.jstrace.arch.gen.Constants.Named;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The decoders' hand-written tables ({@link Constants}) keep strace's print order,
 * so they are not generated; this checks every value they share a name with the
 * tables generated from the UAPI headers ({@link dev.jstrace.arch.gen.Constants}),
 * which catches a typo in a hand-written number.
 */
@Tag("unit")
class HandTablesMatchGeneratedTest {
    private static Map<String, Set<Long>> generated(Arch arch) throws IllegalAccessException {
        Map<String, Set<Long>> byName = new HashMap<>();
        for (Field f : dev.jstrace.arch.gen.Constants.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) continue;
            Object v = f.get(null);
            Named[] group = v instanceof Named[] n ? n : v instanceof ByArch b ? b.of(arch) : null;
            if (group == null) continue;
            for (Named n : group) byName.computeIfAbsent(n.name(), k -> new HashSet<>()).add(n.value());
        }
        return byName;
    }

    @Test
    void everySharedNameHasTheHeaderValue() throws IllegalAccessException {
        Map<String, Set<Long>> x86 = generated(Arch.X86_64);
        Map<String, Set<Long>> arm = generated(Arch.AARCH64);
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (Field f : Constants.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != ConstTable.class) continue;
            ConstTable t = (ConstTable) f.get(null);
            Map<String, Set<Long>> gen = f.getName().endsWith("AARCH64") ? arm : x86;
            for (long v : t.values()) {
                String name = t.name(v);
                Set<Long> want = gen.get(name);
                if (want == null) continue;
                compared++;
                // Generated values are as the header's type holds them; compare as 32 and 64 bits.
                if (!want.contains(v) && !want.contains(v & 0xffffffffL) && !want.contains((long) (int) v)) {
                    wrong.add(f.getName() + "." + name + "=0x" + Long.toHexString(v) + " but the headers say " + want);
                }
            }
        }
        assertTrue(compared > 100, "too few names shared with the generated tables: " + compared);
        assertTrue(wrong.isEmpty(), "hand-written values that differ from the headers:\n" + String.join("\n", wrong));
    }
}
